import type { Rect } from './geometry.ts';
import type { Size } from './types.ts';

// Where the canvas looks: the pan offset in screen pixels and the zoom, as React Flow
// keeps it. It is stored with a diagram and in the tab's journal, so the one check
// below is what anything read back from storage must pass before it reaches the view.

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A viewport worth restoring: finite pan and a zoom above zero. */
export function isViewport(value: unknown): value is Viewport {
  if (typeof value !== 'object' || value === null) return false;
  const { x, y, zoom } = value as Record<string, unknown>;
  return isFiniteNumber(x) && isFiniteNumber(y) && isFiniteNumber(zoom) && zoom > 0;
}

/** Equal within rounding: React Flow hands back a restored viewport recomputed. */
export function sameViewport(a: Viewport | null | undefined, b: Viewport): boolean {
  const close = (x: number, y: number) => Math.abs(x - y) < 1e-6;
  return a != null && close(a.x, b.x) && close(a.y, b.y) && close(a.zoom, b.zoom);
}

/** The part of the diagram a view of `size` screen pixels shows. */
export function visibleRect(viewport: Viewport, size: Size): Rect {
  const { x, y, zoom } = viewport;
  return { x: -x / zoom, y: -y / zoom, width: size.width / zoom, height: size.height / zoom };
}
