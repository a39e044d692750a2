import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph.ts';
import { diagram, edge, node, path } from '../testing.ts';
import { replicasFor } from './headroom.ts';
import { loadReport, loadState } from './load.ts';

const rates = (doc: ReturnType<typeof diagram>) => Object.fromEntries(loadReport(buildGraph(doc)).components.map((c) => [c.node, c.rps]));
const report = (doc: ReturnType<typeof diagram>) => loadReport(buildGraph(doc));

describe('load propagation', () => {
  it('carries a client’s rate down a chain', () => {
    // 300 rps to the API, which makes 2 queries each: 600 to the database.
    const doc = diagram(node('web', 'client', { rps: 300 }), node('api', 'service'), node('db', 'sql-database'), edge('web', 'api'), edge('api', 'db', { callsPerRequest: 2 } as never));
    expect(rates(doc)).toEqual({ api: 300, db: 600 });
    // The API: 300 / (1,000 × 1) = 0.3; the database: 600 / 2,000 = 0.3.
    expect(report(doc).components.map((c) => c.utilization)).toEqual([0.3, 0.3]);
  });

  it('splits at a load balancer over three copies, by weight', () => {
    // 1,200 rps split 1:1:2 → 300, 300, 600.
    const doc = diagram(
      node('web', 'client', { rps: 1200 }),
      node('lb', 'load-balancer'),
      node('a', 'service', {}, { label: 'Web 1' }),
      node('b', 'service', {}, { label: 'Web 2' }),
      node('c', 'service', {}, { label: 'Web 3' }),
      edge('web', 'lb'),
      edge('lb', 'a'),
      edge('lb', 'b'),
      edge('lb', 'c', { weight: 2 } as never),
    );
    expect(rates(doc)).toEqual({ lb: 1200, a: 300, b: 300, c: 600 });
  });

  it('gives the database the same load drawn cache-aside or read-through', () => {
    // 1,000 reads a second, 90% answered by the cache: the database sees 100.
    const cache = node('cache', 'cache', { hitRate: 0.9 });
    const aside = diagram(node('web', 'client', { rps: 1000 }), node('api', 'service'), cache, node('db', 'sql-database'), edge('web', 'api'), edge('api', 'cache'), edge('api', 'db'));
    const through = diagram(
      node('web', 'client', { rps: 1000 }),
      node('api', 'service'),
      node('cache', 'cache', { hitRate: 0.9, strategy: 'read-through' }),
      node('db', 'sql-database'),
      path(['web', 'api', 'cache', 'db']),
    );
    expect(rates(aside).db).toBeCloseTo(100, 9);
    expect(rates(through).db).toBeCloseTo(100, 9);
    expect(rates(aside).cache).toBe(1000);
  });

  it('fans out with callsPerRequest and carries async load, but not replication', () => {
    // 100 rps, 3 calls each to the feed service = 300; each publishes once (async) = 300 to the queue.
    const doc = diagram(
      node('app', 'client', { rps: 100 }),
      node('feed', 'service'),
      node('queue', 'queue'),
      node('db', 'sql-database', { replicas: 2 }),
      node('replica', 'sql-database'),
      edge('app', 'feed', { callsPerRequest: 3 } as never),
      edge('feed', 'queue', { kind: 'async' }),
      edge('feed', 'db'),
      edge('db', 'replica', { kind: 'replication' }),
    );
    expect(rates(doc)).toEqual({ feed: 300, queue: 300, db: 300 });
  });

  it('passes a CDN’s misses on to its origin', () => {
    // 50,000 rps at the edge, 90% hits by default: 5,000 reach the bucket.
    const doc = diagram(node('web', 'client', { rps: 50_000 }), node('cdn', 'cdn'), node('bucket', 'object-storage'), path(['web', 'cdn', 'bucket']));
    expect(rates(doc).bucket).toBeCloseTo(5000, 9);
    // A managed bucket's capacity is the service's: 5,000 / 5,500.
    expect(report(doc).components.find((c) => c.node === 'bucket')!.utilization).toBeCloseTo(5000 / 5500, 9);
  });

  it('follows a cycle once: the call back counts where it lands, and goes no further', () => {
    // 10 rps into a, which calls b, which calls a back: a serves 20, b 10.
    const doc = diagram(node('web', 'client', { rps: 10 }), node('a', 'service'), node('b', 'service'), edge('web', 'a'), edge('a', 'b'), edge('b', 'a'));
    expect(rates(doc)).toEqual({ a: 20, b: 10 });
  });

  it('orders request paths before async deliveries, so a stream feeding back does not hide load', () => {
    // Two WebSocket servers each take 500 rps and call the chat service (1,000 in all),
    // which publishes to a stream that delivers to both servers again (async).
    const doc = diagram(
      node('app', 'client', { rps: 1000 }),
      node('lb', 'load-balancer'),
      node('ws1', 'websocket-server', {}, { label: 'WS 1' }),
      node('ws2', 'websocket-server', {}, { label: 'WS 2' }),
      node('chat', 'service'),
      node('events', 'stream'),
      edge('app', 'lb'),
      edge('lb', 'ws1'),
      edge('lb', 'ws2'),
      edge('ws1', 'chat'),
      edge('ws2', 'chat'),
      edge('chat', 'events', { kind: 'async' }),
      edge('events', 'ws1', { kind: 'async' }),
      edge('events', 'ws2', { kind: 'async' }),
    );
    // Each server: 500 from the load balancer plus 1,000 deliveries.
    expect(rates(doc)).toEqual({ lb: 1000, ws1: 1500, ws2: 1500, chat: 1000, events: 1000 });
  });

  it('works out a stream two publishers feed after both of them, so its consumer sees the sum', () => {
    // 600 rps split by DNS over two services (300 each), each publishing every request:
    // the stream gets 600, and its worker all 600, not only the first publisher's 300.
    const doc = diagram(
      node('web', 'client', { rps: 600 }),
      node('dns', 'dns'),
      node('a', 'service'),
      node('b', 'service'),
      node('events', 'stream'),
      node('worker', 'worker'),
      edge('web', 'dns'),
      edge('dns', 'a'),
      edge('dns', 'b'),
      edge('a', 'events', { kind: 'async' }),
      edge('b', 'events', { kind: 'async' }),
      edge('events', 'worker', { kind: 'async' }),
    );
    expect(rates(doc)).toEqual({ dns: 600, a: 300, b: 300, events: 600, worker: 600 });
  });

  it('moves a lost zone’s share to the survivors at a distributor', () => {
    // 1,000 rps over Web 1 (zone A) and Web 2 (zone B): 500 each; with A lost, Web 2 takes 1,000.
    const doc = diagram(
      node('zone-a', 'zone'),
      node('zone-b', 'zone'),
      node('web', 'client', { rps: 1000 }),
      node('lb', 'load-balancer'),
      node('w1', 'service', {}, { label: 'Web 1', parentId: 'zone-a' }),
      node('w2', 'service', {}, { label: 'Web 2', parentId: 'zone-b' }),
      edge('web', 'lb'),
      edge('lb', 'w1'),
      edge('lb', 'w2'),
    );
    const graph = buildGraph(doc);
    const lost = new Uint8Array(graph.components.length);
    lost[graph.componentIndex.get('w1')!] = 1;
    const state = loadState(graph, lost);
    expect(state.rate[graph.componentIndex.get('w2')!]).toBe(1000);
    expect(state.edgeRate.get('lb>w1')).toBeUndefined();
  });

  it('prices every component: per instance, or the service when managed', () => {
    const doc = diagram(node('web', 'client'), node('api', 'service', { replicas: 3 }), node('dns', 'dns', { replicas: 2 }), node('db', 'sql-database', { costPerMonth: 400 }));
    // 3 × $70 + $1 (managed) + $400.
    expect(report(doc).cost).toEqual({ total: 611, components: [{ node: 'db', monthly: 400 }, { node: 'api', monthly: 210 }, { node: 'dns', monthly: 1 }] });
    expect(report(doc).active).toBe(false);
  });

  it('counts the replicas that bring a load under 70%', () => {
    // 2,100 rps at 1,000 each: 3 give 70% exactly, so it takes 4.
    expect(replicasFor(2100, 1000)).toBe(4);
    expect(replicasFor(2000, 1000)).toBe(3);
    expect(replicasFor(0, 1000)).toBe(1);
  });
});
