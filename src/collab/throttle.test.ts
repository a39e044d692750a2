import { describe, expect, it } from 'vitest';
import { createThrottle, type FrameClock } from './throttle.ts';

// A clock whose frames run when the test says, 16 ms apart.
function testClock() {
  let time = 0;
  let next = 0;
  const frames = new Map<number, () => void>();
  const clock: FrameClock = {
    now: () => time,
    request(callback) {
      frames.set(++next, callback);
      return next;
    },
    cancel: (handle) => void frames.delete(handle),
  };
  return {
    clock,
    frame() {
      time += 16;
      const due = [...frames.values()];
      frames.clear();
      for (const callback of due) callback();
    },
    pending: () => frames.size,
  };
}

describe('a throttle', () => {
  it('sends only the latest value, on the next frame', () => {
    const { clock, frame } = testClock();
    const sent: number[] = [];
    const throttle = createThrottle<number>((value) => sent.push(value), 50, clock);
    throttle.push(1);
    throttle.push(2);
    throttle.push(3);
    expect(sent).toEqual([]);
    frame();
    expect(sent).toEqual([3]);
  });

  it('sends at most once per interval however often it is pushed', () => {
    const { clock, frame } = testClock();
    const sent: number[] = [];
    const throttle = createThrottle<number>((value) => sent.push(value), 50, clock);
    // A second of pointer moves, one per frame.
    for (let i = 0; i < 62; i++) {
      throttle.push(i);
      frame();
    }
    expect(sent.length).toBeLessThanOrEqual(20);
    expect(sent.length).toBeGreaterThanOrEqual(15);
    // The last position is not lost: it goes once the interval has passed.
    for (let i = 0; i < 4; i++) frame();
    expect(sent.at(-1)).toBe(61);
  });

  it('asks for no more frames once nothing waits', () => {
    const { clock, frame, pending } = testClock();
    const throttle = createThrottle<number>(() => {}, 50, clock);
    throttle.push(1);
    frame();
    frame();
    expect(pending()).toBe(0);
  });

  it('sends what waits at once on flush, and nothing after cancel', () => {
    const { clock, frame } = testClock();
    const sent: string[] = [];
    const throttle = createThrottle<string>((value) => sent.push(value), 50, clock);
    throttle.push('a');
    throttle.flush();
    expect(sent).toEqual(['a']);
    throttle.push('b');
    throttle.cancel();
    for (let i = 0; i < 5; i++) frame();
    expect(sent).toEqual(['a']);
  });
});
