import type { NodeChange } from '@xyflow/react';
import { moveNodes, resizeNode } from '../model/ops.ts';
import type { Diagram, Point, Size } from '../model/types.ts';

// React Flow reports what the pointer did as a list of node changes. Here they become
// edits to the document, as data, applied by a pure function: the canvas only routes
// them to the store. Select changes are read by selection.ts; remove changes never
// come, as deletion goes through commands (the canvas sets no delete key).

/** An edit to the document that node changes ask for. */
export type NodeEdit =
  /** Positions set outright, not mid-drag (a keyboard move, the end of a resize). */
  | { type: 'move'; positions: ReadonlyMap<string, Point> }
  /** A group resized by its handle; a resize from the top or left moves it too. */
  | { type: 'resize'; id: string; size: Size; position?: Point };

const NO_EDITS: readonly NodeEdit[] = Object.freeze([]);

/** The edits `changes` ask for, in order: each resize, then one move of every other
 *  position. Positions mid-drag go to `onDrag` instead, so they can be gathered and
 *  applied once per frame; a drag frame allocates nothing here. */
export function readNodeChanges<N extends NodeChange>(changes: readonly N[], onDrag: (id: string, position: Point) => void): readonly NodeEdit[] {
  let edits: NodeEdit[] | undefined;
  let positions: Map<string, Point> | undefined;
  for (const change of changes) {
    if (change.type === 'position' && change.position) {
      if (change.dragging) onDrag(change.id, change.position);
      else (positions ??= new Map()).set(change.id, change.position);
    }
    if (change.type === 'dimensions' && change.dimensions && change.resizing) {
      const { width, height } = change.dimensions;
      // React Flow reports the move of a resize before its new size; they are one edit.
      const position = positions?.get(change.id);
      positions?.delete(change.id);
      (edits ??= []).push({ type: 'resize', id: change.id, size: { width, height }, position });
    }
  }
  if (positions && positions.size > 0) (edits ??= []).push({ type: 'move', positions });
  return edits ?? NO_EDITS;
}

export function applyNodeEdit(doc: Diagram, edit: NodeEdit): Diagram {
  switch (edit.type) {
    case 'move':
      return moveNodes(doc, edit.positions);
    case 'resize':
      return resizeNode(doc, edit.id, edit.size, edit.position);
  }
}
