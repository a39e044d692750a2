import { describe, expect, it } from 'vitest';
import { CLEARANCE, edgeCrossings } from './crossings.ts';
import { CURRENT_VERSION, type Diagram, type DiagramNode } from './types.ts';

const component = (id: string, x: number, y: number, parentId?: string): DiagramNode => ({
  id,
  kind: 'service',
  label: id,
  position: { x, y },
  props: {},
  ...(parentId ? { parentId } : {}),
});

// Components are 180 × 64: a and c on one row, 600 apart, with room for b between them.
const diagram = (nodes: DiagramNode[]): Diagram => ({
  format: 'faultline',
  version: CURRENT_VERSION,
  title: 't',
  nodes,
  edges: [{ id: 'a-c', source: 'a', target: 'c', props: {} }],
});

describe('edgeCrossings', () => {
  it('finds a component the line runs through, and never the edge’s own ends', () => {
    expect(edgeCrossings(diagram([component('a', 0, 0), component('b', 300, 10), component('c', 600, 0)]))).toEqual([{ edge: 'a-c', component: 'b' }]);
  });

  it('finds one that the line passes closer than the clearance, and not one further off', () => {
    // The line runs along y = 32; b's top edge sits just below it, then well below it.
    const near = 32 + CLEARANCE - 2;
    expect(edgeCrossings(diagram([component('a', 0, 0), component('b', 300, near), component('c', 600, 0)]))).toHaveLength(1);
    expect(edgeCrossings(diagram([component('a', 0, 0), component('b', 300, near + 4), component('c', 600, 0)]))).toEqual([]);
  });

  it('reads children in canvas space and lets edges cross group frames', () => {
    const zone: DiagramNode = { id: 'z', kind: 'zone', label: 'z', position: { x: 250, y: -100 }, size: { width: 300, height: 300 }, props: {} };
    // b sits at (300, 10) on the canvas once its zone's offset is added.
    expect(edgeCrossings(diagram([zone, component('a', 0, 0), component('b', 50, 110, 'z'), component('c', 600, 0)]))).toEqual([{ edge: 'a-c', component: 'b' }]);
    expect(edgeCrossings(diagram([zone, component('a', 0, 0), component('c', 600, 0)]))).toEqual([]);
  });
});
