import { COMPONENT_SIZE } from '../model/catalogue.ts';
import type { Diagram } from '../model/types.ts';
import { applyPlacements } from './elk-graph.ts';

/** Applies a finished layout to the document as it is now. Edits made while the
 *  layout ran are kept: only positions and group sizes come from the layout, and
 *  only for nodes that still exist under the same parent. */
export function adoptLayout(current: Diagram, laidOut: Diagram): Diagram {
  const parents = new Map(current.nodes.map((node) => [node.id, node.parentId]));
  const placements = laidOut.nodes
    .filter((node) => parents.has(node.id) && parents.get(node.id) === node.parentId)
    .map((node) => ({ id: node.id, x: node.position.x, y: node.position.y, ...(node.size ?? COMPONENT_SIZE) }));
  return applyPlacements(current, placements);
}
