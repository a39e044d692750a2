import { sameNodeExcept } from './ops.ts';
import type { Diagram } from './types.ts';

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
    if (!sameNodeExcept(a, b, PLACEMENT)) return false;
  }
  return true;
}

const PLACEMENT: ReadonlySet<string> = new Set(['position', 'size']);
