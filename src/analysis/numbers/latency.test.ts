import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph.ts';
import { diagram, edge, node, path } from '../testing.ts';
import { latencyReport, responseTime } from './latency.ts';

const latency = (doc: ReturnType<typeof diagram>) => latencyReport(buildGraph(doc))[0]!;

describe('latency', () => {
  it('grows each component’s time as it gets busy: S / (1 − ρ), p99 4.6 times that', () => {
    expect(responseTime(20, 0)).toEqual({ mean: 20, p99: 20 * Math.log(100) });
    expect(responseTime(20, 0.5).mean).toBe(40);
    expect(responseTime(20, 0.9).mean).toBeCloseTo(200, 9);
    expect(responseTime(20, 1).mean).toBe(Infinity);
  });

  it('adds up a chain at its load', () => {
    // 500 rps: the load balancer at 5% (1 / 0.95 = 1.053 ms), the API at 50% (20 / 0.5 = 40 ms),
    // the database at 25% (5 / 0.75 = 6.667 ms): 47.72 ms on average.
    const doc = diagram(node('web', 'client', { rps: 500 }), node('lb', 'load-balancer'), node('api', 'service'), node('db', 'sql-database'), path(['web', 'lb', 'api', 'db']));
    const expected = 1 / 0.95 + 40 + 5 / 0.75;
    expect(latency(doc).meanMs).toBeCloseTo(expected, 9);
    expect(latency(doc).p99Ms).toBeCloseTo(expected * Math.log(100), 9);
  });

  it('averages a distributor’s targets, waits on a cache’s misses only, and not at all on async work', () => {
    // No load: a gateway (2 ms) over two services of 20 and 40 ms averages 30;
    // the 20-ms one reads a cache (1 ms) that misses 20% of the time to a database (5 ms): 1 + 0.2 × 5 = 2;
    // the queue behind it is async and adds nothing.
    const doc = diagram(
      node('web', 'client'),
      node('gw', 'api-gateway'),
      node('a', 'service'),
      node('b', 'service', { latencyMs: 40 }),
      node('cache', 'cache', { strategy: 'read-through' }),
      node('db', 'sql-database'),
      node('jobs', 'queue'),
      edge('web', 'gw'),
      edge('gw', 'a'),
      edge('gw', 'b'),
      edge('a', 'cache'),
      edge('cache', 'db'),
      edge('a', 'jobs', { kind: 'async' }),
    );
    expect(latency(doc).meanMs).toBeCloseTo(2 + 0.5 * (20 + 2) + 0.5 * 40, 9);
  });

  it('has no bound once something on the path is over capacity', () => {
    const doc = diagram(node('web', 'client', { rps: 2000 }), node('api', 'service'), path(['web', 'api']));
    expect(latency(doc).meanMs).toBe(Infinity);
  });
});
