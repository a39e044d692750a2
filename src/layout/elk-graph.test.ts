import type { ElkNode } from 'elkjs/lib/elk-api';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, FORMAT_TAG, type Diagram, type DiagramEdge, type DiagramNode } from '../model/types.ts';
import {
  applyLayout,
  applyPlacements,
  COMPONENT_SIZE,
  feedbackEdges,
  GROUP_PADDING,
  HUGE_GRAPH,
  LARGE_GRAPH,
  layoutOptionsFor,
  toElkGraph,
} from './elk-graph.ts';
import { TEMPLATES } from '../templates/index.ts';
import { layOutInProcess, layoutProblems } from './testing.ts';

const node = (id: string, kind: DiagramNode['kind'], parentId?: string): DiagramNode => {
  const result: DiagramNode = { id, kind, label: id, position: { x: 0, y: 0 }, props: {} };
  if (kind === 'region' || kind === 'zone') result.size = { width: 300, height: 200 };
  if (parentId) result.parentId = parentId;
  return result;
};
const edge = (source: string, target: string, id = `${source}>${target}`): DiagramEdge => ({ id, source, target, props: {} });
const diagram = (nodes: DiagramNode[], edges: DiagramEdge[]): Diagram => ({
  format: FORMAT_TAG,
  version: CURRENT_VERSION,
  title: 'Layout test',
  nodes,
  edges,
});

/** A region with two zones, things directly in the region and things outside it. */
const sample = diagram(
  [
    node('region', 'region'),
    node('zone-a', 'zone', 'region'),
    node('zone-b', 'zone', 'region'),
    node('web', 'client'),
    node('dns', 'dns'),
    node('lb-a', 'load-balancer', 'zone-a'),
    node('lb-b', 'load-balancer', 'zone-b'),
    node('api', 'service', 'region'),
    node('cache', 'cache', 'region'),
    node('db', 'sql-database'),
    node('pay', 'external'),
  ],
  [
    edge('web', 'dns'),
    edge('dns', 'lb-a'),
    edge('dns', 'lb-b'),
    edge('lb-a', 'api'),
    edge('lb-b', 'api'),
    edge('api', 'cache'),
    edge('api', 'db'),
    edge('api', 'pay'),
  ],
);

function find(graph: ElkNode, id: string): ElkNode | undefined {
  if (graph.id === id) return graph;
  for (const child of graph.children ?? []) {
    const found = find(child, id);
    if (found) return found;
  }
  return undefined;
}

function edgeHome(graph: ElkNode, edgeId: string): string | undefined {
  if (graph.edges?.some((e) => e.id === edgeId)) return graph.id;
  for (const child of graph.children ?? []) {
    const home = edgeHome(child, edgeId);
    if (home) return home;
  }
  return undefined;
}

describe('toElkGraph', () => {
  const graph = toElkGraph(sample, { direction: 'RIGHT' });

  it('nests components under their groups, in document order', () => {
    expect(graph.children!.map((child) => child.id)).toEqual(['region', 'web', 'dns', 'db', 'pay']);
    expect(find(graph, 'region')!.children!.map((child) => child.id)).toEqual(['zone-a', 'zone-b', 'api', 'cache']);
    expect(find(graph, 'zone-a')!.children!.map((child) => child.id)).toEqual(['lb-a']);
  });

  it('gives components their drawn size and lets ELK size the groups, with room for a label', () => {
    expect(find(graph, 'api')).toMatchObject({ width: COMPONENT_SIZE.width, height: COMPONENT_SIZE.height });
    const zone = find(graph, 'zone-a')!;
    expect(zone.width).toBeUndefined();
    expect(zone.layoutOptions!['elk.padding']).toContain(`top=${GROUP_PADDING.top}`);
  });

  it('puts each edge in the innermost group that holds both ends', () => {
    expect(edgeHome(graph, 'dns>lb-a')).toBe(graph.id);
    expect(edgeHome(graph, 'lb-a>api')).toBe('region');
    expect(edgeHome(graph, 'api>cache')).toBe('region');
    expect(edgeHome(graph, 'api>db')).toBe(graph.id);
  });

  it('lays out the whole hierarchy at once, layered, with Brandes-Koepf placement', () => {
    expect(graph.layoutOptions).toMatchObject({
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    });
    expect(toElkGraph(sample, { direction: 'DOWN' }).layoutOptions!['elk.direction']).toBe('DOWN');
  });

  it('trades care for speed as graphs grow', () => {
    const small = layoutOptionsFor(20, 'RIGHT');
    const large = layoutOptionsFor(LARGE_GRAPH + 1, 'RIGHT');
    const huge = layoutOptionsFor(HUGE_GRAPH + 1, 'RIGHT');
    expect(small['elk.layered.thoroughness']).toBeUndefined();
    expect(large['elk.layered.thoroughness']).toBe('1');
    expect(large['elk.layered.considerModelOrder.strategy']).toBeUndefined();
    expect(huge['elk.hierarchyHandling']).toBe('SEPARATE_CHILDREN');
  });

  it('leaves out edges ELK cannot use and survives damaged parent chains', () => {
    const doc = diagram(
      [node('g', 'zone'), node('a', 'service', 'g'), node('b', 'service', 'missing'), node('x', 'zone', 'y'), node('y', 'zone', 'x')],
      [edge('a', 'a'), edge('a', 'nowhere'), edge('g', 'a'), edge('a', 'b'), edge('a', 'b', 'a>b')],
    );
    const graph = toElkGraph(doc, { direction: 'RIGHT' });
    // A missing parent puts a node at the top; a loop is cut where it is first met.
    expect(graph.children!.map((child) => child.id)).toEqual(['g', 'b', 'x']);
    expect(find(graph, 'x')!.children!.map((child) => child.id)).toEqual(['y']);
    const allEdges: string[] = [];
    const collect = (n: ElkNode) => {
      allEdges.push(...(n.edges ?? []).map((e) => e.id));
      (n.children ?? []).forEach(collect);
    };
    collect(graph);
    expect(allEdges).toEqual(['a>b']);
  });
});

describe('feedbackEdges', () => {
  const plain = (nodes: DiagramNode[], edges: DiagramEdge[]) => feedbackEdges(diagram(nodes, edges), edges);

  it('reverses nothing in a design without cycles, however paths converge', () => {
    const nodes = [node('web', 'client'), node('a', 'service'), node('b', 'service'), node('db', 'sql-database')];
    expect(plain(nodes, [edge('web', 'a'), edge('a', 'b'), edge('b', 'db'), edge('web', 'db')])).toEqual(new Set());
  });

  it('breaks a loop at the edge that leads back towards the clients', () => {
    const nodes = [node('web', 'client'), node('ws', 'websocket-server'), node('chat', 'service'), node('stream', 'stream')];
    const edges = [edge('web', 'ws'), edge('ws', 'chat'), edge('chat', 'stream'), edge('stream', 'ws')];
    expect(plain(nodes, edges)).toEqual(new Set(['stream>ws']));
  });

  it('breaks loops nothing reaches by document order', () => {
    const nodes = [node('x', 'service'), node('y', 'service')];
    expect(plain(nodes, [edge('y', 'x'), edge('x', 'y')])).toEqual(new Set(['y>x']));
  });

  it('handles a 100,000-node chain without overflowing the stack', () => {
    const nodes = Array.from({ length: 100_000 }, (_, i) => node(`n${i}`, i === 0 ? 'client' : 'service'));
    const edges = nodes.slice(1).map((n, i) => edge(`n${i}`, n.id));
    edges.push(edge('n99999', 'n0'));
    expect(plain(nodes, edges)).toEqual(new Set(['n99999>n0']));
  });
});

describe('applyLayout with ELK', () => {
  it('places every node without overlaps and fits children inside their groups', async () => {
    const laidOut = await layOutInProcess(sample);
    expect(layoutProblems(laidOut)).toEqual([]);
    const zone = laidOut.nodes.find((n) => n.id === 'zone-a')!;
    expect(zone.size!.width).toBeGreaterThanOrEqual(COMPONENT_SIZE.width + GROUP_PADDING.left + GROUP_PADDING.right);
    const lb = laidOut.nodes.find((n) => n.id === 'lb-a')!;
    expect(lb.position.y).toBeGreaterThanOrEqual(GROUP_PADDING.top);
  });

  it.each(TEMPLATES.map((template) => [template.id, template.doc] as const))(
    'lays out the %s starter from scratch without overlaps, children inside their groups',
    async (_id, doc) => {
      const piled: Diagram = {
        ...doc,
        nodes: doc.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 }, ...(n.size ? { size: { width: 10, height: 10 } } : {}) })),
      };
      expect(layoutProblems(piled)).not.toEqual([]);
      const laidOut = await layOutInProcess(piled, { direction: 'DOWN' });
      expect(layoutProblems(laidOut)).toEqual([]);
    },
  );

  it('lays out top to bottom as well', async () => {
    const laidOut = await layOutInProcess(sample, { direction: 'DOWN' });
    expect(layoutProblems(laidOut)).toEqual([]);
    const at = (id: string) => laidOut.nodes.find((n) => n.id === id)!.position;
    expect(at('dns').y).toBeGreaterThan(at('web').y);
  });

  it('returns one new document and leaves the old one as it was', async () => {
    const before = structuredClone(sample);
    const laidOut = await layOutInProcess(sample);
    expect(sample).toEqual(before);
    expect(laidOut).not.toBe(sample);
    expect(laidOut.edges).toBe(sample.edges);
    expect(laidOut.nodes.map((n) => n.id)).toEqual(sample.nodes.map((n) => n.id));
    expect(laidOut.nodes.map((n) => n.parentId)).toEqual(sample.nodes.map((n) => n.parentId));
  });

  it('keeps nodes ELK did not place, and their identity', () => {
    const result: ElkNode = { id: 'root', children: [{ id: 'web', x: 10.4, y: 20.6, width: 180, height: 64 }] };
    const laidOut = applyLayout(sample, result);
    expect(laidOut.nodes.find((n) => n.id === 'web')!.position).toEqual({ x: 10, y: 21 });
    expect(laidOut.nodes.find((n) => n.id === 'api')).toBe(sample.nodes.find((n) => n.id === 'api'));
  });

  it('resizes groups but never gives components a size', () => {
    const laidOut = applyPlacements(sample, [
      { id: 'zone-a', x: 5, y: 6, width: 400, height: 300 },
      { id: 'api', x: 1, y: 2, width: 180, height: 64 },
    ]);
    expect(laidOut.nodes.find((n) => n.id === 'zone-a')).toMatchObject({ position: { x: 5, y: 6 }, size: { width: 400, height: 300 } });
    expect(laidOut.nodes.find((n) => n.id === 'api')!.size).toBeUndefined();
  });
});
