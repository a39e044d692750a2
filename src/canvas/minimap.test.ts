import { describe, expect, it } from 'vitest';
import { addNode } from '../model/ops.ts';
import { emptyDiagram } from '../model/types.ts';
import { boundsOf } from '../model/geometry.ts';
import { fitFrame, shapesOf, toDiagram, toMinimap } from './minimap.ts';

describe('minimap geometry', () => {
  it('places components and groups where they are on the canvas', () => {
    let doc = addNode(emptyDiagram(), 'zone', { x: 100, y: 100 }, { id: 'z' });
    doc = addNode(doc, 'cache', { x: 20, y: 30 }, { id: 'c', parentId: 'z' });
    const shapes = shapesOf(doc);
    expect(shapes).toEqual([
      { id: 'z', rect: { x: 100, y: 100, width: 340, height: 260 }, group: true },
      { id: 'c', rect: { x: 120, y: 130, width: 180, height: 64 }, group: false },
    ]);
    expect(boundsOf(shapes.map((shape) => shape.rect))).toEqual({ x: 100, y: 100, width: 340, height: 260 });
    expect(boundsOf([])).toBeNull();
  });

  it('fits the diagram inside the minimap, centred, and maps clicks back', () => {
    const bounds = { x: -500, y: 0, width: 2000, height: 500 };
    const frame = fitFrame(bounds, { width: 200, height: 140 }, 0);
    expect(frame.scale).toBe(0.1);
    const whole = toMinimap(bounds, frame);
    expect(whole).toEqual({ x: 0, y: 45, width: 200, height: 50 });
    expect(toDiagram({ x: 100, y: 70 }, frame)).toEqual({ x: 500, y: 250 });
  });
});
