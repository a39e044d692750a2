import { describe, expect, it } from 'vitest';
import { COMPONENT_SIZE } from '../../../model/catalogue.ts';
import { layersOf, placeItems } from './place.ts';

describe('layersOf', () => {
  it('puts each id one layer past the longest chain leading to it', () => {
    const layers = layersOf(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['a', 'c'], ['d', 'c']]);
    expect(Object.fromEntries(layers)).toEqual({ a: 0, b: 1, c: 2, d: 0 });
  });

  it('breaks cycles instead of climbing forever, in linear time', () => {
    expect(Object.fromEntries(layersOf(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a']]))).toEqual({ a: 0, b: 1, c: 2 });
    const ids = Array.from({ length: 20_000 }, (_, i) => `n${i}`);
    const links = ids.map((id, i) => [id, ids[(i + 1) % ids.length]!] as const);
    const started = performance.now();
    expect(layersOf(ids, links).get('n19999')).toBe(19_999);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('placeItems', () => {
  it('sizes a group to hold its members, and keeps the members apart', () => {
    const placed = placeItems(
      [
        { id: 'z', group: true },
        { id: 'a', parent: 'z', group: false },
        { id: 'b', parent: 'z', group: false },
      ],
      [{ source: 'a', target: 'b' }],
      'LR',
    );
    const [a, b, z] = [placed.get('a')!, placed.get('b')!, placed.get('z')!];
    expect(b.position.x).toBeGreaterThanOrEqual(a.position.x + COMPONENT_SIZE.width);
    expect(z.size.width).toBeGreaterThanOrEqual(b.position.x + COMPONENT_SIZE.width);
    expect(z.size.height).toBeGreaterThanOrEqual(a.position.y + COMPONENT_SIZE.height);
  });
});
