import type { Diagram, DiagramNode } from './types.ts';

/**
 * True when `after` differs from `before` only in where components sit and how big
 * groups are drawn: what a drag or a resize changes. Nothing the review reads (kinds,
 * labels, properties, parents, edges) has changed then. Cheap enough for every frame
 * of a drag: unchanged nodes are the same objects, so most comparisons are one `===`.
 */
export function onlyPlacementChanged(before: Diagram, after: Diagram): boolean {
  if (before === after) return true;
  if (before.edges !== after.edges || before.title !== after.title || before.nodes.length !== after.nodes.length) return false;
  for (let i = 0; i < before.nodes.length; i++) {
    const a = before.nodes[i]!;
    const b = after.nodes[i]!;
    if (a !== b && !samePlacedNode(a, b)) return false;
  }
  return true;
}

const PLACEMENT = new Set<string>(['position', 'size']);

/** Every field but the placement is the same value (props: the same object, as edits
 *  that leave them alone keep it). */
function samePlacedNode(a: DiagramNode, b: DiagramNode): boolean {
  for (const key in a) if (!PLACEMENT.has(key) && a[key as keyof DiagramNode] !== b[key as keyof DiagramNode]) return false;
  for (const key in b) if (!PLACEMENT.has(key) && !(key in a)) return false;
  return true;
}
