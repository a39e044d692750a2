import type { Point, Size } from './types.ts';

// Plain rectangle and point arithmetic in canvas coordinates, shared by the canvas,
// the minimap, drop targets, layout checks and the SVG export.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the line from the centre of `rect` towards `toward` leaves the rectangle. */
export function borderPoint(rect: Rect, toward: Point): Point {
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const scale = Math.min(
    dx === 0 ? Infinity : rect.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : rect.height / 2 / Math.abs(dy),
  );
  return { x: cx + dx * scale, y: cy + dy * scale };
}

/** Where a straight edge between two boxes is drawn: from border to border, on the line
 *  between their centres. The canvas, the SVG export and the layout checks agree on it. */
export function edgeEnds(from: Rect, to: Rect): { start: Point; end: Point } {
  return { start: borderPoint(from, centre(to)), end: borderPoint(to, centre(from)) };
}

/** Whether the segment from `start` to `end` runs through the inside of `rect`: a part of
 *  it longer than `tolerance` lies strictly within. Grazing a border or a corner is not
 *  crossing. */
export function segmentCrossesRect(start: Point, end: Point, rect: Rect, tolerance = 0.5): boolean {
  // Liang–Barsky: clip the segment's parameter range to the rectangle's four slabs.
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  let t0 = 0;
  let t1 = 1;
  const slabs: [number, number][] = [
    [-dx, start.x - rect.x],
    [dx, rect.x + rect.width - start.x],
    [-dy, start.y - rect.y],
    [dy, rect.y + rect.height - start.y],
  ];
  for (const [p, q] of slabs) {
    if (p === 0) {
      // Parallel to this slab: on or outside its border, never strictly inside.
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return (t1 - t0) * Math.hypot(dx, dy) > tolerance;
}

export function centre(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** The smallest rectangle around all of `rects`; null when there are none. */
export function boundsOf(rects: Iterable<Rect>): Rect | null {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const rect of rects) {
    left = Math.min(left, rect.x);
    top = Math.min(top, rect.y);
    right = Math.max(right, rect.x + rect.width);
    bottom = Math.max(bottom, rect.y + rect.height);
  }
  return left === Infinity ? null : { x: left, y: top, width: right - left, height: bottom - top };
}

/** The rectangle of `size` centred on `point`. */
export function rectAround(point: Point, size: Size): Rect {
  return { x: point.x - size.width / 2, y: point.y - size.height / 2, width: size.width, height: size.height };
}

export function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/** `rect` grown by `margin` on every side. */
export function inflate(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, width: rect.width + 2 * margin, height: rect.height + 2 * margin };
}

/** Whether `point` lies in `rect`, its border included. */
export function containsPoint(rect: Rect, point: Point): boolean {
  return point.x >= rect.x && point.y >= rect.y && point.x <= rect.x + rect.width && point.y <= rect.y + rect.height;
}

/** Whether `inner` lies wholly in `outer`; sharing a border counts as inside. */
export function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** Whether two rectangles share any area; touching borders do not. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

// Where along its line an edge label goes: the middle unless something is drawn there,
// then the nearest spot either side that is clear, the ends' own neighbourhood last.
const LABEL_SPOTS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8];

// How far beside its line a label may move, in steps, when no spot on the line is
// clear: a short edge between two components leaves no room on it for a long label.
const SIDE_STEPS = [1, 2, 3];
const SIDE_GAP = 6;

/** The centre of a label of `size` for the line from `start` to `end`: the first spot on
 *  the line whose box overlaps none of `obstacles` (the components, the edge's own two
 *  ends included); failing that, beside the middle of the line, above it first, a step
 *  further out each time; the middle when nothing is clear. */
export function labelPoint(start: Point, end: Point, size: Size, obstacles: readonly Rect[]): Point {
  const at = (t: number): Point => ({ x: start.x + (end.x - start.x) * t, y: start.y + (end.y - start.y) * t });
  // Every box tried lies within `reach` of the line's bounding box (the furthest side
  // step plus half the label), so only the obstacles there are looked at again.
  const reach = SIDE_STEPS.at(-1)! * (size.width / 2 + size.height / 2 + SIDE_GAP) + Math.max(size.width, size.height) / 2;
  const area = {
    x: Math.min(start.x, end.x) - reach,
    y: Math.min(start.y, end.y) - reach,
    width: Math.abs(end.x - start.x) + 2 * reach,
    height: Math.abs(end.y - start.y) + 2 * reach,
  };
  const near = obstacles.filter((obstacle) => overlaps(area, obstacle));
  const clear = (point: Point) => {
    const box = rectAround(point, size);
    return !near.some((obstacle) => overlaps(box, obstacle));
  };
  for (const t of LABEL_SPOTS) {
    const point = at(t);
    if (clear(point)) return point;
  }
  const middle = midpoint(start, end);
  const length = Math.hypot(end.x - start.x, end.y - start.y);
  if (length === 0) return middle;
  // The unit normal pointing up the screen (for a vertical line, to the left), so a
  // label moved aside reads above its line.
  let nx = (start.y - end.y) / length;
  let ny = (end.x - start.x) / length;
  if (ny > 0 || (ny === 0 && nx > 0)) [nx, ny] = [-nx, -ny];
  // Far enough per step to clear the label's own half extent along the normal.
  const step = Math.abs(nx) * (size.width / 2) + Math.abs(ny) * (size.height / 2) + SIDE_GAP;
  for (const k of SIDE_STEPS) {
    for (const side of [1, -1]) {
      const point = { x: middle.x + side * nx * step * k, y: middle.y + side * ny * step * k };
      if (clear(point)) return point;
    }
  }
  return middle;
}
