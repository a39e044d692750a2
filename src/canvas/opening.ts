import { boundsOf } from '../model/geometry.ts';
import { drawnRects } from '../model/ops.ts';
import type { Diagram, Size } from '../model/types.ts';
import type { Viewport } from '../model/viewport.ts';

// Where the canvas looks when a diagram is opened without a saved view. Fitting a
// whole design to the window shrinks its labels to a few pixels, so the first view is
// a readable one: the whole diagram when it fits at a readable zoom, otherwise its
// start (the entries, on the left) at that zoom, the rest a pan away.

/** The least zoom a diagram opens at. Labels on the canvas are 13–14 px (styles.css),
 *  so they are at least 11 px on screen here. */
export const READABLE_ZOOM = 0.85;
/** Opening never zooms in past 100%. */
const MAX_OPENING_ZOOM = 1;
/** Room kept round the diagram, as a share of its size when it fits (as `FIT_ALL`). */
const PADDING = 0.15;
/** Screen pixels kept between the window's edge and a diagram too big to fit. */
const MARGIN = 32;

/** The first view of `doc` in a canvas of `pane` screen pixels; null for an empty one. */
export function openingViewport(doc: Diagram, pane: Size): Viewport | null {
  const rects = drawnRects(doc);
  const bounds = boundsOf(rects.values());
  if (!bounds || pane.width <= 0 || pane.height <= 0) return null;
  const fit = Math.min(pane.width / (bounds.width * (1 + PADDING)), pane.height / (bounds.height * (1 + PADDING)));
  const zoom = Math.min(MAX_OPENING_ZOOM, Math.max(READABLE_ZOOM, fit));
  const entries = boundsOf(doc.nodes.filter((node) => node.kind === 'client').map((node) => rects.get(node.id)!));
  return {
    x: along(bounds.x, bounds.width, pane.width, zoom, bounds.x),
    y: along(bounds.y, bounds.height, pane.height, zoom, entries ? entries.y + entries.height / 2 : bounds.y),
    zoom,
  };
}

/** The pan along one axis: the diagram centred when it fits; otherwise `focus` (a
 *  diagram coordinate) as near the middle as the diagram's near edge allows, and the
 *  diagram's start never pushed off past the margin. */
function along(start: number, length: number, screen: number, zoom: number, focus: number): number {
  if (length * zoom + 2 * MARGIN <= screen) return screen / 2 - (start + length / 2) * zoom;
  const centred = screen / 2 - focus * zoom;
  const startAtMargin = MARGIN - start * zoom;
  const endAtMargin = screen - MARGIN - (start + length) * zoom;
  return Math.max(endAtMargin, Math.min(startAtMargin, centred));
}
