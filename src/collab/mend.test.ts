import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, connect } from '../model/ops.ts';
import { emptyDiagram } from '../model/types.ts';
import { describeMend, isLoose, looseEnds, tieUp } from './mend.ts';
import { readDiagram, rootsOf, seedDiagram } from './ydiagram.ts';

function seeded() {
  let doc = emptyDiagram('Mend');
  doc = addNode(doc, 'region', { x: 0, y: 0 }, { id: 'eu' });
  doc = addNode(doc, 'service', { x: 20, y: 40 }, { id: 'api', parentId: 'eu' });
  doc = addNode(doc, 'sql-database', { x: 300, y: 0 }, { id: 'db' });
  doc = connect(doc, 'api', 'db');
  const ydoc = new Y.Doc();
  seedDiagram(ydoc, doc);
  return { ydoc, roots: rootsOf(ydoc), edgeId: doc.edges[0]!.id };
}

describe('loose ends', () => {
  it('are none in a document that holds everything it names', () => {
    const { ydoc } = seeded();
    expect(looseEnds(ydoc)).toEqual({ edges: [], orphans: [], strangers: false });
  });

  it('are the edges and children of deleted components, which tying up deletes and lifts', () => {
    const { ydoc, roots, edgeId } = seeded();
    roots.nodes.delete('db');
    roots.nodes.delete('eu');
    const loose = looseEnds(ydoc);
    expect(loose).toEqual({ edges: [edgeId], orphans: ['api'], strangers: false });
    expect(isLoose(loose)).toBe(true);
    ydoc.transact(() => tieUp(ydoc, loose));
    expect(isLoose(looseEnds(ydoc))).toBe(false);
    expect(roots.edgeOrder.toArray()).toEqual([]);
    // The component keeps its coordinates, now at the top level.
    expect(readDiagram(ydoc)).toMatchObject({ nodes: [{ id: 'api', position: { x: 20, y: 40 } }], edges: [] });
    expect((readDiagram(ydoc) as { nodes: object[] }).nodes[0]).not.toHaveProperty('parentId');
    expect(describeMend(loose, true)).toBe('Two edits in the room crossed: 1 connection to a deleted component was removed, and 1 component in a deleted group moved to the top level.');
    expect(describeMend(loose, false)).toBe('1 connection to a deleted component was removed, and 1 component in a deleted group moved to the top level, with your change.');
  });

  it('name strangers: components the document never held', () => {
    const { ydoc, roots, edgeId } = seeded();
    (roots.edges.get(edgeId) as Y.Map<unknown>).set('target', 'nowhere');
    expect(looseEnds(ydoc)).toEqual({ edges: [edgeId], orphans: [], strangers: true });
  });

  it('count one edge once when both its ends are gone', () => {
    const { ydoc, roots, edgeId } = seeded();
    roots.nodes.delete('db');
    roots.nodes.delete('api');
    expect(looseEnds(ydoc).edges).toEqual([edgeId]);
    expect(describeMend(looseEnds(ydoc), true)).toBe('Two edits in the room crossed: 1 connection to a deleted component was removed.');
  });

  it('are remembered by a copy that learnt of the deletion from an update', () => {
    const { ydoc, roots, edgeId } = seeded();
    roots.nodes.delete('db');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
    expect(looseEnds(copy)).toEqual({ edges: [edgeId], orphans: [], strangers: false });
  });
});
