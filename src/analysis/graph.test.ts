import { describe, expect, it } from 'vitest';
import { flowIndexOf } from './flow-index.ts';
import { buildGraph } from './graph.ts';
import { downstream } from './paths.ts';
import { diagram, edge, node } from './testing.ts';

describe('buildGraph', () => {
  const graph = buildGraph(
    diagram(
      node('region', 'region'),
      node('zone', 'zone', {}, { parentId: 'region' }),
      node('web', 'client'),
      node('api', 'service', {}, { parentId: 'zone', label: '  ' }),
      node('db', 'sql-database', {}, { parentId: 'region', label: 'Orders DB' }),
      node('copy', 'sql-database'),
      node('loop', 'service', {}, { parentId: 'loop' }),
      edge('web', 'api'),
      edge('api', 'db', { kind: 'async' }),
      edge('db', 'copy', { kind: 'replication' }),
      edge('api', 'ghost'),
      edge('api', 'zone'),
      edge('api', 'api'),
    ),
  );

  it('keeps flow edges between components only', () => {
    expect(graph.flowEdges.map((e) => e.id)).toEqual(['web>api', 'api>db']);
    expect(graph.replicationEdges.map((e) => e.id)).toEqual(['db>copy']);
    expect(graph.outgoing('api').map((e) => e.target)).toEqual(['db']);
    expect(graph.incoming('db').map((e) => e.source)).toEqual(['api']);
    expect(graph.replicationsInto('copy').map((e) => e.source)).toEqual(['db']);
  });

  it('resolves nesting through groups, and survives a node that is its own parent', () => {
    expect(graph.ancestors('api')).toEqual(['zone', 'region']);
    expect(graph.ancestors('loop')).toEqual([]);
    expect(graph.members('region')).toEqual(['api', 'db']);
    expect(graph.members('zone')).toEqual(['api']);
  });

  it('finds entries by their trait, and what they reach', () => {
    expect(graph.entries.map((n) => n.id)).toEqual(['web']);
    expect(graph.withTrait('entry')).toBe(graph.entries);
    expect(graph.withTrait('database').map((n) => n.id)).toEqual(['db', 'copy']);
    expect(graph.withTrait('broker')).toEqual([]);
    expect([...downstream(graph, ['web'])]).toEqual(['web', 'api', 'db']);
  });

  it('names nodes by label, falling back to the id', () => {
    expect(graph.label('db')).toBe('Orders DB');
    expect(graph.label('api')).toBe('api');
    expect(graph.ofKind('sql-database').map((n) => n.id)).toEqual(['db', 'copy']);
    expect(graph.ofKind('queue')).toEqual([]);
  });

  it('indexes the flow graph compactly', () => {
    const index = flowIndexOf(graph);
    expect(flowIndexOf(graph)).toBe(index);
    expect(index.ids).toEqual(['web', 'api', 'db', 'copy', 'loop']);
    expect([...index.succStart]).toEqual([0, 1, 2, 2, 2, 2]);
    expect([...index.succ]).toEqual([1, 2]);
  });
});
