import { describe, expect, it } from 'vitest';
import { addNode, moveNodes } from '../model/ops.ts';
import { emptyDiagram } from '../model/types.ts';
import { groupAt } from './dropTarget.ts';
import { borderPoint } from '../model/geometry.ts';
import { createViewCache } from './view.ts';

function doc() {
  let d = emptyDiagram();
  d = addNode(d, 'region', { x: 0, y: 0 }, { id: 'r' });
  d = addNode(d, 'zone', { x: 20, y: 40 }, { id: 'z', parentId: 'r' });
  d = addNode(d, 'service', { x: 10, y: 10 }, { id: 's', parentId: 'z' });
  d = addNode(d, 'cache', { x: 900, y: 0 }, { id: 'c' });
  return d;
}

describe('view cache', () => {
  it('reuses view objects for nodes an edit did not touch', () => {
    const cache = createViewCache();
    const none = new Set<string>();
    const first = cache.nodes(doc(), none, none);
    const moved = moveNodes(doc(), new Map([['c', { x: 0, y: 0 }]]));
    // A new document object whose untouched nodes are the same objects.
    const base = doc();
    const again = cache.nodes(base, none, none);
    const next = cache.nodes(moveNodes(base, new Map([['c', { x: 1, y: 1 }]])), none, none);
    expect(next[0]).toBe(again[0]);
    expect(next[3]).not.toBe(again[3]);
    expect(first).toHaveLength(4);
    expect(moved.nodes[3]!.position).toEqual({ x: 0, y: 0 });
  });

  it('rebuilds a node whose selection or dimming changed', () => {
    const cache = createViewCache();
    const d = doc();
    const plain = cache.nodes(d, new Set(), new Set());
    const selected = cache.nodes(d, new Set(['s']), new Set());
    expect(selected[2]).not.toBe(plain[2]);
    expect(selected[2]!.selected).toBe(true);
    expect(selected[1]).toBe(plain[1]);
    const dimmed = cache.nodes(d, new Set(['s']), new Set(['c']));
    expect(dimmed[3]!.className).toBe('is-dimmed');
    const marked = cache.nodes(d, new Set(['s']), new Set(['c']), new Set(['s']));
    expect(marked[2]!.className).toBe('is-affected');
    expect(marked[3]).toBe(dimmed[3]);
  });

  it('gives groups their size and a parent to children', () => {
    const views = createViewCache().nodes(doc(), new Set(), new Set());
    expect(views[0]).toMatchObject({ type: 'group', width: 720, height: 440 });
    expect(views[2]).toMatchObject({ type: 'component', parentId: 'z', width: 180, height: 64 });
  });
});

describe('groupAt', () => {
  it('finds the innermost group a component may go in', () => {
    const d = doc();
    expect(groupAt(d, { x: 30, y: 50 }, 'service')).toBe('z');
    expect(groupAt(d, { x: 600, y: 400 }, 'service')).toBe('r');
    expect(groupAt(d, { x: 2000, y: 2000 }, 'service')).toBeUndefined();
  });

  it('puts zones only in regions and regions nowhere', () => {
    const d = doc();
    expect(groupAt(d, { x: 30, y: 50 }, 'zone')).toBe('r');
    expect(groupAt(d, { x: 30, y: 50 }, 'region')).toBeUndefined();
  });

  it('never offers a group as its own parent', () => {
    expect(groupAt(doc(), { x: 30, y: 50 }, 'zone', 'z')).toBe('r');
  });
});

describe('borderPoint', () => {
  it('leaves the rectangle on the side facing the target', () => {
    const rect = { x: 0, y: 0, width: 100, height: 50 };
    expect(borderPoint(rect, { x: 500, y: 25 })).toEqual({ x: 100, y: 25 });
    expect(borderPoint(rect, { x: 50, y: -500 })).toEqual({ x: 50, y: 0 });
  });
});
