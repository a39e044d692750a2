import { describe, expect, it } from 'vitest';
import { addNode } from '../model/ops.ts';
import { emptyDiagram } from '../model/types.ts';
import { openingViewport, READABLE_ZOOM } from './opening.ts';

const pane = { width: 800, height: 600 };

describe('openingViewport', () => {
  it('opens nothing for an empty diagram', () => {
    expect(openingViewport(emptyDiagram(), pane)).toBeNull();
  });

  it('centres a diagram that fits, never zoomed in past 100%', () => {
    const doc = addNode(emptyDiagram(), 'service', { x: 100, y: 100 }, { id: 's' });
    // The 180 × 64 component's centre (190, 132) lands on the pane's centre.
    expect(openingViewport(doc, pane)).toEqual({ x: 400 - 190, y: 300 - 132, zoom: 1 });
  });

  it('opens a wide diagram at the readable zoom, its left edge in view and its entries centred', () => {
    let doc = addNode(emptyDiagram(), 'client', { x: 0, y: 400 }, { id: 'c' });
    doc = addNode(doc, 'service', { x: 3000, y: 0 }, { id: 'far' });
    doc = addNode(doc, 'sql-database', { x: 3000, y: 900 }, { id: 'low' });
    const view = openingViewport(doc, pane)!;
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(view.x).toBe(32);
    // The client's middle (y 432) sits in the middle of the pane.
    expect(view.y).toBeCloseTo(300 - 432 * READABLE_ZOOM);
  });

  it('keeps the top of a tall diagram in view when its entry is near the top', () => {
    let doc = addNode(emptyDiagram(), 'client', { x: 0, y: 0 }, { id: 'c' });
    doc = addNode(doc, 'service', { x: 0, y: 3000 }, { id: 'deep' });
    const view = openingViewport(doc, pane)!;
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(view.y).toBe(32);
    expect(view.x).toBeCloseTo(400 - 90 * READABLE_ZOOM);
  });
});
