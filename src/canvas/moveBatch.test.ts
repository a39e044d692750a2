import { describe, expect, it } from 'vitest';
import type { Point } from '../model/types.ts';
import { createMoveBatch, type TaskScheduler } from './moveBatch.ts';

function manualTasks() {
  const callbacks = new Map<number, () => void>();
  let next = 1;
  const scheduler: TaskScheduler = {
    request(callback) {
      callbacks.set(next, callback);
      return next++;
    },
    cancel: (handle) => void callbacks.delete(handle),
  };
  const tick = () => {
    const due = [...callbacks.values()];
    callbacks.clear();
    for (const callback of due) callback();
  };
  return { scheduler, tick, scheduled: () => callbacks.size };
}

describe('move batch', () => {
  it('applies the last position of each node once per task', () => {
    const frames = manualTasks();
    const applied: Map<string, Point>[] = [];
    const batch = createMoveBatch((positions) => applied.push(new Map(positions)), frames.scheduler);
    batch.add('a', { x: 1, y: 1 });
    batch.add('a', { x: 2, y: 2 });
    batch.add('b', { x: 5, y: 5 });
    expect(frames.scheduled()).toBe(1);
    expect(applied).toHaveLength(0);
    frames.tick();
    expect(applied).toEqual([new Map([['a', { x: 2, y: 2 }], ['b', { x: 5, y: 5 }]])]);
    frames.tick();
    expect(applied).toHaveLength(1);
  });

  it('applies at once on flush and cancels the frame it had asked for', () => {
    const frames = manualTasks();
    const applied: Map<string, Point>[] = [];
    const batch = createMoveBatch((positions) => applied.push(new Map(positions)), frames.scheduler);
    batch.add('a', { x: 3, y: 4 });
    batch.flush();
    expect(applied).toEqual([new Map([['a', { x: 3, y: 4 }]])]);
    expect(frames.scheduled()).toBe(0);
    batch.flush();
    expect(applied).toHaveLength(1);
  });

  it('schedules a new frame after a flush', () => {
    const frames = manualTasks();
    const applied: string[] = [];
    const batch = createMoveBatch((positions) => applied.push([...positions.keys()].join()), frames.scheduler);
    batch.add('a', { x: 0, y: 0 });
    batch.flush();
    batch.add('b', { x: 0, y: 0 });
    expect(frames.scheduled()).toBe(1);
    frames.tick();
    expect(applied).toEqual(['a', 'b']);
  });
});
