import { describe, expect, it } from 'vitest';
import { isViewport, sameViewport, visibleRect } from './viewport.ts';

describe('isViewport', () => {
  it.each<[unknown, boolean]>([
    [{ x: 1, y: -2, zoom: 1.5 }, true],
    [{ x: 0, y: 0, zoom: 0.05, extra: 'kept out by the reader' }, true],
    [{ x: 0, y: 0, zoom: 0 }, false],
    [{ x: 0, y: 0, zoom: -1 }, false],
    [{ x: Number.NaN, y: 0, zoom: 1 }, false],
    [{ x: 0, y: Infinity, zoom: 1 }, false],
    [{ x: '0', y: 0, zoom: 1 }, false],
    [{ x: 0, y: 0 }, false],
    [null, false],
    [[0, 0, 1], false],
    ['viewport', false],
  ])('%j: %s', (value, expected) => {
    expect(isViewport(value)).toBe(expected);
  });
});

describe('sameViewport', () => {
  const view = { x: 10, y: 20, zoom: 1.25 };
  it.each([
    [{ x: 10, y: 20, zoom: 1.25 }, true],
    [{ x: 10 + 1e-9, y: 20 - 1e-9, zoom: 1.25 + 1e-9 }, true],
    [{ x: 10.01, y: 20, zoom: 1.25 }, false],
    [{ x: 10, y: 20, zoom: 1.5 }, false],
  ])('%j: %s', (other, expected) => {
    expect(sameViewport(view, other)).toBe(expected);
  });

  it('differs from no viewport at all', () => {
    expect(sameViewport(null, view)).toBe(false);
    expect(sameViewport(undefined, view)).toBe(false);
  });
});

describe('visibleRect', () => {
  it('turns React Flow’s transform into the visible part of the diagram', () => {
    expect(visibleRect({ x: -200, y: 100, zoom: 0.5 }, { width: 800, height: 600 })).toEqual({ x: 400, y: -200, width: 1600, height: 1200 });
    expect(visibleRect({ x: 100, y: 50, zoom: 2 }, { width: 800, height: 600 })).toEqual({ x: -50, y: -25, width: 400, height: 300 });
  });
});
