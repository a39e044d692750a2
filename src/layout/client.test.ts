import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, FORMAT_TAG, type Diagram } from '../model/types.ts';
import { createLayoutClient, type LayoutWorkerHandlers, type SpawnLayoutWorker } from './client.ts';
import type { LayoutRequest } from './protocol.ts';

const doc: Diagram = {
  format: FORMAT_TAG,
  version: CURRENT_VERSION,
  title: 'Client test',
  nodes: [
    { id: 'web', kind: 'client', label: 'Web', position: { x: 0, y: 0 }, props: {} },
    { id: 'api', kind: 'service', label: 'API', position: { x: 0, y: 0 }, props: {} },
  ],
  edges: [{ id: 'e1', source: 'web', target: 'api', props: {} }],
};

interface FakeWorker {
  requests: LayoutRequest[];
  terminated: boolean;
  handlers: LayoutWorkerHandlers;
}

/** Workers that record what they are sent and answer when the test says so. */
function fakeWorkers() {
  const spawned: FakeWorker[] = [];
  const spawn: SpawnLayoutWorker = (handlers) => {
    const worker: FakeWorker = { requests: [], terminated: false, handlers };
    spawned.push(worker);
    return {
      post: (request) => worker.requests.push(request),
      terminate: () => {
        worker.terminated = true;
      },
    };
  };
  const finish = (worker: FakeWorker, request: LayoutRequest) =>
    worker.handlers.message({
      type: 'done',
      id: request.id,
      placements: [
        { id: 'web', x: 24, y: 24, width: 180, height: 64 },
        { id: 'api', x: 284, y: 24, width: 180, height: 64 },
      ],
    });
  return { spawned, spawn, finish };
}

describe('createLayoutClient', () => {
  it('starts no worker until the first layout', () => {
    const { spawned, spawn } = fakeWorkers();
    createLayoutClient(spawn);
    expect(spawned).toHaveLength(0);
  });

  it('resolves with the document laid out, reporting progress on the way', async () => {
    const { spawned, spawn, finish } = fakeWorkers();
    const client = createLayoutClient(spawn);
    const stages: string[] = [];
    const result = client.layout(doc, { direction: 'RIGHT' }, (stage) => stages.push(stage));
    const worker = spawned[0]!;
    const request = worker.requests[0]!;
    expect(request).toMatchObject({ type: 'layout', options: { direction: 'RIGHT' } });
    worker.handlers.message({ type: 'progress', id: request.id, stage: 'loading' });
    finish(worker, request);
    const laidOut = await result;
    expect(laidOut).not.toBe('cancelled');
    expect((laidOut as Diagram).nodes.map((n) => n.position)).toEqual([
      { x: 24, y: 24 },
      { x: 284, y: 24 },
    ]);
    expect(stages).toEqual(['loading']);
    expect(doc.nodes[1]!.position).toEqual({ x: 0, y: 0 });
  });

  it('reuses a worker that finished', async () => {
    const { spawned, spawn, finish } = fakeWorkers();
    const client = createLayoutClient(spawn);
    const first = client.layout(doc, { direction: 'RIGHT' });
    finish(spawned[0]!, spawned[0]!.requests[0]!);
    await first;
    const second = client.layout(doc, { direction: 'DOWN' });
    expect(spawned).toHaveLength(1);
    finish(spawned[0]!, spawned[0]!.requests[1]!);
    expect(await second).not.toBe('cancelled');
  });

  it('lets the latest layout win: the running one is cancelled and its worker stopped', async () => {
    const { spawned, spawn, finish } = fakeWorkers();
    const client = createLayoutClient(spawn);
    const first = client.layout(doc, { direction: 'RIGHT' });
    const second = client.layout(doc, { direction: 'DOWN' });
    expect(await first).toBe('cancelled');
    expect(spawned[0]!.terminated).toBe(true);
    expect(spawned).toHaveLength(2);
    // A late answer to the first request changes nothing.
    finish(spawned[0]!, spawned[0]!.requests[0]!);
    finish(spawned[1]!, spawned[1]!.requests[0]!);
    expect(await second).not.toBe('cancelled');
  });

  it('cancels on request, and does nothing when idle', async () => {
    const { spawned, spawn } = fakeWorkers();
    const client = createLayoutClient(spawn);
    client.cancel();
    const running = client.layout(doc, { direction: 'RIGHT' });
    client.cancel();
    expect(await running).toBe('cancelled');
    expect(spawned[0]!.terminated).toBe(true);
  });

  it('rejects when ELK fails, and starts afresh when the worker breaks', async () => {
    const { spawned, spawn, finish } = fakeWorkers();
    const client = createLayoutClient(spawn);
    const failing = client.layout(doc, { direction: 'RIGHT' });
    spawned[0]!.handlers.message({ type: 'failed', id: spawned[0]!.requests[0]!.id, message: 'no layout' });
    await expect(failing).rejects.toThrow('no layout');

    const crashing = client.layout(doc, { direction: 'RIGHT' });
    spawned[0]!.handlers.error('could not start');
    await expect(crashing).rejects.toThrow('could not start');
    expect(spawned[0]!.terminated).toBe(true);

    const next = client.layout(doc, { direction: 'RIGHT' });
    expect(spawned).toHaveLength(2);
    finish(spawned[1]!, spawned[1]!.requests[0]!);
    expect(await next).not.toBe('cancelled');
  });

  it('rejects when no worker can be made', async () => {
    const client = createLayoutClient(() => {
      throw new Error('Workers are not available');
    });
    await expect(client.layout(doc, { direction: 'RIGHT' })).rejects.toThrow('Workers are not available');
  });
});
