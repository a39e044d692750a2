import { describe, expect, it } from 'vitest';
import { COMPONENT_SIZE, GROUP_SIZE } from '../model/catalogue.ts';
import { addNode } from '../model/ops.ts';
import { absolutePosition } from '../model/tree.ts';
import { emptyDiagram, type Diagram } from '../model/types.ts';
import { placeDropped, reparentDropped } from './drop.ts';

// Region r at (0, 0) holds zone z at (20, 40); zone z2 stands alone far to the right.
function doc(): Diagram {
  let d = emptyDiagram();
  d = addNode(d, 'region', { x: 0, y: 0 }, { id: 'r' });
  d = addNode(d, 'zone', { x: 20, y: 40 }, { id: 'z', parentId: 'r' });
  d = addNode(d, 'zone', { x: 2000, y: 0 }, { id: 'z2' });
  d = addNode(d, 'service', { x: 10, y: 10 }, { id: 's', parentId: 'z' });
  d = addNode(d, 'cache', { x: 1000, y: 1000 }, { id: 'c' });
  return d;
}

const parentOf = (d: Diagram, id: string) => d.nodes.find((node) => node.id === id)!.parentId;

/** `id` dragged so that its top-left corner is at the absolute `point`. */
function dragTo(d: Diagram, id: string, point: { x: number; y: number }): Diagram {
  const origin = absolutePosition(d, parentOf(d, id));
  return { ...d, nodes: d.nodes.map((node) => (node.id === id ? { ...node, position: { x: point.x - origin.x, y: point.y - origin.y } } : node)) };
}

describe('reparentDropped', () => {
  it.each<[string, { x: number; y: number }, string | undefined]>([
    ['c', { x: 2010, y: 10 }, 'z2'],
    ['c', { x: 40, y: 60 }, 'z'],
    ['s', { x: 1000, y: 1000 }, undefined],
    ['z2', { x: 30, y: 30 }, 'r'],
  ])('%s dropped at %j lands in %s, where it was dropped', (id, point, parent) => {
    const dropped = dragTo(doc(), id, point);
    const next = reparentDropped(dropped, new Set([id]));
    expect(parentOf(next, id)).toBe(parent);
    expect(absolutePosition(next, id)).toEqual(point);
  });

  it('goes by the centre of the node, not its corner', () => {
    const into = (x: number) => parentOf(reparentDropped(dragTo(doc(), 'c', { x, y: 10 }), new Set(['c'])), 'c');
    // The corner left of z2, the centre in it.
    expect(into(2000 - COMPONENT_SIZE.width / 2 + 1)).toBe('z2');
    // The corner in z2 by its right border, the centre beyond.
    expect(into(2000 + GROUP_SIZE.zone.width - COMPONENT_SIZE.width / 2 + 1)).toBeUndefined();
  });

  it('keeps a node inside the group it was dragged with', () => {
    const dropped = dragTo(doc(), 'z', { x: 2010, y: 10 });
    const next = reparentDropped(dropped, new Set(['z', 's']));
    expect(parentOf(next, 's')).toBe('z');
    expect(parentOf(next, 'z')).toBeUndefined();
  });

  it('never puts a group inside itself', () => {
    const next = reparentDropped(doc(), new Set(['r']));
    expect(parentOf(next, 'r')).toBeUndefined();
  });

  it('returns the document itself when nothing changes parent', () => {
    const d = doc();
    expect(reparentDropped(d, new Set(['s', 'c']))).toBe(d);
  });
});

describe('placeDropped', () => {
  it.each([
    ['service', { x: 50, y: 70 }, 'z', { x: 30, y: 30 }],
    ['service', { x: 10, y: 10 }, 'r', { x: 10, y: 10 }],
    ['zone', { x: 50, y: 70 }, 'r', { x: 50, y: 70 }],
    ['service', { x: -500, y: -500 }, undefined, { x: -500, y: -500 }],
  ] as const)('a %s at %j goes in %s at %j', (kind, point, parentId, at) => {
    expect(placeDropped(doc(), kind, point)).toEqual({ parentId, at });
  });
});
