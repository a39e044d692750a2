// Pointer moves come many times a frame, and each awareness change is a message to
// everyone in the room. A throttle keeps only the latest value and sends it on an
// animation frame, at most once per interval: 50 ms is 20 a second, smooth enough
// to follow a pointer, and a room of ten stays a few hundred messages a second.

export interface FrameClock {
  now(): number;
  request(callback: () => void): number;
  cancel(handle: number): void;
}

export interface Throttle<T> {
  /** Sends `value` on a coming frame, unless a later push replaces it first. */
  push(value: T): void;
  /** Sends what is waiting now. */
  flush(): void;
  /** Drops what is waiting. */
  cancel(): void;
}

const browserClock = (): FrameClock => ({
  now: () => performance.now(),
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
});

export function createThrottle<T>(send: (value: T) => void, interval = 50, clock: FrameClock = browserClock()): Throttle<T> {
  let waiting: { value: T } | null = null;
  let frame: number | null = null;
  let sentAt = -Infinity;

  const deliver = () => {
    if (!waiting) return;
    const { value } = waiting;
    waiting = null;
    sentAt = clock.now();
    send(value);
  };
  const onFrame = () => {
    frame = null;
    if (clock.now() - sentAt >= interval) deliver();
    else if (waiting) frame = clock.request(onFrame);
  };
  const stop = () => {
    if (frame !== null) clock.cancel(frame);
    frame = null;
  };
  return {
    push(value) {
      waiting = { value };
      frame ??= clock.request(onFrame);
    },
    flush() {
      stop();
      deliver();
    },
    cancel() {
      stop();
      waiting = null;
    },
  };
}
