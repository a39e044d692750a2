import { describe, expect, it } from 'vitest';
import { diagram, edge, node } from '../analysis/testing.ts';
import { onlyPlacementChanged } from './changes.ts';
import { moveNodes, resizeNode, setLabel, setNodeProp, setNotes, updateEdge } from './ops.ts';

const doc = diagram(node('zone', 'zone'), node('web', 'client'), node('api', 'service', {}, { parentId: 'zone' }), edge('web', 'api'));

describe('onlyPlacementChanged', () => {
  it('is true for moves and resizes, which the review does not read', () => {
    expect(onlyPlacementChanged(doc, doc)).toBe(true);
    expect(onlyPlacementChanged(doc, moveNodes(doc, new Map([['api', { x: 90, y: 10 }]])))).toBe(true);
    expect(onlyPlacementChanged(doc, resizeNode(doc, 'zone', { width: 500, height: 300 }))).toBe(true);
  });

  it('is false for anything else: labels, notes, properties, edges', () => {
    expect(onlyPlacementChanged(doc, setLabel(doc, 'api', 'API'))).toBe(false);
    expect(onlyPlacementChanged(doc, setNotes(doc, 'api', 'Stateless.'))).toBe(false);
    expect(onlyPlacementChanged(doc, setNodeProp(doc, 'web', 'rps', 500))).toBe(false);
    expect(onlyPlacementChanged(doc, updateEdge(doc, doc.edges[0]!.id, { props: { kind: 'async' } }))).toBe(false);
    expect(onlyPlacementChanged(doc, { ...doc, nodes: doc.nodes.slice(1) })).toBe(false);
    const reparented = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'api' ? { ...n, parentId: undefined } : n)) };
    expect(onlyPlacementChanged(doc, reparented)).toBe(false);
  });
});
