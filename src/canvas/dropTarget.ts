import { containsPoint } from '../model/geometry.ts';
import { absolutePositions, canNest, isInside } from '../model/tree.ts';
import { isGroupKind, type Diagram, type NodeKind, type Point } from '../model/types.ts';

/** The innermost group under `point` (absolute canvas coordinates) that a node of
 *  `kind` may be dropped into, never the node itself or one of its descendants. */
export function groupAt(
  doc: Diagram,
  point: Point,
  kind: NodeKind,
  movingId?: string,
  positions: ReadonlyMap<string, Point> = absolutePositions(doc),
): string | undefined {
  let best: { id: string; area: number } | undefined;
  for (const node of doc.nodes) {
    if (!isGroupKind(node.kind) || !node.size || !canNest(kind, node.kind)) continue;
    const origin = positions.get(node.id)!;
    const inside = containsPoint({ ...origin, ...node.size }, point);
    const area = node.size.width * node.size.height;
    if (!inside || (best && area >= best.area)) continue;
    // Only a group can have the candidate inside it; checked last, as it walks the tree.
    if (movingId && isGroupKind(kind) && isInside(doc, node.id, movingId)) continue;
    best = { id: node.id, area };
  }
  return best?.id;
}
