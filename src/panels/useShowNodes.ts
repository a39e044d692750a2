import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useEditorStore } from '../store/context.ts';

/** Selects some nodes (and edges) and frames them on the canvas: what every "Show" button does. */
export function useShowNodes(): (nodes: readonly string[], edges?: readonly string[]) => void {
  const store = useEditorStore();
  const flow = useReactFlow();
  return useCallback(
    (nodes, edges = []) => {
      store.getState().select(nodes, edges);
      void flow.fitView({ nodes: nodes.map((id) => ({ id })), padding: 0.6, duration: 200, maxZoom: 1.2 });
    },
    [store, flow],
  );
}
