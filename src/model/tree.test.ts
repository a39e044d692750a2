import { describe, expect, it } from 'vitest';
import { addNode } from './ops.ts';
import {
  absolutePosition,
  absolutePositions,
  ancestorsIn,
  canNest,
  effectiveParents,
  hasChildren,
  isInside,
  nestingFault,
  nodesById,
  outermost,
  parentLoops,
  resolveAncestors,
  toParentSpace,
  withDescendants,
} from './tree.ts';
import { emptyDiagram, type Diagram, type DiagramNode, type NodeKind } from './types.ts';

// r (region) > z (zone) > lb; r > s; c at the top level.
function sample(): Diagram {
  let doc = emptyDiagram('Sample');
  doc = addNode(doc, 'region', { x: 100, y: 50 }, { id: 'r' });
  doc = addNode(doc, 'zone', { x: 20, y: 40 }, { id: 'z', parentId: 'r' });
  doc = addNode(doc, 'client', { x: -300, y: 0 }, { id: 'c' });
  doc = addNode(doc, 'load-balancer', { x: 10, y: 10 }, { id: 'lb', parentId: 'z' });
  doc = addNode(doc, 'service', { x: 200, y: 10 }, { id: 's', parentId: 'r' });
  return doc;
}

const node = (id: string, kind: NodeKind, parentId?: string): DiagramNode => ({
  id,
  kind,
  label: id,
  position: { x: 1, y: 2 },
  props: {},
  ...(parentId !== undefined ? { parentId } : {}),
});

/** A damaged file: zones a and b hold each other; s sits in a; t names no node. */
function looped(): Diagram {
  return {
    ...emptyDiagram(),
    nodes: [node('a', 'zone', 'b'), node('b', 'zone', 'a'), node('s', 'service', 'a'), node('t', 'service', 'gone')],
  };
}

describe('nesting rules', () => {
  it.each<[NodeKind, NodeKind, ReturnType<typeof nestingFault>]>([
    ['service', 'zone', null],
    ['service', 'region', null],
    ['zone', 'region', null],
    ['zone', 'zone', 'zoneOutsideRegion'],
    ['region', 'region', 'regionNested'],
    ['region', 'zone', 'regionNested'],
    ['service', 'service', 'parentNotAGroup'],
    ['zone', 'sql-database', 'parentNotAGroup'],
  ])('a %s in a %s: %s', (kind, parentKind, fault) => {
    expect(nestingFault(kind, parentKind)).toBe(fault);
    expect(canNest(kind, parentKind)).toBe(fault === null);
  });
});

describe('isInside', () => {
  it.each([
    ['lb', 'r', true],
    ['lb', 'z', true],
    ['z', 'z', true],
    ['r', 'z', false],
    ['s', 'z', false],
    ['c', 'r', false],
  ])('%s inside %s: %s', (id, ancestor, inside) => {
    expect(isInside(sample(), id, ancestor)).toBe(inside);
  });

  it('ends on a parent loop', () => {
    expect(isInside(looped(), 's', 'c')).toBe(false);
    expect(isInside(looped(), 's', 'b')).toBe(true);
  });
});

describe('parentLoops', () => {
  it('finds each loop once, from the node met first', () => {
    expect(parentLoops(looped().nodes).map((loop) => loop.map((member) => member.id))).toEqual([['a', 'b']]);
    const self = [node('x', 'zone', 'x')];
    expect(parentLoops(self).map((loop) => loop.map((member) => member.id))).toEqual([['x']]);
  });

  it('finds none in a tree', () => {
    expect(parentLoops(sample().nodes)).toEqual([]);
  });
});

describe('resolveAncestors', () => {
  it('lists the groups above each nested node, innermost first', () => {
    const ancestors = resolveAncestors(nodesById(sample().nodes));
    expect(Object.fromEntries(ancestors)).toEqual({ z: ['r'], lb: ['z', 'r'], s: ['r'] });
  });

  it('stops at a missing parent and never lists a group above itself', () => {
    const ancestors = resolveAncestors(nodesById(looped().nodes));
    expect(ancestors.get('a')).toEqual(['b']);
    expect(ancestors.get('b')).toEqual(['a']);
    expect(ancestors.get('s')).toEqual(['a', 'b']);
    expect(ancestors.has('t')).toBe(false);
  });
});

describe('effectiveParents', () => {
  it('is a tree: missing parents are none, a loop is cut where it is first met', () => {
    const parents = effectiveParents(looped());
    expect(Object.fromEntries(parents)).toEqual({ a: undefined, b: 'a', s: 'a', t: undefined });
    expect(ancestorsIn('s', parents)).toEqual(['a']);
  });

  it('leaves a well-formed tree as it is', () => {
    const parents = effectiveParents(sample());
    expect(ancestorsIn('lb', parents)).toEqual(['z', 'r']);
    expect(ancestorsIn('c', parents)).toEqual([]);
  });
});

describe('withDescendants', () => {
  it.each<[string[], string[]]>([
    [['r'], ['r', 'z', 'lb', 's']],
    [['z'], ['z', 'lb']],
    [['lb', 'c'], ['lb', 'c']],
    [[], []],
  ])('%j and what is inside: %j', (ids, expected) => {
    expect([...withDescendants(sample(), ids)].sort()).toEqual([...expected].sort());
  });

  it('ends on a parent loop', () => {
    expect([...withDescendants(looped(), ['a'])].sort()).toEqual(['a', 'b', 's']);
  });
});

describe('outermost', () => {
  it.each<[string[], string[]]>([
    [['lb', 's', 'c'], ['lb', 's', 'c']],
    [['r', 'lb'], ['r']],
    [['lb', 'z'], ['z']],
    [['s', 'r', 'z', 'lb'], ['r']],
    [['gone', 'c'], ['c']],
  ])('%j moves as %j', (ids, expected) => {
    expect(outermost(sample(), new Set(ids)).map((each) => each.id)).toEqual(expected);
  });

  it('ends on a parent loop', () => {
    expect(outermost(looped(), new Set(['s', 't'])).map((each) => each.id)).toEqual(['s', 't']);
  });
});

describe('hasChildren', () => {
  it.each<[string[], boolean]>([
    [['r'], true],
    [['z'], true],
    [['lb', 's'], false],
    [[], false],
  ])('%j: %s', (ids, expected) => {
    expect(hasChildren(sample(), ids)).toBe(expected);
  });
});

describe('absolute positions', () => {
  it('agrees with absolutePosition for every node, nested or not', () => {
    const doc = sample();
    const all = absolutePositions(doc);
    expect(all.size).toBe(doc.nodes.length);
    for (const each of doc.nodes) expect(all.get(each.id)).toEqual(absolutePosition(doc, each.id));
    expect(all.get('lb')).toEqual({ x: 130, y: 100 });
    expect(absolutePosition(doc, undefined)).toEqual({ x: 0, y: 0 });
  });

  it('ends on a parent loop', () => {
    expect(absolutePosition(looped(), 's')).toEqual({ x: 3, y: 6 });
    expect(absolutePositions(looped()).size).toBe(4);
  });

  it.each<[string | undefined, { x: number; y: number }]>([
    [undefined, { x: 500, y: 500 }],
    ['r', { x: 400, y: 450 }],
    ['z', { x: 380, y: 410 }],
  ])('an absolute point inside %s', (parentId, expected) => {
    expect(toParentSpace(sample(), { x: 500, y: 500 }, parentId)).toEqual(expected);
  });
});
