import { describe, expect, it } from 'vitest';
import { seededRandom } from './numbers/random.ts';
import { MinHeap } from './min-heap.ts';

describe('MinHeap', () => {
  it('always gives back an item with the lowest key held, with pushes and pops interleaved', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 50; round++) {
      const keys = Array.from({ length: 1 + Math.floor(random() * 60) }, () => Math.floor(random() * 20));
      const heap = new MinHeap((item) => keys[item]!);
      const held = new Set<number>();
      const popAndCheck = () => {
        const item = heap.pop()!;
        expect(held.has(item)).toBe(true);
        for (const other of held) expect(keys[item]).toBeLessThanOrEqual(keys[other]!);
        held.delete(item);
      };
      keys.forEach((_, item) => {
        heap.push(item);
        held.add(item);
        if (random() < 0.3) popAndCheck();
      });
      while (held.size > 0) popAndCheck();
      expect(heap.size).toBe(0);
    }
  });

  it('pops in key order when nothing interleaves', () => {
    const keys = [5, 3, 9, 1, 1, 7];
    const heap = new MinHeap((item) => keys[item]!);
    keys.forEach((_, item) => heap.push(item));
    const popped = Array.from({ length: keys.length }, () => keys[heap.pop()!]);
    expect(popped).toEqual([1, 1, 3, 5, 7, 9]);
    expect(heap.pop()).toBeUndefined();
  });
});
