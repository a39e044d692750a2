import { describe, expect, it } from 'vitest';
import {
  addNode,
  carryOver,
  connect,
  copySelection,
  moveNodes,
  paste,
  removeElements,
  reparent,
  sameExceptPosition,
  setLabel,
  setNodeProp,
  setNotes,
  uniqueLabel,
  updateEdge,
} from './ops.ts';
import { absolutePosition } from './tree.ts';
import { emptyDiagram, type Diagram } from './types.ts';

function sample(): Diagram {
  let doc = emptyDiagram('Sample');
  doc = addNode(doc, 'region', { x: 0, y: 0 }, { id: 'r' });
  doc = addNode(doc, 'zone', { x: 20, y: 40 }, { id: 'z', parentId: 'r' });
  doc = addNode(doc, 'client', { x: -300, y: 0 }, { id: 'c' });
  doc = addNode(doc, 'load-balancer', { x: 10, y: 10 }, { id: 'lb', parentId: 'z' });
  doc = addNode(doc, 'service', { x: 200, y: 10 }, { id: 's', parentId: 'r' });
  doc = connect(doc, 'c', 'lb', { id: 'e1' });
  doc = connect(doc, 'lb', 's', { id: 'e2' });
  return doc;
}

describe('addNode', () => {
  it('adds a component with the catalogue defaults and a unique label', () => {
    let doc = addNode(emptyDiagram(), 'service', { x: 1, y: 2 }, { id: 'a' });
    doc = addNode(doc, 'service', { x: 3, y: 4 }, { id: 'b' });
    expect(doc.nodes.map((node) => node.label)).toEqual(['Service', 'Service 2']);
    expect(doc.nodes[0]).toMatchObject({ id: 'a', kind: 'service', position: { x: 1, y: 2 }, props: { replicas: 1, stateful: false } });
  });

  it('puts groups first with a size so they are drawn behind', () => {
    const doc = addNode(addNode(emptyDiagram(), 'cache', { x: 0, y: 0 }, { id: 'c' }), 'zone', { x: 0, y: 0 }, { id: 'z' });
    expect(doc.nodes.map((node) => node.id)).toEqual(['z', 'c']);
    const withRegion = addNode(doc, 'region', { x: 0, y: 0 }, { id: 'r' });
    expect(withRegion.nodes.map((node) => node.id)).toEqual(['r', 'z', 'c']);
    expect(doc.nodes[0]!.size).toEqual({ width: 340, height: 260 });
  });

  it('generates a fresh id when none is given', () => {
    const doc = addNode(addNode(emptyDiagram(), 'dns', { x: 0, y: 0 }), 'dns', { x: 0, y: 0 });
    expect(doc.nodes[0]!.id).not.toBe(doc.nodes[1]!.id);
  });
});

describe('uniqueLabel', () => {
  it('skips taken numbers', () => {
    let doc = addNode(emptyDiagram(), 'cache', { x: 0, y: 0 }, { id: 'a', label: 'Cache' });
    doc = addNode(doc, 'cache', { x: 0, y: 0 }, { id: 'b', label: 'Cache 2' });
    expect(uniqueLabel(doc, 'Cache')).toBe('Cache 3');
  });
});

describe('connect', () => {
  it('adds one edge between existing, different nodes', () => {
    const doc = sample();
    expect(connect(doc, 'c', 'lb')).toBe(doc);
    expect(connect(doc, 'c', 'c')).toBe(doc);
    expect(connect(doc, 'c', 'ghost')).toBe(doc);
    const next = connect(doc, 'c', 's', { id: 'e3', props: { kind: 'async' } });
    expect(next.edges.at(-1)).toEqual({ id: 'e3', source: 'c', target: 's', props: { kind: 'async' } });
  });
});

describe('removeElements', () => {
  it('removes edges that touch removed nodes', () => {
    const doc = removeElements(sample(), ['lb']);
    expect(doc.nodes.map((node) => node.id)).not.toContain('lb');
    expect(doc.edges).toEqual([]);
  });

  it('removes everything nested inside a removed group', () => {
    const doc = removeElements(sample(), ['r']);
    expect(doc.nodes.map((node) => node.id)).toEqual(['c']);
  });

  it('keeps children in place when asked, lifting them to the parent', () => {
    const before = sample();
    const doc = removeElements(before, ['z'], [], { keepChildren: true });
    const lb = doc.nodes.find((node) => node.id === 'lb')!;
    expect(lb.parentId).toBe('r');
    expect(absolutePosition(doc, 'lb')).toEqual(absolutePosition(before, 'lb'));
    expect(doc.edges).toHaveLength(2);
  });

  it('returns the same document when nothing matches', () => {
    const doc = sample();
    expect(removeElements(doc, ['nope'], ['nope'])).toBe(doc);
  });
});

describe('carryOver', () => {
  const base = addNode(addNode(emptyDiagram(), 'service', { x: 0, y: 0 }, { id: 'api' }), 'cache', { x: 100, y: 0 }, { id: 'cache' });

  it("puts a gesture's own field changes on a newer document and keeps the rest of it", () => {
    const ours = moveNodes(base, new Map([['api', { x: 40, y: 40 }]]));
    const theirs = setLabel(moveNodes(base, new Map([['cache', { x: 500, y: 0 }]])), 'api', 'Orders');
    const carried = carryOver(base, ours, theirs);
    expect(carried.nodes.find((node) => node.id === 'api')).toMatchObject({ label: 'Orders', position: { x: 40, y: 40 } });
    expect(carried.nodes.find((node) => node.id === 'cache')).toBe(theirs.nodes.find((node) => node.id === 'cache'));
  });

  it('is the newer document when the gesture changed nothing, or only what is gone from it', () => {
    const theirs = setLabel(base, 'cache', 'Sessions');
    expect(carryOver(base, base, theirs)).toBe(theirs);
    const ours = moveNodes(base, new Map([['api', { x: 40, y: 40 }]]));
    const without = removeElements(theirs, ['api'], []);
    expect(carryOver(base, ours, without)).toBe(without);
  });
});

describe('moveNodes and property edits', () => {
  it('keeps untouched nodes identical', () => {
    const doc = sample();
    const next = moveNodes(doc, new Map([['c', { x: 5, y: 5 }]]));
    expect(next.nodes.find((node) => node.id === 'c')!.position).toEqual({ x: 5, y: 5 });
    expect(next.nodes.find((node) => node.id === 's')).toBe(doc.nodes.find((node) => node.id === 's'));
  });

  it('sets and unsets props and labels', () => {
    let doc = setNodeProp(sample(), 's', 'replicas', 3);
    expect(doc.nodes.find((node) => node.id === 's')!.props.replicas).toBe(3);
    doc = setNodeProp(doc, 's', 'replicas', undefined);
    expect('replicas' in doc.nodes.find((node) => node.id === 's')!.props).toBe(false);
    doc = setLabel(doc, 's', 'Shorten');
    expect(doc.nodes.find((node) => node.id === 's')!.label).toBe('Shorten');
  });

  it('edits edge labels and props', () => {
    let doc = updateEdge(sample(), 'e1', { label: 'HTTPS', props: { protocol: 'https', retries: 3 } });
    expect(doc.edges[0]).toMatchObject({ label: 'HTTPS', props: { protocol: 'https', retries: 3 } });
    doc = updateEdge(doc, 'e1', { label: '', props: { retries: undefined } });
    expect(doc.edges[0]!.label).toBeUndefined();
    expect(doc.edges[0]!.props).toEqual({ protocol: 'https' });
  });
});

describe('reparent', () => {
  it('keeps the node in the same place on the canvas', () => {
    const doc = sample();
    const before = absolutePosition(doc, 'c');
    const inside = reparent(doc, 'c', 'z');
    expect(inside.nodes.find((node) => node.id === 'c')!.parentId).toBe('z');
    expect(absolutePosition(inside, 'c')).toEqual(before);
    const out = reparent(inside, 'c', undefined);
    expect(out.nodes.find((node) => node.id === 'c')!.parentId).toBeUndefined();
    expect(absolutePosition(out, 'c')).toEqual(before);
  });

  it('refuses to put a group inside itself', () => {
    const doc = sample();
    expect(reparent(doc, 'r', 'z')).toBe(doc);
  });
});

describe('copy and paste', () => {
  it('copies a group with its contents and the edges among them, with new ids', () => {
    const doc = sample();
    const clip = copySelection(doc, ['z']);
    expect(clip.nodes.map((node) => node.id)).toEqual(['z', 'lb']);
    expect(clip.edges).toEqual([]);
    let n = 0;
    const { doc: next, nodeIds } = paste(doc, clip, { x: 30, y: 30 }, (prefix) => `${prefix}-copy${++n}`);
    expect(nodeIds).toEqual(['zone-copy1', 'load-balancer-copy2']);
    const zone = next.nodes.find((node) => node.id === 'zone-copy1')!;
    const lb = next.nodes.find((node) => node.id === 'load-balancer-copy2')!;
    expect(zone).toMatchObject({ parentId: 'r', position: { x: 50, y: 70 } });
    expect(lb).toMatchObject({ parentId: 'zone-copy1', position: { x: 10, y: 10 } });
  });

  it('remaps edges between copied components and leaves others behind', () => {
    const doc = sample();
    const clip = copySelection(doc, ['c', 'lb']);
    expect(clip.edges.map((edge) => edge.id)).toEqual(['e1']);
    const { doc: next, nodeIds } = paste(doc, clip, { x: 10, y: 10 });
    const pastedEdge = next.edges.at(-1)!;
    expect(nodeIds).toContain(pastedEdge.source);
    expect(nodeIds).toContain(pastedEdge.target);
    expect(pastedEdge.id).not.toBe('e1');
    expect(next.edges).toHaveLength(3);
  });

  it('drops a parent that no longer exists', () => {
    const doc = sample();
    const clip = copySelection(doc, ['lb']);
    const { doc: next, nodeIds } = paste(removeElements(doc, ['r']), clip, { x: 0, y: 0 });
    expect(next.nodes.find((node) => node.id === nodeIds[0])!.parentId).toBeUndefined();
  });
});

describe('sameExceptPosition', () => {
  it('tells a move from an edit', () => {
    const doc = addNode(emptyDiagram(), 'service', { x: 0, y: 0 }, { id: 's' });
    const node = doc.nodes[0]!;
    expect(sameExceptPosition(node, moveNodes(doc, new Map([['s', { x: 9, y: 9 }]])).nodes[0]!)).toBe(true);
    expect(sameExceptPosition(node, setLabel(doc, 's', 'Orders').nodes[0]!)).toBe(false);
    expect(sameExceptPosition(node, setNotes(doc, 's', 'Owned by payments').nodes[0]!)).toBe(false);
    expect(sameExceptPosition(node, setNodeProp(doc, 's', 'replicas', 3).nodes[0]!)).toBe(false);
  });
});
