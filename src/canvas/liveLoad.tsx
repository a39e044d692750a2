import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { shallow } from 'zustand/shallow';
import { emptyAnalysis } from '../store/analysisView.ts';
import { useEditorStore } from '../store/context.ts';
import { canvasLoadOf, type CanvasLoad } from './view.ts';

// The load figures on the canvas change on every rps edit, for most of its nodes and
// edges at once. Through the view objects, each such edit handed React Flow new node
// and edge arrays: it adopted every node, indexed every connection again and called
// every one of its subscriptions, ~20 ms at 500 components. So the nodes and edges
// read them from a small store of their own, which changes only when the figures the
// canvas shows do (not on every frame of a drag, as the editor's store does), and
// only the nodes and edges whose figure changed render again.

interface LiveLoadState {
  load: CanvasLoad;
  show(load: CanvasLoad): void;
}

const createLiveLoad = (load: CanvasLoad): StoreApi<LiveLoadState> => createStore<LiveLoadState>((set) => ({ load, show: (next) => set({ load: next }) }));

const LiveLoadContext = createContext(createLiveLoad(canvasLoadOf({ canvasTint: 'none', analysis: emptyAnalysis })));

/** Keeps the canvas's load figures for the nodes and edges below. */
export function LiveLoad({ children }: { children: ReactNode }) {
  const editor = useEditorStore();
  const [store] = useState(() => createLiveLoad(canvasLoadOf(editor.getState())));
  useEffect(
    () => editor.subscribe(canvasLoadOf, (load) => store.getState().show(load), { equalityFn: shallow, fireImmediately: true }),
    [editor, store],
  );
  return <LiveLoadContext value={store}>{children}</LiveLoadContext>;
}

/** One node's or edge's part of the canvas's load figures. */
export function useLiveLoad<T>(selector: (load: CanvasLoad) => T): T {
  return useStore(useContext(LiveLoadContext), (state) => selector(state.load));
}
