import { useEffect } from 'react';
import { onlyPlacementChanged } from '../model/changes.ts';
import type { Diagram } from '../model/types.ts';
import type { EditorStore } from '../store/editor.ts';
import type { LiveFigures } from '../store/analysisView.ts';
import { createAnalysisClient, createFiguresClient, type PageReviewer, type ReviewTiming, type SpawnAnalysisWorker } from './analysisClient.ts';

/** How long the document rests before the whole review runs. A drag changes it every
 *  frame and typing every keystroke; reviewing each change kept a core busy in the
 *  worker while the page drew the next frame, and on a two-core machine that delayed
 *  a few rps edits in forty past two frames at 500 components. What such an edit
 *  changes on screen, the load figures, is worked out at once by the figures lane. */
export const REVIEW_AFTER_REST_MS = 120;

/** How long a review waits, at most, for the page to be idle before it is applied. */
const APPLY_WITHIN_MS = 200;

/** Runs `task` once the page is idle: after the frame being drawn has been painted, so
 *  that a review arriving just after a keystroke does not hold back the frame that shows
 *  it, and within `APPLY_WITHIN_MS` however busy the page is. Without idle callbacks
 *  (Node), in a task of its own. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: APPLY_WITHIN_MS });
  else setTimeout(task, 0);
}

/** `faultline:analysis` is what one review cost the main thread, both of its tasks
 *  together (the benchmark reads it); the worker's time is a separate mark because it
 *  overlaps the page's own work. The figures lane records `faultline:figures` alike. */
const recordTiming =
  (name: string) =>
  (timing: ReviewTiming): void => {
    performance.measure?.(name, {
      start: timing.startedAt,
      duration: timing.postMs + timing.resultMs,
      detail: { ranOn: timing.ranOn, postMs: timing.postMs, resultMs: timing.resultMs, applyMs: timing.applyMs },
    });
    if (timing.workerMs !== undefined) performance.mark?.(`${name}-worker`, { detail: { ms: timing.workerMs } });
  };

/** Where each lane reviews: workers by default; tests give their own. */
export interface AnalysisLanes {
  spawn?: SpawnAnalysisWorker;
  review?: PageReviewer;
  spawnFigures?: SpawnAnalysisWorker<LiveFigures>;
  figures?: PageReviewer<LiveFigures>;
}

/**
 * Reviews the document now and once it has rested after edits, until the returned
 * function is called. Kept apart from React so it can be tested without it.
 *
 * An edit goes to two lanes: the load figures alone at once, worked out in the edit's
 * own task while that is quick (FIGURES_ON_PAGE_MS); and the whole review once the
 * document rests (REVIEW_AFTER_REST_MS). Whichever answers for the newer document
 * decides the figures on screen, so a late review of an older document never puts
 * back an older rate.
 */
export function startAnalysis(store: EditorStore, lanes: AnalysisLanes = {}): () => void {
  const versions = new WeakMap<Diagram, number>();
  let nextVersion = 1;
  const versionOf = (doc: Diagram) => {
    let version = versions.get(doc);
    if (version === undefined) versions.set(doc, (version = nextVersion++));
    return version;
  };
  /** The version of the document the figures on screen are of. */
  let figuresOf = 0;
  let figuresWarmed = false;
  const client = createAnalysisClient({
    apply: (view, doc) => {
      // Once the first review is in, the figures lane times the same document twice
      // (its answers change nothing on screen), so that it knows where to work out the
      // first edit's figures: on the page while that is quick. A fresh worker's first
      // run is slower than any after it, its code not yet optimised.
      if (!figuresWarmed) {
        figuresWarmed = true;
        whenIdle(() => {
          figures.request(doc);
          figures.request(doc);
        });
      }
      const version = versionOf(doc);
      const { analysis, setAnalysis } = store.getState();
      if (version < figuresOf) setAnalysis({ ...view, load: analysis.load, latency: analysis.latency, busyByNode: analysis.busyByNode });
      else {
        figuresOf = version;
        setAnalysis(view);
      }
    },
    report: recordTiming('faultline:analysis'),
    spawn: lanes.spawn,
    review: lanes.review,
    // Reading a large review and re-rendering with it are two tasks, not one long one,
    // and the second waits for the frame in progress to be painted.
    defer: whenIdle,
  });
  const figures = createFiguresClient({
    apply: (live, doc) => {
      const version = versionOf(doc);
      if (version <= figuresOf) return;
      figuresOf = version;
      const { analysis, setAnalysis } = store.getState();
      setAnalysis({ ...analysis, ...live });
    },
    report: recordTiming('faultline:figures'),
    spawn: lanes.spawnFigures,
    review: lanes.figures,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    const { doc, blastUnits } = store.getState();
    versionOf(doc);
    client.request(doc, blastUnits);
  };
  const schedule = (doc: Diagram, before: Diagram) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, REVIEW_AFTER_REST_MS);
    // Moving or resizing changes none of the figures.
    if (onlyPlacementChanged(before, doc)) return;
    versionOf(doc);
    figures.request(doc);
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
    figures.dispose();
  };
}

/** Re-runs the review after edits (moves debounced), off the main thread where it can. */
export function useAnalysis(store: EditorStore): void {
  useEffect(() => startAnalysis(store), [store]);
}
