import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Editor, EditorStore } from './editor.ts';

export const EditorContext = createContext<EditorStore | null>(null);

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditor needs an EditorContext provider');
  return store;
}

/** Reads one slice of editor state; components re-render only when it changes. */
export function useEditor<T>(selector: (state: Editor) => T): T {
  return useStore(useEditorStore(), selector);
}
