import type { Rect } from '../model/geometry.ts';
import { drawnRects } from '../model/ops.ts';
import { isGroupKind, type Diagram, type Point } from '../model/types.ts';

// The overview in the corner, as plain geometry: where each node goes on a small
// canvas, and which diagram point a click on it means. The component draws all of it
// in one <canvas>, so a large diagram costs one element, not one per node.

export interface MinimapShape {
  id: string;
  rect: Rect;
  group: boolean;
}

/** Diagram to minimap: `minimap = (diagram - origin) * scale + margin`. */
export interface MinimapFrame {
  origin: Point;
  scale: number;
  margin: Point;
}

export function shapesOf(doc: Diagram): MinimapShape[] {
  const rects = drawnRects(doc);
  return doc.nodes.map((node) => ({ id: node.id, rect: rects.get(node.id)!, group: isGroupKind(node.kind) }));
}

/** Fits `bounds` into a minimap of `size`, centred, `padding` pixels from the edges. */
export function fitFrame(bounds: Rect, size: { width: number; height: number }, padding = 6): MinimapFrame {
  const room = { width: Math.max(1, size.width - 2 * padding), height: Math.max(1, size.height - 2 * padding) };
  const scale = Math.min(room.width / Math.max(1, bounds.width), room.height / Math.max(1, bounds.height));
  return {
    origin: { x: bounds.x, y: bounds.y },
    scale,
    margin: { x: (size.width - bounds.width * scale) / 2, y: (size.height - bounds.height * scale) / 2 },
  };
}

export function toMinimap(rect: Rect, frame: MinimapFrame): Rect {
  return {
    x: (rect.x - frame.origin.x) * frame.scale + frame.margin.x,
    y: (rect.y - frame.origin.y) * frame.scale + frame.margin.y,
    width: rect.width * frame.scale,
    height: rect.height * frame.scale,
  };
}

export function toDiagram(point: Point, frame: MinimapFrame): Point {
  return { x: (point.x - frame.margin.x) / frame.scale + frame.origin.x, y: (point.y - frame.margin.y) / frame.scale + frame.origin.y };
}
