import { describe, expect, it } from 'vitest';
import { seededRandom } from '../analysis/numbers/random.ts';
import {
  borderPoint,
  boundsOf,
  centre,
  containsPoint,
  containsRect,
  edgeEnds,
  inflate,
  labelPoint,
  midpoint,
  overlaps,
  rectAround,
  segmentCrossesRect,
  type Rect,
} from './geometry.ts';

const box: Rect = { x: 10, y: 20, width: 100, height: 50 };

describe('borderPoint', () => {
  it.each([
    [{ x: 500, y: 45 }, { x: 110, y: 45 }],
    [{ x: 60, y: -500 }, { x: 60, y: 20 }],
    [{ x: 60, y: 45 }, { x: 60, y: 45 }],
  ])('towards %j leaves at %j', (toward, expected) => {
    expect(borderPoint(box, toward)).toEqual(expected);
  });
});

describe('points and rectangles', () => {
  it('finds centres and midpoints', () => {
    expect(centre(box)).toEqual({ x: 60, y: 45 });
    expect(midpoint({ x: 0, y: 0 }, { x: 10, y: -4 })).toEqual({ x: 5, y: -2 });
    expect(rectAround({ x: 60, y: 45 }, { width: 100, height: 50 })).toEqual(box);
    expect(inflate(box, 5)).toEqual({ x: 5, y: 15, width: 110, height: 60 });
  });

  it('bounds all rectangles, or none', () => {
    expect(boundsOf([box, { x: -10, y: 0, width: 5, height: 5 }])).toEqual({ x: -10, y: 0, width: 120, height: 70 });
    expect(boundsOf([])).toBeNull();
  });

  it.each([
    [{ x: 10, y: 20 }, true],
    [{ x: 110, y: 70 }, true],
    [{ x: 60, y: 45 }, true],
    [{ x: 9.9, y: 45 }, false],
    [{ x: 60, y: 70.1 }, false],
  ])('contains the point %j: %s', (point, expected) => {
    expect(containsPoint(box, point)).toBe(expected);
  });

  it.each<[Rect, boolean, boolean]>([
    // inner, inside, overlapping
    [{ x: 10, y: 20, width: 100, height: 50 }, true, true],
    [{ x: 20, y: 30, width: 10, height: 10 }, true, true],
    [{ x: 100, y: 30, width: 20, height: 10 }, false, true],
    [{ x: 110, y: 20, width: 20, height: 10 }, false, false],
    [{ x: 10, y: 70, width: 20, height: 10 }, false, false],
    [{ x: 500, y: 500, width: 1, height: 1 }, false, false],
  ])('%j: inside %s, overlapping %s', (other, inside, overlapping) => {
    expect(containsRect(box, other)).toBe(inside);
    expect(overlaps(box, other)).toBe(overlapping);
    expect(overlaps(other, box)).toBe(overlapping);
  });
});

describe('labelPoint', () => {
  const start = { x: 0, y: 0 };
  const end = { x: 1000, y: 0 };
  const size = { width: 60, height: 18 };

  it('puts the label in the middle of a clear line', () => {
    expect(labelPoint(start, end, size, [])).toEqual({ x: 500, y: 0 });
    expect(labelPoint(start, end, size, [{ x: 0, y: 100, width: 1000, height: 50 }])).toEqual({ x: 500, y: 0 });
  });

  it('slides the label off a component drawn across the middle, to the nearest clear spot', () => {
    const across = { x: 420, y: -32, width: 180, height: 64 };
    const point = labelPoint(start, end, size, [across]);
    expect(point).toEqual({ x: 300, y: 0 });
    expect(overlaps(rectAround(point, size), across)).toBe(false);
  });

  it('moves the label above a short line whose ends leave no room on it, clear of both', () => {
    // Two 100 × 52 components 80 px apart: a 130 px label fits nowhere between them.
    const left = { x: -100, y: -26, width: 100, height: 52 };
    const right = { x: 80, y: -26, width: 100, height: 52 };
    const wide = { width: 130, height: 20 };
    const point = labelPoint({ x: 0, y: 0 }, { x: 80, y: 0 }, wide, [left, right]);
    expect(point.x).toBe(40);
    expect(point.y).toBeLessThan(-26);
    for (const end of [left, right]) expect(overlaps(rectAround(point, wide), end)).toBe(false);
  });

  it('tries below when above is taken, and keeps the middle when nothing near is clear', () => {
    const left = { x: -100, y: -26, width: 100, height: 52 };
    const right = { x: 80, y: -26, width: 100, height: 52 };
    const above = { x: -200, y: -300, width: 500, height: 270 };
    const wide = { width: 130, height: 20 };
    expect(labelPoint({ x: 0, y: 0 }, { x: 80, y: 0 }, wide, [left, right, above]).y).toBeGreaterThan(26);
    expect(labelPoint(start, end, size, [{ x: -10, y: -1000, width: 1020, height: 2000 }])).toEqual({ x: 500, y: 0 });
  });
});

describe('labelPoint on random lines among random components', () => {
  it('never puts a label on a component unless it falls back to the middle, and pays no heed to what is far away', () => {
    const random = seededRandom(7);
    const between = (low: number, high: number) => low + random() * (high - low);
    for (let round = 0; round < 400; round++) {
      const from = { x: between(0, 800), y: between(0, 800) };
      const to = { x: between(0, 800), y: between(0, 800) };
      const size = { width: between(30, 160), height: 20 };
      const obstacles = Array.from({ length: 30 }, () => ({ x: between(-100, 900), y: between(-100, 900), width: 100, height: 52 }));
      const point = labelPoint(from, to, size, obstacles);
      const middle = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
      const blocked = obstacles.some((obstacle) => overlaps(rectAround(point, size), obstacle));
      if (blocked) expect(point).toEqual(middle);
      // Components a long way off change nothing.
      const far = Array.from({ length: 20 }, (_, i) => ({ x: 5_000 + i * 150, y: between(-5_000, 5_000), width: 100, height: 52 }));
      expect(labelPoint(from, to, size, [...far, ...obstacles])).toEqual(point);
    }
  });
});

describe('edgeEnds', () => {
  it('runs from border to border on the line between the centres', () => {
    const right: Rect = { x: 300, y: 20, width: 100, height: 50 };
    expect(edgeEnds(box, right)).toEqual({ start: { x: 110, y: 45 }, end: { x: 300, y: 45 } });
  });
});

describe('segmentCrossesRect', () => {
  // box: x 10..110, y 20..70
  it.each([
    ['straight through', { x: 0, y: 45 }, { x: 200, y: 45 }, true],
    ['diagonally through', { x: 0, y: 0 }, { x: 200, y: 100 }, true],
    ['starting inside', { x: 60, y: 45 }, { x: 60, y: 300 }, true],
    ['wholly inside', { x: 40, y: 40 }, { x: 50, y: 50 }, true],
    ['passing above', { x: 0, y: 10 }, { x: 200, y: 10 }, false],
    ['ending short of it', { x: 0, y: 45 }, { x: 9, y: 45 }, false],
    ['along its top border', { x: 0, y: 20 }, { x: 200, y: 20 }, false],
    ['through its corner only', { x: 0, y: 30 }, { x: 20, y: 10 }, false],
    ['beside it, vertically', { x: 120, y: 0 }, { x: 120, y: 100 }, false],
  ])('%s: %s', (_name, start, end, crosses) => {
    expect(segmentCrossesRect(start, end, box)).toBe(crosses);
    expect(segmentCrossesRect(end, start, box)).toBe(crosses);
  });

  it('counts a near miss once the box is grown by a clearance', () => {
    expect(segmentCrossesRect({ x: 0, y: 15 }, { x: 200, y: 15 }, box)).toBe(false);
    expect(segmentCrossesRect({ x: 0, y: 15 }, { x: 200, y: 15 }, inflate(box, 8))).toBe(true);
  });
});
