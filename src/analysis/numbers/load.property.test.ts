import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../model/types.ts';
import { buildGraph } from '../graph.ts';
import { diagram, edge, node } from '../testing.ts';
import { loadReport } from './load.ts';

// An independent reading of the brief's load rule, for acyclic designs only: a
// component's rate is what its clients send plus what every flow edge into it carries,
// worked out by recursion over callers instead of one pass in a computed order.

const KINDS = ['service', 'load-balancer', 'api-gateway', 'dns', 'cache', 'cdn', 'sql-database', 'nosql-database', 'queue', 'stream', 'worker'] as const;
const DISTRIBUTORS = new Set(['load-balancer', 'api-gateway', 'dns']);
const DEFAULT_HIT = { cache: 0.8, cdn: 0.9 } as Record<string, number>;
const DATABASES = new Set(['sql-database', 'nosql-database']);

interface Spec {
  clients: number[];
  kinds: (typeof KINDS)[number][];
  hitRates: (number | undefined)[];
  aside: boolean[];
  edges: { from: number; to: number; async: boolean; calls?: number; weight?: number }[];
}

const spec: fc.Arbitrary<Spec> = fc.integer({ min: 3, max: 12 }).chain((size) =>
  fc.record({
    clients: fc.array(fc.constantFrom(0, 100, 250, 1000), { minLength: 1, maxLength: 3 }),
    kinds: fc.array(fc.constantFrom(...KINDS), { minLength: size, maxLength: size }),
    hitRates: fc.array(fc.constantFrom(undefined, 0.5, 0.95), { minLength: size, maxLength: size }),
    aside: fc.array(fc.boolean(), { minLength: size, maxLength: size }),
    edges: fc.array(
      fc.record({
        from: fc.nat(size + 2),
        to: fc.nat(size - 1),
        async: fc.boolean(),
        calls: fc.constantFrom(undefined, 0.5, 2, 3),
        weight: fc.constantFrom(undefined, 1, 3, 10),
      }),
      { maxLength: size * 3 },
    ),
  }),
);

/** Components are c0..; clients e0..; edges only go from an earlier to a later component. */
function docOf({ clients, kinds, hitRates, aside, edges }: Spec): Diagram {
  const seen = new Set<string>();
  const links = edges
    .map(({ from, to, ...rest }) => ({ source: from < clients.length ? `e${from}` : `c${from - clients.length}`, target: `c${to}`, from: from - clients.length, to, ...rest }))
    .filter(({ source, target, from, to }) => (from < 0 || from < to) && !seen.has(`${source}>${target}`) && seen.add(`${source}>${target}`))
    .map(({ source, target, async, calls, weight }, i) =>
      edge(source, target, { ...(async ? { kind: 'async' as const } : {}), ...(calls === undefined ? {} : { callsPerRequest: calls }), ...(weight === undefined ? {} : { weight }) }, `l${i}`),
    );
  return diagram(
    ...clients.map((rps, i) => node(`e${i}`, 'client', rps > 0 ? { rps } : {})),
    ...kinds.map((kind, i) => {
      const props: Record<string, number | string> = {};
      if ((kind === 'cache' || kind === 'cdn') && hitRates[i] !== undefined) props.hitRate = hitRates[i]!;
      if (kind === 'cache') props.strategy = aside[i] ? 'cache-aside' : 'read-through';
      return node(`c${i}`, kind, props);
    }),
    ...links,
  );
}

function referenceRates(doc: Diagram): Map<string, number> {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out = (id: string) => doc.edges.filter((e) => e.source === id && e.props?.kind !== 'replication');
  const hitOf = (id: string) => {
    const n = byId.get(id)!;
    return n.kind in DEFAULT_HIT ? ((n.props?.hitRate as number | undefined) ?? DEFAULT_HIT[n.kind]!) : 0;
  };
  const memo = new Map<string, number>();
  const rate = (id: string): number => {
    if (memo.has(id)) return memo.get(id)!;
    const n = byId.get(id)!;
    let total = n.kind === 'client' ? ((n.props?.rps as number | undefined) ?? 0) : 0;
    for (const e of doc.edges.filter((e) => e.target === id && e.props?.kind !== 'replication')) {
      const caller = byId.get(e.source)!;
      const siblings = out(caller.id);
      let share = DISTRIBUTORS.has(caller.kind) ? (e.props?.weight ?? 1) / siblings.reduce((sum, s) => sum + (s.props?.weight ?? 1), 0) : 1;
      share *= e.props?.callsPerRequest ?? 1;
      if (DATABASES.has(n.kind)) {
        // A caller that also asks a cache-aside cache reaches the database only on the best cache's misses.
        const hits = siblings.map((s) => byId.get(s.target)!).filter((t) => t.kind === 'cache' && t.props?.strategy === 'cache-aside').map((t) => hitOf(t.id));
        if (hits.length > 0) share *= 1 - Math.max(...hits);
      }
      total += rate(caller.id) * (1 - hitOf(caller.id)) * share;
    }
    memo.set(id, total);
    return total;
  };
  return new Map(doc.nodes.filter((n) => n.kind !== 'client').map((n) => [n.id, rate(n.id)]));
}

describe('load propagation against an independent reading of the brief', () => {
  it('gives every component of a random acyclic design the rate the recursion over its callers gives', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const doc = docOf(s);
        const report = loadReport(buildGraph(doc));
        const got = new Map(report.components.map((c) => [c.node, c.rps]));
        for (const [id, want] of referenceRates(doc)) {
          const have = got.get(id) ?? 0;
          expect(Math.abs(have - want), `${id}: ${have} against ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, want));
        }
      }),
      { numRuns: 1500, seed: 11 },
    );
  });
});
