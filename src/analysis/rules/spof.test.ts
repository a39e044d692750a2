import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGroupKind, type Diagram, type DiagramNode } from '../../model/types.ts';
import { buildGraph } from '../graph.ts';
import { analyse } from '../run.ts';
import { LIST_LIMIT, singlePointsOfFailure } from '../spof.ts';
import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node, path, runRule } from '../testing.ts';
import { randomDoc, referenceModel } from '../reference.ts';
import { spof } from './spof.ts';

const web = node('web', 'client');
const mobile = node('mobile', 'client');
const r = (replicas: number) => ({ replicas });
const labelled = (id: string, kind: DiagramNode['kind'], label: string, props = {}) => node(id, kind, props, { label });
const regionWithTwoZones = [
  node('region', 'region'),
  node('zone-a', 'zone', {}, { parentId: 'region' }),
  node('zone-b', 'zone', {}, { parentId: 'region' }),
];

describeRule(spof, {
  fires: [
    {
      name: 'the brief: one load balancer in front of three web servers',
      doc: diagram(
        web,
        node('lb', 'load-balancer'),
        labelled('w1', 'service', 'Web 1'),
        labelled('w2', 'service', 'Web 2'),
        labelled('w3', 'service', 'Web 3'),
        edge('web', 'lb'),
        edge('lb', 'w1'),
        edge('lb', 'w2'),
        edge('lb', 'w3'),
      ),
      nodes: [['lb']],
      mentions: ['lb runs as a single instance: if it fails, the requests that need it fail for web.'],
    },
    {
      name: 'the brief: a single Write API and Read API behind one web server are both needed',
      doc: diagram(
        web,
        node('lb', 'load-balancer', r(2)),
        node('app', 'service', r(3)),
        labelled('write', 'service', 'Write API'),
        labelled('read', 'service', 'Read API'),
        node('db', 'sql-database', r(2)),
        ...path(['web', 'lb', 'app', 'write', 'db']),
        ...path(['app', 'read', 'db']),
      ),
      nodes: [
        ['write', 'app', 'lb'],
        ['read', 'app', 'lb'],
      ],
      mentions: ['app and lb depend on it'],
    },
    {
      name: 'the brief: shards are each needed',
      doc: diagram(
        web,
        node('api', 'service', r(2)),
        labelled('s1', 'sql-database', 'Shard 1'),
        labelled('s2', 'sql-database', 'Shard 2'),
        edge('web', 'api'),
        edge('api', 's1'),
        edge('api', 's2'),
      ),
      nodes: [['s1', 'api'], ['s2', 'api']],
      mentions: ['keeps a single copy'],
    },
    {
      name: 'a single queue on the only route for chat messages',
      doc: diagram(
        web,
        node('ws', 'websocket-server', r(3)),
        node('queue', 'queue'),
        node('worker', 'worker', r(2)),
        node('db', 'nosql-database', r(3)),
        edge('web', 'ws'),
        ...path(['ws', 'queue', 'worker', 'db'], { kind: 'async' }),
      ),
      nodes: [['queue', 'ws']],
    },
    {
      name: 'a second path drawn for another purpose does not hide a single load balancer',
      doc: diagram(
        web,
        node('lb', 'load-balancer'),
        node('api', 'service', r(3)),
        node('cdn', 'cdn'),
        node('assets', 'object-storage'),
        ...path(['web', 'lb', 'api']),
        ...path(['web', 'cdn', 'assets']),
      ),
      nodes: [['lb']],
    },
    {
      name: 'what breaks is named by the call that fails',
      doc: diagram(
        labelled('browser', 'client', 'Browser'),
        node('lb', 'load-balancer', r(2)),
        node('app', 'service', r(2)),
        labelled('shorten', 'service', 'Shorten service'),
        { ...edge('browser', 'lb') },
        edge('lb', 'app'),
        { ...edge('app', 'shorten'), label: 'creating short links' },
      ),
      nodes: [['shorten', 'app', 'lb']],
      mentions: ['Shorten service runs as a single instance: if it fails, creating short links fails for Browser; app and lb depend on it.'],
    },
    {
      name: 'a third-party dependency with no alternative',
      doc: diagram(web, node('api', 'service', r(2)), node('stripe', 'external'), ...path(['web', 'api', 'stripe'])),
      nodes: [['stripe', 'api']],
      mentions: ['stripe is a third-party dependency with no alternative: if it is down'],
    },
    {
      name: 'needs: "all" makes interchangeable-looking targets each needed',
      doc: diagram(
        web,
        node('lb', 'load-balancer', { replicas: 2, needs: 'all' }),
        labelled('w1', 'service', 'Web 1'),
        labelled('w2', 'service', 'Web 2'),
        edge('web', 'lb'),
        edge('lb', 'w1'),
        edge('lb', 'w2'),
      ),
      nodes: [['w1', 'lb'], ['w2', 'lb']],
    },
    {
      name: 'minHealthy: two replicas that must both be up fail with one',
      doc: diagram(web, node('api', 'service', { replicas: 2, minHealthy: 2 }), edge('web', 'api')),
      nodes: [['api']],
    },
    {
      name: 'a coordination service needs a majority: two members lose it with one',
      doc: diagram(web, node('api', 'service', r(2)), node('zk', 'coordination', r(2)), ...path(['web', 'api', 'zk'])),
      nodes: [['zk', 'api']],
    },
    {
      name: 'a DNS set to managed: false is an instance like any other',
      doc: diagram(web, node('dns', 'dns', { managed: false }), node('api', 'service', r(2)), ...path(['web', 'dns', 'api'])),
      nodes: [['dns']],
    },
    {
      name: 'a zone holding every replica, and the region around it',
      doc: diagram(
        web,
        node('region', 'region'),
        node('zone-a', 'zone', {}, { parentId: 'region' }),
        node('lb', 'load-balancer', r(2), { parentId: 'zone-a' }),
        node('api', 'service', r(3), { parentId: 'zone-a' }),
        ...path(['web', 'lb', 'api']),
      ),
      nodes: [
        ['region', 'lb', 'api'],
        ['zone-a', 'lb', 'api'],
      ],
      mentions: ['fails together: if it goes down, the requests that need it fail for web; it holds or supports lb and api.'],
    },
    {
      name: 'a replicated store in one zone while the services span two',
      doc: diagram(
        web,
        regionWithTwoZones,
        node('lb', 'load-balancer', r(2), { parentId: 'region' }),
        labelled('api-a', 'service', 'API a', { ...r(2), parentId: undefined }),
        labelled('api-b', 'service', 'API b', r(2)),
        node('db', 'sql-database', r(2), { parentId: 'zone-a' }),
        ...path(['web', 'lb', 'api-a', 'db']),
        ...path(['lb', 'api-b', 'db']),
      ),
      nodes: [
        ['region', 'lb', 'db', 'api-a', 'api-b'],
        ['zone-a', 'db', 'api-a', 'api-b', 'lb'],
      ],
    },
    {
      name: 'a loop: the single member of a cycle is still needed',
      doc: diagram(web, node('a', 'service', r(2)), node('b', 'service'), edge('web', 'a'), edge('a', 'b'), edge('b', 'a')),
      nodes: [['b', 'a']],
    },
  ],
  quiet: [
    {
      name: 'the brief: "lb-a" and "lb-b" that a client can use either of',
      doc: diagram(
        web,
        node('lb-a', 'load-balancer'),
        node('lb-b', 'load-balancer'),
        node('api', 'service', r(3)),
        ...path(['web', 'lb-a', 'api']),
        ...path(['web', 'lb-b', 'api']),
      ),
    },
    {
      name: 'the brief: DNS and CDN are managed',
      doc: diagram(web, node('dns', 'dns'), node('cdn', 'cdn'), node('assets', 'object-storage'), node('lb', 'load-balancer', r(2)), ...path(['web', 'dns', 'lb']), ...path(['web', 'cdn', 'assets'])),
    },
    {
      name: 'the brief: a cache behind an optional edge',
      doc: diagram(web, node('api', 'service', r(2)), node('cache', 'cache'), node('db', 'sql-database', r(2)), ...path(['web', 'api', 'db']), edge('api', 'cache', { optional: true } as never)),
    },
    {
      name: 'needs: "any" between two stores',
      doc: diagram(web, node('api', 'service', { replicas: 2, needs: 'any' }), node('a', 'sql-database'), node('b', 'nosql-database'), ...path(['web', 'api', 'a']), edge('api', 'b')),
    },
    {
      name: 'what a third party calls is its own business',
      doc: diagram(web, node('api', 'service', r(2)), node('stripe', 'external', r(2)), node('hook', 'service'), ...path(['web', 'api', 'stripe', 'hook'])),
    },
    {
      name: 'a component no entry needs',
      doc: diagram(web, node('api', 'service', r(2)), node('orphan', 'service'), node('orphan-db', 'sql-database'), edge('web', 'api'), edge('orphan', 'orphan-db')),
    },
    {
      name: 'a standby replica fed only by replication',
      doc: diagram(web, node('db', 'sql-database', r(2)), node('standby', 'sql-database'), edge('web', 'db'), edge('db', 'standby', { kind: 'replication' })),
    },
    {
      name: 'a client alone in a zone stays: entries never fail',
      doc: diagram(node('zone', 'zone'), node('kiosk', 'client', {}, { parentId: 'zone' }), web, node('api', 'service', r(2)), edge('kiosk', 'api'), edge('web', 'api')),
    },
    {
      name: 'a cycle of replicated components supports itself',
      doc: diagram(web, node('a', 'service', r(2)), node('b', 'service', r(2)), edge('web', 'a'), edge('a', 'b'), edge('b', 'a')),
    },
    {
      name: 'a client as a target counts as met',
      doc: diagram(web, mobile, node('push', 'websocket-server', r(2)), edge('web', 'push'), edge('push', 'mobile')),
    },
    {
      name: 'replicated components everywhere',
      doc: diagram(web, node('lb', 'load-balancer', r(2)), node('api', 'service', r(3)), node('db', 'sql-database', r(2)), ...path(['web', 'lb', 'api', 'db'])),
    },
  ],
});

describe('spof wording', () => {
  it('says plural labels with a plural verb, and never calls a router down', () => {
    const doc = diagram(
      labelled('users', 'client', 'Mobile users'),
      labelled('lb', 'load-balancer', 'Load balancer', r(2)),
      labelled('api', 'service', 'API servers', r(3)),
      labelled('db', 'sql-database', 'Orders DB'),
      labelled('cdn', 'cdn', 'CDN'),
      ...path(['users', 'lb', 'api', 'db']),
      edge('lb', 'cdn'),
    );
    const [finding] = runRule(spof, doc);
    expect(finding!.message).toBe(
      'Orders DB keeps a single copy: if it fails, the requests that need it fail for Mobile users; API servers and Load balancer depend on it.',
    );
    expect(finding!.message).not.toMatch(/is down|can no longer reach/);
  });

  it('names a group once: "AWS region", not "region AWS region"', () => {
    const doc = diagram(web, labelled('r', 'region', 'AWS region'), node('api', 'service', r(2), { parentId: 'r' }), edge('web', 'api'));
    expect(runRule(spof, doc)[0]!.message).toMatch(/^Everything in AWS region fails together/);
  });
});

describe('spof at scale', () => {
  it('analyses a 100,000-component chain, every rule, without overflowing the stack', () => {
    const n = 100_000;
    const ids = Array.from({ length: n }, (_, i) => `s${i}`);
    const doc = diagram(web, ids.map((id) => node(id, 'service')), edge('web', 's0'), path(ids));
    const findings = analyse(doc).filter((f) => f.rule === 'spof');
    expect(findings).toHaveLength(n);
    const last = findings.find((f) => f.nodes[0] === `s${n - 1}`)!;
    expect(last.nodes).toHaveLength(1 + LIST_LIMIT);
    expect(last.nodes.slice(0, 3)).toEqual([`s${n - 1}`, `s${n - 2}`, `s${n - 3}`]);
    expect(last.message).toMatch(/; at least s99998, s99997, s99996 and [\d,]+ more depend on it\.$/);
    expect(findings.find((f) => f.nodes[0] === 's0')!.nodes).toEqual(['s0']);
    // About 3 s alone on these machines; the suite runs files side by side on two cores.
  }, 30_000);

  it('counts a blast radius exactly in a design of ordinary size', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `s${i}`);
    const doc = diagram(web, ids.map((id) => node(id, 'service')), edge('web', 's0'), path(ids));
    const last = runRule(spof, doc).find((f) => f.nodes[0] === 's299')!;
    expect(last.message).toContain('s298, s297, s296 and 296 more depend on it.');
  });
});

// The literal definition (reference.ts): for each failure unit, what stops with it lost.
function referenceSpofs(doc: Diagram): Map<string, { entries: string[]; broken: Set<string> }> {
  const { byId, components, isEntry, replicas, minHealthy, managed, inside, workingWith } = referenceModel(doc);
  const before = workingWith(() => false);
  const result = new Map<string, { entries: string[]; broken: Set<string> }>();
  for (const unit of doc.nodes) {
    const group = isGroupKind(unit.kind);
    if (!group && (isEntry(unit) || managed(unit) || replicas(unit) - 1 >= minHealthy(unit))) continue;
    const after = workingWith((c) => (group ? inside(c, unit.id) : c.id === unit.id));
    const stopped = [...before].filter((id) => !after.has(id));
    const entries = stopped.filter((id) => isEntry(byId.get(id)!));
    if (entries.length === 0) continue;
    const broken = new Set(stopped.filter((id) => !isEntry(byId.get(id)!) && (group || id !== unit.id)));
    result.set(unit.id, { entries: components.filter((c) => entries.includes(c.id)).map((c) => c.id), broken });
  }
  return result;
}

describe('spof against the definition', () => {
  it('finds exactly the units, entries and blast radii the literal definition finds, on 600 random documents', () => {
    fc.assert(
      fc.property(randomDoc(), (doc) => {
        const expected = referenceSpofs(doc);
        const found = new Map(
          singlePointsOfFailure(buildGraph(doc)).map((result) => [
            result.unit.id,
            { entries: result.entriesAffected, broken: new Set(result.broken.ids) },
          ]),
        );
        expect(found).toEqual(expected);
      }),
      { numRuns: 600 },
    );
  });
});
