import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGroupKind, type Diagram, type DiagramNode } from '../../model/types.ts';
import { buildGraph } from '../graph.ts';
import { randomDoc, referenceAvailability, referenceModel } from '../reference.ts';
import { singlePointsOfFailure } from '../spof.ts';
import { diagram, edge, node, path } from '../testing.ts';
import { availability, type AvailabilityOptions } from './availability.ts';

const web = node('web', 'client');
const figure = (availability: number, props = {}) => ({ availability, ...props });
const report = (doc: Diagram, options?: AvailabilityOptions) => availability(buildGraph(doc), options);
const entry = (doc: Diagram, id = 'web', options?: AvailabilityOptions) => report(doc, options).entries.find((e) => e.node === id)!;

describe('availability in closed form', () => {
  it('multiplies a chain: client → A (0.9) → B (0.8) is 0.72', () => {
    const doc = diagram(web, node('a', 'service', figure(0.9)), node('b', 'sql-database', figure(0.8)), path(['web', 'a', 'b']));
    const result = entry(doc);
    expect(result.value).toBeCloseTo(0.72, 12);
    expect(result).toMatchObject({ exact: true, low: result.value, high: result.value, units: 2 });
  });

  it('takes either of two alternatives: 1 − 0.1 × 0.2 = 0.98', () => {
    const doc = diagram(node('web', 'client', { needs: 'any' }), node('a', 'service', figure(0.9)), node('b', 'service', figure(0.8)), edge('web', 'a'), edge('web', 'b'));
    expect(entry(doc).value).toBeCloseTo(0.98, 12);
  });

  it('counts k of n instances: 3 of 5 at 0.9 each', () => {
    const doc = diagram(web, node('zk', 'coordination', figure(0.9, { replicas: 5 })), edge('web', 'zk'));
    // P(at least 3 of 5 up) = C(5,3)·0.9³·0.1² + C(5,4)·0.9⁴·0.1 + 0.9⁵
    const expected = 10 * 0.9 ** 3 * 0.01 + 5 * 0.9 ** 4 * 0.1 + 0.9 ** 5;
    expect(entry(doc).value).toBeCloseTo(expected, 12);
  });

  it('factors on a shared database: any of two web servers, both needing one database', () => {
    const doc = diagram(
      web,
      node('w1', 'service', figure(0.9), { label: 'Web 1' }),
      node('w2', 'service', figure(0.9), { label: 'Web 2' }),
      node('db', 'sql-database', figure(0.99)),
      edge('web', 'w1'),
      edge('web', 'w2'),
      edge('w1', 'db'),
      edge('w2', 'db'),
    );
    // db × (1 − (1 − 0.9)²), not 1 − (1 − 0.9 × 0.99)², which counts the database twice.
    expect(entry(doc).value).toBeCloseTo(0.99 * (1 - 0.1 ** 2), 12);
  });

  it('treats zones as common causes in a design spread over two zones', () => {
    const doc = diagram(
      node('region', 'region', figure(0.9999)),
      node('zone-a', 'zone', figure(0.999), { parentId: 'region' }),
      node('zone-b', 'zone', figure(0.999), { parentId: 'region' }),
      web,
      node('lb', 'load-balancer', figure(0.9999, { managed: true }), { parentId: 'region' }),
      node('w1', 'service', figure(0.995), { label: 'Web 1', parentId: 'zone-a' }),
      node('w2', 'service', figure(0.995), { label: 'Web 2', parentId: 'zone-b' }),
      edge('web', 'lb'),
      edge('lb', 'w1'),
      edge('lb', 'w2'),
    );
    const side = 0.999 * 0.995;
    const expected = 0.9999 * 0.9999 * (1 - (1 - side) ** 2);
    const result = entry(doc);
    expect(result.value).toBeCloseTo(expected, 12);
    // The region and the load balancer cost the most; each web server far less.
    expect(result.contributors.map((c) => c.unit).slice(0, 2).sort()).toEqual(['lb', 'region']);
    expect(result.contributors[0]!.gain).toBeCloseTo(0.0001 * 0.9999 * (1 - (1 - side) ** 2), 12);
  });

  it('keeps a cycle of components that support each other working', () => {
    const doc = diagram(web, node('a', 'service', figure(0.9)), node('b', 'worker', figure(0.8)), edge('web', 'a'), edge('a', 'b'), edge('b', 'a'));
    expect(entry(doc).value).toBeCloseTo(0.72, 12);
  });

  it('makes the system figure the chance that every entry works', () => {
    const doc = diagram(
      web,
      node('app', 'client'),
      node('shared', 'service', figure(0.9)),
      node('own', 'service', figure(0.8)),
      edge('web', 'shared'),
      edge('app', 'shared'),
      edge('app', 'own'),
    );
    const result = report(doc);
    expect(result.entries.map((e) => e.value)).toEqual([expect.closeTo(0.9, 12), expect.closeTo(0.72, 12)]);
    expect(result.system.value).toBeCloseTo(0.72, 12);
  });

  it('uses the catalogue defaults: a lone service behind a managed DNS', () => {
    const doc = diagram(web, node('dns', 'dns'), node('api', 'service'), path(['web', 'dns', 'api']));
    expect(entry(doc).value).toBeCloseTo(0.99999 * 0.995, 12);
  });
});

describe('the failure view', () => {
  it('recomputes the figures with units failed by hand', () => {
    const doc = diagram(
      node('zone-a', 'zone', figure(0.99)),
      node('zone-b', 'zone', figure(0.99)),
      web,
      node('w1', 'service', figure(0.9), { label: 'Web 1', parentId: 'zone-a' }),
      node('w2', 'service', figure(0.9), { label: 'Web 2', parentId: 'zone-b' }),
      edge('web', 'w1'),
      edge('web', 'w2'),
    );
    expect(entry(doc).value).toBeCloseTo(1 - (1 - 0.99 * 0.9) ** 2, 12);
    const withoutA = report(doc, { failed: ['zone-a'] });
    expect(withoutA.entries[0]!.value).toBeCloseTo(0.99 * 0.9, 12);
    expect(withoutA.failed).toEqual(['zone-a']);
    expect(withoutA.entries[0]!.contributors.map((c) => c.unit)).not.toContain('zone-a');
    expect(report(doc, { failed: ['zone-a', 'zone-b'] }).entries[0]!.value).toBe(0);
  });

  it('brings an entry to 0 when a single point of failure the spof rule reports is lost', () => {
    fc.assert(
      fc.property(randomDoc(8, 18), (doc) => {
        const graph = buildGraph(doc);
        for (const found of singlePointsOfFailure(graph)) {
          const result = availability(graph, { failed: [found.unit.id] });
          for (const id of found.entriesAffected) expect(result.entries.find((e) => e.node === id)!.value).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------
// The brief's definition by brute force: every state of every group and component,
// each component up with the chance that at least minHealthy of its instances are
// (counted over every subset of its instances), weighted and summed.

function bruteForce(doc: Diagram): { entries: Map<string, number>; system: number } {
  const ref = referenceModel(doc);
  const units = [...ref.groups, ...ref.components.filter((c) => !ref.isEntry(c))];
  const upChance = (n: DiagramNode): number => {
    const a = referenceAvailability(ref, n);
    if (isGroupKind(n.kind) || ref.managed(n)) return a;
    const replicas = ref.replicas(n);
    let total = 0;
    for (let mask = 0; mask < 1 << replicas; mask++) {
      let up = 0;
      for (let i = 0; i < replicas; i++) if (mask & (1 << i)) up++;
      if (up >= ref.minHealthy(n)) total += a ** up * (1 - a) ** (replicas - up);
    }
    return total;
  };
  const chances = units.map(upChance);
  const entries = ref.components.filter(ref.isEntry);
  const sums = new Map(entries.map((e) => [e.id, 0]));
  let system = 0;
  for (let state = 0; state < 1 << units.length; state++) {
    let weight = 1;
    const down = new Set<string>();
    units.forEach((unit, i) => {
      const up = (state & (1 << i)) !== 0;
      weight *= up ? chances[i]! : 1 - chances[i]!;
      if (!up) down.add(unit.id);
    });
    if (weight === 0) continue;
    const working = ref.workingWith((c) => down.has(c.id) || ref.groups.some((g) => down.has(g.id) && ref.inside(c, g.id)));
    let all = true;
    for (const e of entries) {
      if (working.has(e.id)) sums.set(e.id, sums.get(e.id)! + weight);
      else all = false;
    }
    if (all) system += weight;
  }
  return { entries: sums, system };
}

describe('availability against the definition', () => {
  it('agrees with brute-force enumeration to within 1e-9 on 400 random documents', () => {
    fc.assert(
      fc.property(randomDoc(8, 18), (doc) => {
        const expected = bruteForce(doc);
        const found = report(doc);
        for (const e of found.entries) {
          expect(e.exact).toBe(true);
          expect(Math.abs(e.value - expected.entries.get(e.node)!)).toBeLessThan(1e-9);
        }
        expect(Math.abs(found.system.value - expected.system)).toBeLessThan(1e-9);
      }),
      { numRuns: 400 },
    );
  });
});

describe('the estimate beyond the exact limit', () => {
  const sampled = { budget: 0, exactUnits: 0, samples: 4000 };

  it('says it is an estimate, with its interval and sample count', () => {
    const doc = diagram(web, node('a', 'service', figure(0.9)), node('b', 'sql-database', figure(0.8)), path(['web', 'a', 'b']));
    const result = entry(doc, 'web', sampled);
    expect(result).toMatchObject({ exact: false, samples: 4000, contributors: [] });
    expect(result.low).toBeLessThan(0.72);
    expect(result.high).toBeGreaterThan(0.72);
    expect(result.high - result.low).toBeLessThan(0.03);
  });

  it('covers the exact figure with its 95% interval about 95% of the time', () => {
    let covered = 0;
    let total = 0;
    fc.assert(
      fc.property(randomDoc(8, 18), (random) => {
        // A client that needs every component, so that most figures are uncertain.
        const targets = random.nodes.filter((n) => !isGroupKind(n.kind));
        const doc = diagram(random.nodes, random.edges, node('all', 'client', { needs: 'all' }), targets.map((t) => edge('all', t.id)));
        const exact = report(doc);
        const estimate = report(doc, sampled);
        exact.entries.forEach((e, k) => {
          const { low, high } = estimate.entries[k]!;
          // Certain figures (0 or 1) are covered trivially; only the uncertain ones count.
          if (e.value < 1e-9 || e.value > 1 - 1e-9) return;
          total++;
          if (low <= e.value + 1e-12 && e.value <= high + 1e-12) covered++;
        });
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(total).toBeGreaterThan(250);
    expect(covered / total).toBeGreaterThan(0.9);
  });

  it('is exact at 22 units whatever the budget, and samples a 23rd only over budget', () => {
    const chain = (length: number) => {
      const ids = Array.from({ length }, (_, i) => `s${i}`);
      return diagram(web, ids.map((id) => node(id, 'service', figure(0.999))), path(['web', ...ids]));
    };
    expect(entry(chain(22), 'web', { budget: 0 })).toMatchObject({ exact: true, units: 22 });
    expect(entry(chain(22), 'web', { budget: 0 }).value).toBeCloseTo(0.999 ** 22, 12);
    expect(entry(chain(23), 'web', { budget: 0 })).toMatchObject({ exact: false, units: 23 });
    expect(entry(chain(23), 'web')).toMatchObject({ exact: true, units: 23 });
  });
});
