import type { NodeChange } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { addNode } from '../model/ops.ts';
import { emptyDiagram, type Point } from '../model/types.ts';
import { applyNodeEdit, readNodeChanges, type NodeEdit } from './changes.ts';

function read(changes: NodeChange[]): { edits: readonly NodeEdit[]; dragged: [string, Point][] } {
  const dragged: [string, Point][] = [];
  const edits = readNodeChanges(changes, (id, position) => dragged.push([id, position]));
  return { edits, dragged };
}

const at = (x: number, y: number): Point => ({ x, y });

describe('readNodeChanges', () => {
  it('hands positions mid-drag to the drag batch and asks for no edit', () => {
    const { edits, dragged } = read([
      { type: 'position', id: 'a', position: at(1, 2), dragging: true },
      { type: 'position', id: 'b', position: at(3, 4), dragging: true },
    ]);
    expect(dragged).toEqual([
      ['a', at(1, 2)],
      ['b', at(3, 4)],
    ]);
    expect(edits).toEqual([]);
  });

  it('returns the same empty list for every drag frame, so a frame allocates no list', () => {
    const frame: NodeChange[] = [{ type: 'position', id: 'a', position: at(1, 2), dragging: true }];
    expect(read(frame).edits).toBe(read(frame).edits);
  });

  it('gathers positions set outright into one move', () => {
    const { edits, dragged } = read([
      { type: 'position', id: 'a', position: at(1, 2), dragging: false },
      { type: 'position', id: 'b', position: at(3, 4) },
      { type: 'position', id: 'c' },
    ]);
    expect(dragged).toEqual([]);
    expect(edits).toEqual([
      {
        type: 'move',
        positions: new Map([
          ['a', at(1, 2)],
          ['b', at(3, 4)],
        ]),
      },
    ]);
  });

  it('makes a resize and the move before it one edit, ahead of other moves', () => {
    const { edits } = read([
      { type: 'position', id: 'other', position: at(9, 9) },
      { type: 'position', id: 'g', position: at(-10, -20) },
      { type: 'dimensions', id: 'g', dimensions: { width: 300, height: 200 }, resizing: true },
    ]);
    expect(edits).toEqual([
      { type: 'resize', id: 'g', size: { width: 300, height: 200 }, position: at(-10, -20) },
      { type: 'move', positions: new Map([['other', at(9, 9)]]) },
    ]);
  });

  it('ignores measurements, selection and removal', () => {
    const { edits, dragged } = read([
      { type: 'dimensions', id: 'g', dimensions: { width: 300, height: 200 } },
      { type: 'dimensions', id: 'g', dimensions: { width: 300, height: 200 }, resizing: false },
      { type: 'select', id: 'g', selected: true },
      { type: 'remove', id: 'g' },
    ]);
    expect(edits).toEqual([]);
    expect(dragged).toEqual([]);
  });
});

describe('applyNodeEdit', () => {
  const doc = addNode(addNode(emptyDiagram(), 'zone', at(0, 0), { id: 'g' }), 'service', at(5, 5), { id: 's' });

  it('moves nodes', () => {
    const moved = applyNodeEdit(doc, { type: 'move', positions: new Map([['s', at(7, 8)]]) });
    expect(moved.nodes.find((node) => node.id === 's')!.position).toEqual(at(7, 8));
    expect(moved.nodes[0]).toBe(doc.nodes[0]);
  });

  it('resizes a group, moving it only when asked', () => {
    const grown = applyNodeEdit(doc, { type: 'resize', id: 'g', size: { width: 500, height: 400 } });
    expect(grown.nodes[0]).toMatchObject({ position: at(0, 0), size: { width: 500, height: 400 } });
    const fromTopLeft = applyNodeEdit(doc, { type: 'resize', id: 'g', size: { width: 500, height: 400 }, position: at(-20, -30) });
    expect(fromTopLeft.nodes[0]).toMatchObject({ position: at(-20, -30), size: { width: 500, height: 400 } });
  });
});
