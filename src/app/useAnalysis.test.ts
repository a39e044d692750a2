import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diagram, node, path } from '../analysis/testing.ts';
import { createEditorStore } from '../store/editor.ts';
import { reviewOf } from './analysisProtocol.ts';
import { ANALYSIS_DELAY_MS, startAnalysis } from './useAnalysis.ts';

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
  it('reviews the document at once, then again once editing pauses', () => {
    const store = createEditorStore(lonelyDatabase);
    const stop = startAnalysis(store, undefined, reviewOf);
    expect(spofs(store)).toEqual(['db']);

    store.getState().edit(() => replicatedDatabase);
    vi.advanceTimersByTime(ANALYSIS_DELAY_MS - 1);
    expect(spofs(store)).toEqual(['db']);
    vi.advanceTimersByTime(1);
    expect(spofs(store)).toEqual([]);
    stop();
  });

  it('records the main-thread time of each review', () => {
    const store = createEditorStore(lonelyDatabase);
    const measure = vi.spyOn(performance, 'measure');
    const stop = startAnalysis(store, undefined, reviewOf);
    expect(measure).toHaveBeenCalledWith('faultline:analysis', expect.objectContaining({ detail: expect.objectContaining({ ranOn: 'main-thread' }) }));
    stop();
    measure.mockRestore();
  });

  it('stops reviewing when stopped', () => {
    const store = createEditorStore(lonelyDatabase);
    const stop = startAnalysis(store, undefined, reviewOf);
    store.getState().edit(() => replicatedDatabase);
    stop();
    vi.advanceTimersByTime(ANALYSIS_DELAY_MS * 2);
    expect(spofs(store)).toEqual(['db']);
  });
});
