import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bindLifecycleFlush, createAutosave, type LifecycleTarget } from './autosave.ts';

/** A save that takes `ms` of (fake) time and records when it ran. */
function recorder(ms = 0) {
  const starts: number[] = [];
  let active = 0;
  let maxActive = 0;
  const save = vi.fn(async () => {
    starts.push(Date.now());
    active++;
    maxActive = Math.max(maxActive, active);
    await new Promise((resolve) => setTimeout(resolve, ms));
    active--;
  });
  return { save, starts, maxActive: () => maxActive };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createAutosave', () => {
  it('saves once, 500 ms after a burst of changes starts', async () => {
    const { save, starts } = recorder();
    const autosave = createAutosave({ save });
    autosave.schedule();
    await vi.advanceTimersByTimeAsync(100);
    autosave.schedule();
    autosave.schedule();
    await vi.advanceTimersByTimeAsync(399);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toEqual([500]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('debounces with a shorter delay, but never waits longer than maxWaitMs', async () => {
    const { save, starts } = recorder();
    const autosave = createAutosave({ save, delayMs: 200, maxWaitMs: 1000 });
    autosave.schedule();
    await vi.advanceTimersByTimeAsync(150);
    autosave.schedule();
    await vi.advanceTimersByTimeAsync(200);
    expect(starts).toEqual([350]);
    for (let t = 0; t < 3000; t += 100) {
      autosave.schedule();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(starts).toEqual([350, 1350, 2350, 3350]);
  });

  it('saves at least every 500 ms during a continuous stream of edits', async () => {
    const { save, starts } = recorder(30);
    const autosave = createAutosave({ save, delayMs: 500 });
    for (let t = 0; t < 5000; t += 16) {
      autosave.schedule();
      await vi.advanceTimersByTimeAsync(16);
    }
    expect(starts.length).toBeGreaterThanOrEqual(9);
    const gaps = starts.slice(1).map((start, i) => start - starts[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(500 + 30);
  });

  it('never runs two saves at once, and saves a change made during a save right after it', async () => {
    const { save, starts, maxActive } = recorder(1000);
    const autosave = createAutosave({ save });
    autosave.schedule();
    await vi.advanceTimersByTimeAsync(600); // the save started at 500 and runs until 1500
    autosave.schedule();
    await vi.advanceTimersByTimeAsync(899);
    expect(starts).toEqual([500]);
    await vi.advanceTimersByTimeAsync(1); // 1500: first save done; the change has waited 900 ms
    expect(starts).toEqual([500, 1500]);
    expect(maxActive()).toBe(1);
  });

  it('flush saves now and resolves when the change is stored', async () => {
    const { save, starts } = recorder(100);
    const autosave = createAutosave({ save });
    autosave.schedule();
    let done = false;
    void autosave.flush().then(() => (done = true));
    expect(starts).toEqual([0]);
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flush with nothing pending does not save', async () => {
    const { save } = recorder();
    await createAutosave({ save }).flush();
    expect(save).not.toHaveBeenCalled();
  });

  it('flush during a save waits for it, then saves the newer change', async () => {
    const { save, starts } = recorder(100);
    const autosave = createAutosave({ save });
    autosave.schedule();
    void autosave.flush();
    await vi.advanceTimersByTimeAsync(50);
    autosave.schedule();
    let done = false;
    void autosave.flush().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(50);
    expect(starts).toEqual([0, 100]);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toBe(true);
  });

  it('pending is true from a change until it is stored', async () => {
    const { save } = recorder(100);
    const autosave = createAutosave({ save });
    expect(autosave.pending()).toBe(false);
    autosave.schedule();
    expect(autosave.pending()).toBe(true);
    await vi.advanceTimersByTimeAsync(550);
    expect(autosave.pending()).toBe(true); // saving
    await vi.advanceTimersByTimeAsync(50);
    expect(autosave.pending()).toBe(false);
  });

  it('dispose cancels the timer and ignores later changes', async () => {
    const { save } = recorder();
    const autosave = createAutosave({ save });
    autosave.schedule();
    autosave.dispose();
    autosave.schedule();
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
  });

  it('flush then dispose still stores the last change', async () => {
    const { save } = recorder(100);
    const autosave = createAutosave({ save });
    autosave.schedule();
    void autosave.flush();
    autosave.dispose();
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('reports a failing save and keeps going', async () => {
    const onError = vi.fn();
    const save = vi.fn().mockRejectedValueOnce(new Error('disk on fire')).mockImplementationOnce(() => {
      throw new Error('sync throw');
    }).mockResolvedValue(undefined);
    const autosave = createAutosave({ save, onError });
    autosave.schedule();
    await vi.advanceTimersByTimeAsync(500);
    autosave.schedule();
    await autosave.flush();
    autosave.schedule();
    await autosave.flush();
    expect(onError.mock.calls.map(([error]) => (error as Error).message)).toEqual(['disk on fire', 'sync throw']);
    expect(save).toHaveBeenCalledTimes(3);
    expect(autosave.pending()).toBe(false);
  });
});

describe('bindLifecycleFlush', () => {
  function fakeTarget() {
    const listeners = new Map<string, Set<() => void>>();
    const target: LifecycleTarget = {
      addEventListener: (type, listener) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(listener),
      removeEventListener: (type, listener) => void listeners.get(type)?.delete(listener),
    };
    const fire = (type: string) => listeners.get(type)?.forEach((listener) => listener());
    return { target, fire, count: () => [...listeners.values()].reduce((n, set) => n + set.size, 0) };
  }

  it('flushes on pagehide, and on visibilitychange only when the page is hidden', () => {
    const flush = vi.fn(async () => {});
    let hidden = false;
    const { target, fire, count } = fakeTarget();
    const unbind = bindLifecycleFlush({ flush }, target, () => hidden);
    fire('visibilitychange');
    expect(flush).not.toHaveBeenCalled();
    hidden = true;
    fire('visibilitychange');
    fire('pagehide');
    expect(flush).toHaveBeenCalledTimes(2);
    unbind();
    expect(count()).toBe(0);
    fire('pagehide');
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it('reads document.visibilityState by default', () => {
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    try {
      const flush = vi.fn(async () => {});
      const { target, fire } = fakeTarget();
      bindLifecycleFlush({ flush }, target);
      fire('visibilitychange');
      expect(flush).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
