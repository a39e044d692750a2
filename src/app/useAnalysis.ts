import { useEffect } from 'react';
import { analyse } from '../analysis/run.ts';
import type { EditorStore } from '../store/editor.ts';
import { summarise } from '../store/analysisView.ts';

/** How long the review waits after the last edit. A drag changes the document every
 *  frame, so the review runs when the pointer rests, never in the way of a move. */
export const ANALYSIS_DELAY_MS = 120;

/** Re-runs the review after edits, debounced, outside React's render. */
export function useAnalysis(store: EditorStore): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      timer = undefined;
      const { doc } = store.getState();
      const started = performance.now();
      const findings = analyse(doc);
      const view = summarise(findings);
      performance.measure?.('faultline:analysis', { start: started });
      store.getState().set({ analysis: view });
    };
    const schedule = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(run, ANALYSIS_DELAY_MS);
    };
    run();
    const unsubscribe = store.subscribe((state) => state.doc, schedule);
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store]);
}
