import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagram, node, path } from '../analysis/testing.ts';
import type { Diagram } from '../model/types.ts';
import type { AnalysisView } from '../store/analysisView.ts';
import {
  createAnalysisClient,
  MAX_WORKER_CRASHES,
  type AnalysisWorkerHandlers,
  type ReviewTiming,
  type SpawnAnalysisWorker,
} from './analysisClient.ts';
import { answer, reviewOf, type AnalysisRequest } from './analysisProtocol.ts';

/** Web → API (two replicas) → a database with the given replicas: one copy is a
 *  single point of failure, two are not. */
function withDatabase(replicas: number, label = 'db'): Diagram {
  return diagram(
    node('web', 'client'),
    node('api', 'service', { replicas: 2 }),
    node('db', 'sql-database', { replicas }, { label }),
    ...path(['web', 'api', 'db']),
  );
}

const lonelyDatabase = withDatabase(1);
const replicatedDatabase = withDatabase(2);

const spofs = (view: AnalysisView | undefined) => view?.findings.filter((f) => f.rule === 'spof').map((f) => f.nodes[0]);

interface FakeWorker {
  requests: AnalysisRequest[];
  terminated: boolean;
  handlers: AnalysisWorkerHandlers;
}

/** Workers that record what they are sent and answer, with the real review, when the test says so. */
function fakeWorkers() {
  const spawned: FakeWorker[] = [];
  const spawn: SpawnAnalysisWorker = (handlers) => {
    const worker: FakeWorker = { requests: [], terminated: false, handlers };
    spawned.push(worker);
    return {
      post: (request) => worker.requests.push(structuredClone(request)),
      terminate: () => {
        worker.terminated = true;
      },
    };
  };
  const finish = (worker: FakeWorker, request: AnalysisRequest) =>
    worker.handlers.message({ data: structuredClone(answer(request, () => 0, reviewOf)) });
  return { spawned, spawn, finish };
}

function recordingClient(spawn: SpawnAnalysisWorker) {
  const applied: AnalysisView[] = [];
  const timings: ReviewTiming[] = [];
  const client = createAnalysisClient({ apply: (view) => applied.push(view), report: (t) => timings.push(t), spawn, review: reviewOf });
  return { client, applied, timings };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createAnalysisClient', () => {
  it('applies a worker review in the task it is deferred to, and drops it if a newer one was applied first', () => {
    const { spawned, spawn, finish } = fakeWorkers();
    const deferred: (() => void)[] = [];
    const applied: AnalysisView[] = [];
    const client = createAnalysisClient({ apply: (view) => applied.push(view), spawn, defer: (task) => deferred.push(task) });
    client.request(lonelyDatabase);
    client.request(replicatedDatabase);
    const worker = spawned[0]!;
    finish(worker, worker.requests[0]!);
    expect(applied).toHaveLength(0);
    finish(worker, worker.requests[1]!);
    expect(deferred).toHaveLength(2);
    // The newer review's task runs first; the older one then changes nothing.
    deferred[1]!();
    deferred[0]!();
    expect(applied.map(spofs)).toEqual([[]]);
  });

  it('sends the document to the worker and applies the review it returns', () => {
    const { spawned, spawn, finish } = fakeWorkers();
    const { client, applied, timings } = recordingClient(spawn);
    client.request(lonelyDatabase);
    expect(applied).toHaveLength(0);
    const worker = spawned[0]!;
    expect(worker.requests.map((r) => r.doc)).toEqual([lonelyDatabase]);

    finish(worker, worker.requests[0]!);
    expect(applied).toHaveLength(1);
    expect(spofs(applied[0])).toEqual(['db']);
    expect(applied[0]!.worstByNode.get('db')).toBe('error');
    expect(timings).toEqual([expect.objectContaining({ ranOn: 'worker', workerMs: 0 })]);
    expect(timings[0]!.postMs).toBeGreaterThanOrEqual(0);
    expect(timings[0]!.resultMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps one worker for every review', () => {
    const { spawned, spawn, finish } = fakeWorkers();
    const { client, applied } = recordingClient(spawn);
    client.request(lonelyDatabase);
    finish(spawned[0]!, spawned[0]!.requests[0]!);
    client.request(replicatedDatabase);
    finish(spawned[0]!, spawned[0]!.requests[1]!);
    expect(spawned).toHaveLength(1);
    expect(applied.map(spofs)).toEqual([['db'], []]);
  });

  it('lets the latest document win: those that arrive meanwhile are replaced, and late answers ignored', () => {
    const { spawned, spawn, finish } = fakeWorkers();
    const { client, applied } = recordingClient(spawn);
    client.request(lonelyDatabase);
    client.request(withDatabase(1, 'second'));
    client.request(withDatabase(1, 'third'));
    client.request(replicatedDatabase);
    const worker = spawned[0]!;
    expect(worker.requests).toHaveLength(1);

    const [first] = worker.requests;
    finish(worker, first!);
    expect(worker.requests.map((r) => r.doc)).toEqual([lonelyDatabase, replicatedDatabase]);
    expect(applied.map(spofs)).toEqual([['db']]);

    // An answer to the first request arriving again while the newest runs changes nothing.
    finish(worker, first!);
    expect(applied.map(spofs)).toEqual([['db']]);
    finish(worker, worker.requests[1]!);
    finish(worker, first!);
    expect(applied.map(spofs)).toEqual([['db'], []]);
    const labels = applied.flatMap((view) => view.findings.map((f) => f.message)).join(' ');
    expect(labels).not.toMatch(/second|third/);
  });

  it('reviews on the main thread when the worker fails a review, then goes on using it', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { spawned, spawn, finish } = fakeWorkers();
    const { client, applied, timings } = recordingClient(spawn);
    client.request(lonelyDatabase);
    const worker = spawned[0]!;
    worker.handlers.message({ data: { id: worker.requests[0]!.id, error: 'out of memory' } });
    expect(spofs(applied[0])).toEqual(['db']);
    expect(timings[0]).toMatchObject({ ranOn: 'main-thread', postMs: 0, workerMs: undefined });
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('out of memory'));

    client.request(replicatedDatabase);
    expect(worker.requests).toHaveLength(2);
    finish(worker, worker.requests[1]!);
    expect(applied.map(spofs)).toEqual([['db'], []]);
  });

  it('sends the waiting document instead of redoing a failed review that is already out of date', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { spawned, spawn } = fakeWorkers();
    const { client, applied } = recordingClient(spawn);
    client.request(lonelyDatabase);
    client.request(replicatedDatabase);
    const worker = spawned[0]!;
    worker.handlers.message({ data: { id: worker.requests[0]!.id, error: 'out of memory' } });
    expect(applied).toHaveLength(0);
    expect(worker.requests.map((r) => r.doc)).toEqual([lonelyDatabase, replicatedDatabase]);
  });

  it('reviews the newest document on the main thread when the worker crashes, and starts a new worker next time', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { spawned, spawn, finish } = fakeWorkers();
    const { client, applied } = recordingClient(spawn);
    client.request(replicatedDatabase);
    client.request(lonelyDatabase);
    spawned[0]!.handlers.error('the analysis worker could not start');
    expect(spawned[0]!.terminated).toBe(true);
    expect(applied.map(spofs)).toEqual([['db']]);

    client.request(replicatedDatabase);
    expect(spawned).toHaveLength(2);
    finish(spawned[1]!, spawned[1]!.requests[0]!);
    expect(applied.map(spofs)).toEqual([['db'], []]);
  });

  it('stays on the main thread once the worker has crashed too often', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { spawned, spawn } = fakeWorkers();
    const { client, applied } = recordingClient(spawn);
    for (let i = 0; i < MAX_WORKER_CRASHES; i++) {
      client.request(lonelyDatabase);
      spawned.at(-1)!.handlers.error('crashed');
    }
    client.request(replicatedDatabase);
    expect(spawned).toHaveLength(MAX_WORKER_CRASHES);
    expect(applied.map(spofs).at(-1)).toEqual([]);
  });

  it('reviews on the main thread, at once, where no worker can be made', () => {
    const spawn = vi.fn<SpawnAnalysisWorker>(() => {
      throw new ReferenceError('Worker is not defined');
    });
    const { client, applied, timings } = recordingClient(spawn);
    client.request(lonelyDatabase);
    client.request(replicatedDatabase);
    expect(applied.map(spofs)).toEqual([['db'], []]);
    expect(timings.map((t) => t.ranOn)).toEqual(['main-thread', 'main-thread']);
    expect(spawn).toHaveBeenCalledTimes(1);
  });

  it('reviews on the main thread with the default spawn when there is no Worker (as in Node)', () => {
    const applied: AnalysisView[] = [];
    const client = createAnalysisClient({ apply: (view) => applied.push(view), review: reviewOf });
    client.request(lonelyDatabase);
    expect(spofs(applied[0])).toEqual(['db']);
  });

  it('loads the review code on demand when no worker can be made, and applies only the newest', async () => {
    const applied: AnalysisView[] = [];
    const client = createAnalysisClient({ apply: (view) => applied.push(view) });
    client.request(lonelyDatabase);
    client.request(replicatedDatabase);
    expect(applied).toHaveLength(0);
    await vi.waitFor(() => expect(applied.map(spofs)).toEqual([[]]));
  });

  it('reviews on the page, in the task that asks, while recent reviews took at most onPageUnderMs, and in the worker otherwise', () => {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    let cost = 2;
    const { spawned, spawn, finish } = fakeWorkers();
    const applied: Diagram[] = [];
    const timings: ReviewTiming[] = [];
    const review = (doc: Diagram) => {
      clock += cost;
      return reviewOf(doc, []);
    };
    const client = createAnalysisClient({ apply: (_view, doc) => applied.push(doc), report: (t) => timings.push(t), spawn, review, onPageUnderMs: 8 });
    // Nothing has been timed yet: the worker, which then says it took no time.
    client.request(lonelyDatabase);
    const worker = spawned[0]!;
    finish(worker, worker.requests[0]!);
    expect(applied).toEqual([lonelyDatabase]);

    client.request(replicatedDatabase);
    expect(applied).toEqual([lonelyDatabase, replicatedDatabase]);
    // Timed 0 and 2 ms, under the limit, so the next one is done here too; it takes 20.
    cost = 20;
    const third = withDatabase(3);
    client.request(third);
    expect(applied.at(-1)).toBe(third);
    // One slow run among quick ones (a garbage collection, say) does not decide: 0, 2, 20.
    const fourth = withDatabase(4);
    client.request(fourth);
    expect(applied.at(-1)).toBe(fourth);
    // 2, 20, 20: recent reviews are slow now, so the worker takes the next.
    const fifth = withDatabase(5);
    client.request(fifth);
    expect(applied.at(-1)).toBe(fourth);
    expect(worker.requests.map((r) => r.doc)).toEqual([lonelyDatabase, fifth]);
    finish(worker, worker.requests[1]!);
    expect(applied.at(-1)).toBe(fifth);
    expect(timings.map((t) => t.ranOn)).toEqual(['worker', 'main-thread', 'main-thread', 'main-thread', 'worker']);
  });

  it('prepares the page once, when the worker first says the next review will be done there', () => {
    let workerCost = 20;
    const { spawned, spawn } = fakeWorkers();
    const preparePage = vi.fn();
    const client = createAnalysisClient({ apply: () => {}, spawn, review: reviewOf, onPageUnderMs: 8, preparePage });
    const finishIn = (request: AnalysisRequest) => {
      let clock = 0;
      spawned[0]!.handlers.message({ data: answer(request, () => (clock += workerCost), reviewOf) });
    };
    client.request(lonelyDatabase);
    finishIn(spawned[0]!.requests[0]!);
    // 20 ms in the worker: the next review goes there too, and the page needs nothing.
    expect(preparePage).not.toHaveBeenCalled();
    client.request(replicatedDatabase);
    workerCost = 4;
    finishIn(spawned[0]!.requests[1]!);
    // 20 and 4: the lower of the two decides, and the page is next.
    expect(preparePage).toHaveBeenCalledTimes(1);
    client.request(withDatabase(3));
    expect(spawned[0]!.requests).toHaveLength(2);
    expect(preparePage).toHaveBeenCalledTimes(1);
  });

  it('terminates the worker on dispose, and ignores what comes after', () => {
    const { spawned, spawn, finish } = fakeWorkers();
    const { client, applied } = recordingClient(spawn);
    client.request(lonelyDatabase);
    client.request(replicatedDatabase);
    client.dispose();
    const worker = spawned[0]!;
    expect(worker.terminated).toBe(true);

    finish(worker, worker.requests[0]!);
    worker.handlers.error('gone');
    client.request(lonelyDatabase);
    expect(applied).toHaveLength(0);
    expect(worker.requests).toHaveLength(1);
    expect(spawned).toHaveLength(1);
  });
});
