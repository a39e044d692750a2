import { describe, expect, it } from 'vitest';
import { addNode, moveNodes, reparent, setLabel } from '../model/ops.ts';
import { emptyDiagram } from '../model/types.ts';
import { adoptLayout } from './adopt.ts';

function before() {
  let doc = emptyDiagram();
  doc = addNode(doc, 'zone', { x: 0, y: 0 }, { id: 'z' });
  doc = addNode(doc, 'service', { x: 5, y: 5 }, { id: 'a', parentId: 'z' });
  doc = addNode(doc, 'cache', { x: 500, y: 5 }, { id: 'b' });
  return doc;
}

function laidOut() {
  let doc = moveNodes(before(), new Map([['a', { x: 24, y: 48 }], ['b', { x: 400, y: 0 }], ['z', { x: 10, y: 10 }]]));
  doc = { ...doc, nodes: doc.nodes.map((node) => (node.id === 'z' ? { ...node, size: { width: 230, height: 130 } } : node)) };
  return doc;
}

describe('adoptLayout', () => {
  it('gives the same result as the layout when nothing changed meanwhile', () => {
    expect(adoptLayout(before(), laidOut())).toEqual(laidOut());
  });

  it('keeps edits made while the layout ran', () => {
    let current = setLabel(before(), 'b', 'Renamed');
    current = addNode(current, 'dns', { x: 900, y: 900 }, { id: 'new' });
    const result = adoptLayout(current, laidOut());
    expect(result.nodes.find((node) => node.id === 'b')).toMatchObject({ label: 'Renamed', position: { x: 400, y: 0 } });
    expect(result.nodes.find((node) => node.id === 'new')!.position).toEqual({ x: 900, y: 900 });
    expect(result.nodes.find((node) => node.id === 'z')!.size).toEqual({ width: 230, height: 130 });
  });

  it('leaves a node that moved to another parent where the person put it', () => {
    const current = reparent(before(), 'a', undefined);
    const result = adoptLayout(current, laidOut());
    expect(result.nodes.find((node) => node.id === 'a')).toEqual(current.nodes.find((node) => node.id === 'a'));
  });
});
