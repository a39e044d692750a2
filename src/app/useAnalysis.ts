import { useEffect } from 'react';
import type { EditorStore } from '../store/editor.ts';
import { createAnalysisClient, type PageReviewer, type ReviewTiming, type SpawnAnalysisWorker } from './analysisClient.ts';

/** How long the review waits after the last edit. A drag changes the document every
 *  frame, so the review runs when the pointer rests, never in the way of a move. */
export const ANALYSIS_DELAY_MS = 120;

/** `faultline:analysis` is what one review cost the main thread, both of its tasks
 *  together (the benchmark reads it); the worker's time is a separate mark because it
 *  overlaps the page's own work. */
function recordTiming(timing: ReviewTiming): void {
  performance.measure?.('faultline:analysis', {
    start: timing.startedAt,
    duration: timing.postMs + timing.resultMs,
    detail: { ranOn: timing.ranOn, postMs: timing.postMs, resultMs: timing.resultMs, applyMs: timing.applyMs },
  });
  if (timing.workerMs !== undefined) performance.mark?.('faultline:analysis-worker', { detail: { ms: timing.workerMs } });
}

/** Reviews the document now and after each pause in editing, until the returned
 *  function is called. Kept apart from React so it can be tested without it. */
export function startAnalysis(store: EditorStore, spawn?: SpawnAnalysisWorker, review?: PageReviewer): () => void {
  const client = createAnalysisClient({
    apply: (view) => store.getState().setAnalysis(view),
    report: recordTiming,
    spawn,
    review,
    defer: (task) => setTimeout(task, 0),
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    const { doc, blastUnits } = store.getState();
    client.request(doc, blastUnits);
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, ANALYSIS_DELAY_MS);
  };
  run();
  const unsubscribe = store.subscribe((state) => state.doc, schedule);
  // Failing units by hand changes the figures at once; the findings stay as they are.
  const unsubscribeFailed = store.subscribe((state) => state.blastUnits, () => {
    if (timer !== undefined) clearTimeout(timer);
    run();
  });
  return () => {
    unsubscribe();
    unsubscribeFailed();
    if (timer !== undefined) clearTimeout(timer);
    client.dispose();
  };
}

/** Re-runs the review after edits, debounced, off the main thread where it can. */
export function useAnalysis(store: EditorStore): void {
  useEffect(() => startAnalysis(store), [store]);
}
