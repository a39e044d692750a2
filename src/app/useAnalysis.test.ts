import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diagram, node, path } from '../analysis/testing.ts';
import { moveNodes, setNodeProp } from '../model/ops.ts';
import { createEditorStore } from '../store/editor.ts';
import type { Diagram } from '../model/types.ts';
import type { AnalysisWorkerHandlers, SpawnAnalysisWorker } from './analysisClient.ts';
import { answer, reviewOf, type AnalysisRequest } from './analysisProtocol.ts';
import { figuresOf } from './figuresProtocol.ts';
import { REVIEW_AFTER_REST_MS, startAnalysis } from './useAnalysis.ts';

// No Worker in Node, so these run the review on the main thread, given the reviewer at
// once instead of loading it: what is tested here is when a review happens, not where.

const lonelyDatabase = diagram(node('web', 'client'), node('db', 'sql-database'), ...path(['web', 'db']));
const replicatedDatabase = diagram(node('web', 'client'), node('db', 'sql-database', { replicas: 2 }), ...path(['web', 'db']));

const spofs = (store: ReturnType<typeof createEditorStore>) =>
  store.getState().analysis.findings.filter((f) => f.rule === 'spof').map((f) => f.nodes[0]);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('startAnalysis', () => {
  it('reviews the document at once, and edits once the document has rested, however many came', () => {
    const store = createEditorStore(lonelyDatabase);
    const stop = startAnalysis(store, { review: reviewOf, figures: figuresOf });
    expect(spofs(store)).toEqual(['db']);
    const review = vi.spyOn(store.getState(), 'setAnalysis');

    store.getState().edit((doc) => setNodeProp(doc, 'db', 'replicas', 3));
    vi.advanceTimersByTime(REVIEW_AFTER_REST_MS - 1);
    store.getState().edit(() => replicatedDatabase);
    vi.advanceTimersByTime(REVIEW_AFTER_REST_MS - 1);
    // Only the figures lane so far, once for each edit.
    expect(spofs(store)).toEqual(['db']);
    expect(review).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(spofs(store)).toEqual([]);
    expect(review).toHaveBeenCalledTimes(3);
    stop();
  });

  it('works out an edit’s figures at once, and a move’s not at all', () => {
    const store = createEditorStore(diagram(node('web', 'client', { rps: 100 }), node('api', 'service'), ...path(['web', 'api'])));
    const stop = startAnalysis(store, { review: reviewOf, figures: figuresOf });
    const review = vi.spyOn(store.getState(), 'setAnalysis');
    const apiRps = () => store.getState().analysis.load?.components.find((c) => c.node === 'api')?.rps;
    store.getState().beginGesture();
    store.getState().updateGesture((doc) => moveNodes(doc, new Map([['api', { x: 40, y: 40 }]])));
    vi.advanceTimersByTime(REVIEW_AFTER_REST_MS - 1);
    expect(review).not.toHaveBeenCalled();
    store.getState().updateGesture((doc) => setNodeProp(doc, 'web', 'rps', 250));
    expect(apiRps()).toBe(250);
    expect(review).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(REVIEW_AFTER_REST_MS);
    // Then the review, of the edit; the move before it was never reviewed on its own.
    expect(review).toHaveBeenCalledTimes(2);
    expect(apiRps()).toBe(250);
    stop();
  });

  it('keeps the figures of a newer document when an older review lands after them', () => {
    const lane = <View>(work: (doc: Diagram, failed: readonly string[]) => View) => {
      const pending: { request: AnalysisRequest; handlers: AnalysisWorkerHandlers<View> }[] = [];
      const spawn: SpawnAnalysisWorker<View> = (handlers) => ({ post: (request) => pending.push({ request, handlers }), terminate: () => {} });
      const finish = () => {
        const { request, handlers } = pending.shift()!;
        handlers.message({ data: answer(request, () => 0, work) });
        vi.advanceTimersByTime(0);
      };
      return { spawn, finish, pending };
    };
    const reviews = lane(reviewOf);
    const figureRuns = lane(figuresOf);
    const store = createEditorStore(diagram(node('web', 'client', { rps: 100 }), node('api', 'service'), ...path(['web', 'api'])));
    const stop = startAnalysis(store, { spawn: reviews.spawn, spawnFigures: figureRuns.spawn });
    const apiRps = () => store.getState().analysis.load?.components.find((c) => c.node === 'api')?.rps;
    reviews.finish();
    expect(apiRps()).toBe(100);

    store.getState().edit((doc) => setNodeProp(doc, 'web', 'rps', 200));
    vi.advanceTimersByTime(REVIEW_AFTER_REST_MS);
    expect(reviews.pending.map((p) => p.request.doc)).toEqual([store.getState().doc]);
    store.getState().edit((doc) => setNodeProp(doc, 'web', 'rps', 300));
    // The figures lane answers for 200, then for 300, before the review of 200 is back.
    figureRuns.finish();
    expect(apiRps()).toBe(200);
    figureRuns.finish();
    expect(apiRps()).toBe(300);
    reviews.finish();
    expect(apiRps()).toBe(300);
    expect(store.getState().analysis.findings.length).toBeGreaterThan(0);
    // The review of 300, once the document has rested, brings the same figures with its findings.
    vi.advanceTimersByTime(REVIEW_AFTER_REST_MS);
    reviews.finish();
    expect(apiRps()).toBe(300);
    stop();
  });

  it('times the figures lane once the first review is in, so the first edit already has its figures worked out on the page', () => {
    const posted: { request: AnalysisRequest; handlers: AnalysisWorkerHandlers<ReturnType<typeof figuresOf>> }[] = [];
    const spawnFigures: SpawnAnalysisWorker<ReturnType<typeof figuresOf>> = (handlers) => ({ post: (request) => posted.push({ request, handlers }), terminate: () => {} });
    const onPage = vi.fn(figuresOf);
    const store = createEditorStore(diagram(node('web', 'client', { rps: 100 }), node('api', 'service'), ...path(['web', 'api'])));
    const stop = startAnalysis(store, { review: reviewOf, spawnFigures, figures: onPage });
    const first = store.getState().doc;
    expect(posted).toHaveLength(0);
    vi.advanceTimersByTime(0);
    // The first review's own document, timed in the worker twice (the second run is the
    // one that counts); it changes nothing on screen.
    const before = store.getState().analysis;
    let workerMs = 30;
    const finish = (index: number) => {
      let clock = 0;
      posted[index]!.handlers.message({ data: answer(posted[index]!.request, () => (clock += workerMs), figuresOf) });
    };
    expect(posted.map((p) => p.request.doc)).toEqual([first]);
    finish(0);
    expect(posted.map((p) => p.request.doc)).toEqual([first, first]);
    workerMs = 1;
    finish(1);
    expect(store.getState().analysis).toBe(before);

    store.getState().edit((doc) => setNodeProp(doc, 'web', 'rps', 200));
    expect(onPage).toHaveBeenCalledTimes(1);
    expect(store.getState().analysis.load?.components.find((c) => c.node === 'api')?.rps).toBe(200);
    expect(posted).toHaveLength(2);
    stop();
  });

  it('records the main-thread time of each review', () => {
    const store = createEditorStore(lonelyDatabase);
    const measure = vi.spyOn(performance, 'measure');
    const stop = startAnalysis(store, { review: reviewOf, figures: figuresOf });
    expect(measure).toHaveBeenCalledWith('faultline:analysis', expect.objectContaining({ detail: expect.objectContaining({ ranOn: 'main-thread' }) }));
    stop();
    measure.mockRestore();
  });

  it('stops reviewing when stopped', () => {
    const store = createEditorStore(lonelyDatabase);
    const stop = startAnalysis(store, { review: reviewOf, figures: figuresOf });
    const review = vi.spyOn(store.getState(), 'setAnalysis');
    store.getState().beginGesture();
    store.getState().updateGesture((doc) => moveNodes(doc, new Map([['db', { x: 40, y: 40 }]])));
    stop();
    vi.advanceTimersByTime(REVIEW_AFTER_REST_MS * 2);
    expect(review).not.toHaveBeenCalled();
  });
});
