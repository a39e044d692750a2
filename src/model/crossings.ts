import { edgeEnds, inflate, segmentCrossesRect } from './geometry.ts';
import { drawnRects } from './ops.ts';
import { isGroupKind, type Diagram } from './types.ts';

/** An edge drawn across a component it does not connect. */
export interface EdgeCrossing {
  edge: string;
  component: string;
}

/** How near a line may pass a component it does not connect: closer, at any zoom a reader
 *  takes the two for touching. */
export const CLEARANCE = 8;

/** Every edge that, drawn as the canvas draws it (a straight line from border to
 *  border), runs through another component, or within `clearance` of one: a reader cannot tell whether it ends there.
 *  Groups are not obstacles; edges are meant to cross their frames. */
export function edgeCrossings(doc: Diagram, clearance = CLEARANCE): EdgeCrossing[] {
  const rects = drawnRects(doc);
  const components = doc.nodes.filter((node) => !isGroupKind(node.kind));
  const crossings: EdgeCrossing[] = [];
  for (const edge of doc.edges) {
    const from = rects.get(edge.source);
    const to = rects.get(edge.target);
    if (!from || !to) continue;
    const { start, end } = edgeEnds(from, to);
    for (const component of components) {
      if (component.id === edge.source || component.id === edge.target) continue;
      if (segmentCrossesRect(start, end, inflate(rects.get(component.id)!, clearance))) crossings.push({ edge: edge.id, component: component.id });
    }
  }
  return crossings;
}
