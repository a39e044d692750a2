import { drawnSize } from '../model/catalogue.ts';
import { centre } from '../model/geometry.ts';
import { reparent } from '../model/ops.ts';
import { absolutePositions, outermost, toParentSpace } from '../model/tree.ts';
import type { Diagram, NodeKind, Point } from '../model/types.ts';
import { groupAt } from './dropTarget.ts';

// Where things land when dropped on the canvas. Both work in absolute canvas
// coordinates and store positions relative to the new parent, so nothing jumps.

/** After a drag: each dragged node goes into the innermost group under its centre (or
 *  to the top level). Nodes inside a group dragged with them ride along and stay put
 *  in it. The absolute positions are computed once, not once per dragged node. */
export function reparentDropped(doc: Diagram, draggedIds: ReadonlySet<string>): Diagram {
  const positions = absolutePositions(doc);
  let next = doc;
  for (const node of outermost(doc, draggedIds)) {
    const middle = centre({ ...positions.get(node.id)!, ...drawnSize(node) });
    next = reparent(next, node.id, groupAt(next, middle, node.kind, node.id, positions));
  }
  return next;
}

/** Where a new node of `kind` dropped at `point` goes: the group under the point, and
 *  the point in that group's coordinates. */
export function placeDropped(doc: Diagram, kind: NodeKind, point: Point): { at: Point; parentId: string | undefined } {
  const parentId = groupAt(doc, point, kind);
  return { at: toParentSpace(doc, point, parentId), parentId };
}
