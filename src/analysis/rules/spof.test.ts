import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFlowEdge, type Diagram, type DiagramNode } from '../../model/types.ts';
import { analyse } from '../run.ts';
import { LIST_LIMIT } from '../spof.ts';
import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node, path, runRule } from '../testing.ts';
import { spof } from './spof.ts';

const web = node('web', 'client');
const mobile = node('mobile', 'client');
const r = (replicas: number) => ({ replicas });
const regionWithTwoZones = [
  node('region', 'region'),
  node('zone-a', 'zone', {}, { parentId: 'region' }),
  node('zone-b', 'zone', {}, { parentId: 'region' }),
];

describeRule(spof, {
  fires: [
    {
      name: 'a single load balancer in front of three web servers',
      doc: diagram(web, node('lb', 'load-balancer'), node('api', 'service', r(3)), ...path(['web', 'lb', 'api'])),
      nodes: [['lb', 'api']],
      mentions: ['lb runs as a single instance', 'web can no longer reach api', '1 component is cut off'],
    },
    {
      name: 'a lone database behind replicated services',
      doc: diagram(web, node('api', 'service', r(2)), node('db', 'sql-database'), ...path(['web', 'api', 'db'])),
      nodes: [['db']],
      mentions: ['db keeps a single copy', 'web can no longer reach it.'],
    },
    {
      name: 'a third-party dependency with no alternative',
      doc: diagram(web, node('api', 'service', r(2)), node('stripe', 'external'), ...path(['web', 'api', 'stripe'])),
      nodes: [['stripe']],
      mentions: ['stripe is a third-party dependency with no alternative: if it is down, web can no longer reach it.'],
    },
    {
      name: 'a lost terminal while another terminal stays reachable',
      doc: diagram(
        web,
        node('api', 'service', r(2)),
        node('db', 'sql-database'),
        node('search', 'search', r(2)),
        ...path(['web', 'api', 'db']),
        edge('api', 'search'),
      ),
      nodes: [['db']],
    },
    {
      name: 'replication edges are not a second path',
      doc: diagram(
        web,
        node('api', 'service', r(2)),
        node('primary', 'sql-database'),
        node('replica', 'sql-database'),
        ...path(['web', 'api', 'primary']),
        edge('primary', 'replica', { kind: 'replication' }),
        edge('replica', 'api', { kind: 'replication' }),
      ),
      nodes: [['primary']],
    },
    {
      name: 'an async chain through a queue to a worker',
      doc: diagram(
        web,
        node('api', 'service', r(2)),
        node('queue', 'queue'),
        node('worker', 'worker'),
        node('db', 'nosql-database', r(3)),
        edge('web', 'api'),
        ...path(['api', 'queue', 'worker', 'db'], { kind: 'async' }),
      ),
      nodes: [['queue', 'worker', 'db'], ['worker', 'db']],
      mentions: ['can no longer reach db'],
    },
    {
      name: 'a path only one of two clients uses',
      doc: diagram(
        web,
        mobile,
        node('cdn', 'cdn'),
        node('api', 'service', r(2)),
        ...path(['web', 'cdn', 'api']),
        edge('mobile', 'api'),
      ),
      nodes: [['cdn', 'api']],
      mentions: ['if it fails, web can no longer reach api'],
    },
    {
      name: 'two clients cut off by the same gateway',
      doc: diagram(web, mobile, node('gw', 'api-gateway'), node('api', 'service', r(2)), edge('web', 'gw'), edge('mobile', 'gw'), edge('gw', 'api')),
      nodes: [['gw', 'api']],
      mentions: ['web and mobile can no longer reach api'],
    },
    {
      name: 'a zone holding every replica',
      doc: diagram(
        web,
        node('zone-a', 'zone'),
        node('lb', 'load-balancer', r(2), { parentId: 'zone-a' }),
        node('api', 'service', r(3), { parentId: 'zone-a' }),
        ...path(['web', 'lb', 'api']),
      ),
      nodes: [['zone-a', 'lb', 'api']],
      mentions: ['Everything in zone zone-a fails together', '2 components are lost'],
    },
    {
      name: 'a replicated store placed in one zone while the services span two',
      doc: diagram(
        web,
        regionWithTwoZones,
        node('lb', 'load-balancer', r(2), { parentId: 'region' }),
        node('api-a', 'service', r(2), { parentId: 'zone-a' }),
        node('api-b', 'service', r(2), { parentId: 'zone-b' }),
        node('db', 'sql-database', r(2), { parentId: 'zone-a' }),
        ...path(['web', 'lb', 'api-a', 'db']),
        ...path(['lb', 'api-b', 'db']),
      ),
      nodes: [
        ['region', 'lb', 'api-a', 'api-b', 'db'],
        ['zone-a', 'api-a', 'db'],
      ],
    },
    {
      name: 'a single-instance component placed directly in a region',
      doc: diagram(
        web,
        regionWithTwoZones,
        node('api-a', 'service', r(2), { parentId: 'zone-a' }),
        node('api-b', 'service', r(2), { parentId: 'zone-b' }),
        node('cache', 'cache', r(1), { parentId: 'region' }),
        ...path(['web', 'api-a', 'cache']),
        ...path(['web', 'api-b', 'cache']),
      ),
      nodes: [['region', 'api-a', 'api-b', 'cache'], ['cache']],
    },
    {
      name: 'a replicated store placed directly in a region is lost with the region, not with a zone',
      doc: diagram(
        web,
        regionWithTwoZones,
        node('api-a', 'service', r(2), { parentId: 'zone-a' }),
        node('api-b', 'service', r(2), { parentId: 'zone-b' }),
        node('db', 'sql-database', r(2), { parentId: 'region' }),
        path(['web', 'api-a', 'db']),
        path(['web', 'api-b', 'db']),
      ),
      nodes: [['region', 'api-a', 'api-b', 'db']],
      mentions: ['web can no longer reach db; 3 components are lost'],
    },
    {
      name: 'a zone nested in a region: both are units',
      doc: diagram(
        web,
        node('region', 'region'),
        node('zone-a', 'zone', {}, { parentId: 'region' }),
        node('api', 'service', r(4), { parentId: 'zone-a' }),
        edge('web', 'api'),
      ),
      nodes: [['region', 'api'], ['zone-a', 'api']],
    },
  ],
  quiet: [
    {
      name: 'two separate single-instance load balancers a client can use either of',
      doc: diagram(
        web,
        node('lb-1', 'load-balancer'),
        node('lb-2', 'load-balancer'),
        node('api', 'service', r(3)),
        ...path(['web', 'lb-1', 'api']),
        ...path(['web', 'lb-2', 'api']),
      ),
    },
    {
      name: 'replicated components everywhere',
      doc: diagram(web, node('lb', 'load-balancer', r(2)), node('api', 'service', r(3)), node('db', 'sql-database', r(2)), ...path(['web', 'lb', 'api', 'db'])),
    },
    {
      name: 'a component nothing reaches',
      doc: diagram(web, node('api', 'service', r(2)), node('orphan', 'service'), node('orphan-db', 'sql-database'), edge('web', 'api'), edge('orphan', 'orphan-db')),
    },
    {
      name: 'a standby replica fed only by replication',
      doc: diagram(
        web,
        node('db', 'sql-database', r(2)),
        node('standby', 'sql-database'),
        edge('web', 'db'),
        edge('db', 'standby', { kind: 'replication' }),
      ),
    },
    {
      name: 'a client alone in a zone: losing the client is not an outage of the system',
      doc: diagram(node('zone', 'zone'), node('kiosk', 'client', {}, { parentId: 'zone' }), web, node('api', 'service', r(2)), edge('kiosk', 'api'), edge('web', 'api')),
    },
    {
      name: 'an empty zone',
      doc: diagram(web, node('zone', 'zone'), node('api', 'service', r(2)), edge('web', 'api')),
    },
    {
      name: 'a loop with no terminal',
      doc: diagram(web, node('a', 'service', r(2)), node('b', 'service'), edge('web', 'a'), edge('a', 'b'), edge('b', 'a')),
    },
    {
      name: 'a client with replicas 1 is an entry, not a unit',
      doc: diagram(web, node('api', 'service', r(2)), edge('web', 'api')),
    },
  ],
});

describe('spof at scale', () => {
  it('analyses a 100,000-component chain, every rule, without overflowing the stack', () => {
    const n = 100_000;
    const ids = Array.from({ length: n }, (_, i) => `s${i}`);
    const doc = diagram(web, ids.map((id) => node(id, 'service')), edge('web', 's0'), path(ids));
    const findings = analyse(doc).filter((f) => f.rule === 'spof');
    expect(findings).toHaveLength(n);
    expect(findings[0]!.nodes).toHaveLength(1 + LIST_LIMIT);
    expect(findings[0]!.nodes.slice(0, 3)).toEqual(['s0', 's1', 's2']);
    expect(findings[0]!.message).toContain('99,999 components are cut off');
    expect(findings[0]!.message).toContain(`can no longer reach s${n - 1}`);
    expect(findings.find((f) => f.nodes[0] === `s${n - 1}`)!.nodes).toEqual([`s${n - 1}`]);
  });

  it('gives a lower bound when several entries lose huge, different parts', () => {
    const n = 3_000;
    const ids = Array.from({ length: n }, (_, i) => `s${i}`);
    // Both enter at the top, mobile also halfway down: s0 cuts them off from different sets.
    const doc = diagram(web, mobile, ids.map((id) => node(id, 'service')), path(['web', ...ids]), edge('mobile', 's0'), edge('mobile', 's1500'));
    const first = runRule(spof, doc).find((f) => f.nodes[0] === 's0')!;
    expect(first.message).toContain('if it fails, web can no longer reach s2999; at least 2,999 components are cut off');
  });
});

/** The brief's definition, applied literally: remove the unit, search again from every entry. */
function referenceSpofs(doc: Diagram): Map<string, Set<string>> {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const components = doc.nodes.filter((n) => n.kind !== 'zone' && n.kind !== 'region');
  const flow = doc.edges.filter((e) => isFlowEdge(e) && e.source !== e.target);
  const inside = (n: DiagramNode, groupId: string) => {
    for (let p = n.parentId; p; p = byId.get(p)?.parentId) if (p === groupId) return true;
    return false;
  };
  const reachFrom = (start: string, lost: Set<string>) => {
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length) {
      const v = queue.pop()!;
      for (const e of flow) {
        if (e.source !== v || lost.has(e.target) || seen.has(e.target)) continue;
        seen.add(e.target);
        queue.push(e.target);
      }
    }
    return seen;
  };
  const sinks = new Set(components.filter((c) => !flow.some((e) => e.source === c.id)).map((c) => c.id));
  const entries = components.filter((c) => c.kind === 'client');
  const units = doc.nodes.filter(
    (n) => n.kind === 'zone' || n.kind === 'region' || (n.kind !== 'client' && ((n.props.replicas as number | undefined) ?? 1) < 2),
  );
  const result = new Map<string, Set<string>>();
  for (const unit of units) {
    const lost = new Set(unit.kind === 'zone' || unit.kind === 'region' ? components.filter((c) => inside(c, unit.id)).map((c) => c.id) : [unit.id]);
    let broken = false;
    const cutOff = new Set<string>();
    for (const entry of entries) {
      if (lost.has(entry.id)) continue;
      const before = reachFrom(entry.id, new Set());
      const after = reachFrom(entry.id, lost);
      for (const id of before) {
        if (after.has(id)) continue;
        cutOff.add(id);
        if (sinks.has(id)) broken = true;
      }
    }
    cutOff.delete(unit.id);
    if (broken) result.set(unit.id, cutOff);
  }
  return result;
}

const KINDS = ['client', 'service', 'load-balancer', 'sql-database', 'queue', 'worker'] as const;

const randomDoc = fc
  .record({
    kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 12 }),
    replicas: fc.array(fc.constantFrom(1, 1, 2, 3), { minLength: 12, maxLength: 12 }),
    parents: fc.array(fc.constantFrom('none', 'r1', 'z1', 'z2', 'r2'), { minLength: 12, maxLength: 12 }),
    edges: fc.array(fc.tuple(fc.nat(11), fc.nat(11), fc.constantFrom('request', 'async', 'replication') as fc.Arbitrary<'request' | 'async' | 'replication'>), { maxLength: 30 }),
  })
  .map(({ kinds, replicas, parents, edges }) => {
    const comps = kinds.map((kind, i) => {
      const parent = parents[i]!;
      return node(`n${i}`, kind, { replicas: replicas[i]! }, parent === 'none' ? {} : { parentId: parent });
    });
    const groups = [
      node('r1', 'region'),
      node('z1', 'zone', {}, { parentId: 'r1' }),
      node('z2', 'zone', {}, { parentId: 'r1' }),
      node('r2', 'region'),
    ];
    const links = edges
      .filter(([a, b]) => a < kinds.length && b < kinds.length)
      .map(([a, b, kind], i) => edge(`n${a}`, `n${b}`, { kind }, `e${i}`));
    return diagram(...groups, ...comps, ...links);
  });

describe('spof against the definition', () => {
  it('finds exactly the units and blast radii the brute-force definition finds', () => {
    fc.assert(
      fc.property(randomDoc, (doc) => {
        const expected = referenceSpofs(doc);
        const found = new Map(runRule(spof, doc).map((f) => [f.nodes[0]!, new Set(f.nodes.slice(1))]));
        expect(found).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
