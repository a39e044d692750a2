import type { Point } from '../model/types.ts';

// Pointer moves can arrive several times per frame. Each one would re-render the
// canvas and re-index React Flow's nodes, only for the browser to paint the last.
// Drag positions are gathered here and applied in one task of their own, right after
// the input, as React's scheduler does for continuous input. Applying them in an
// animation frame instead puts all of that work in front of the frame's own style,
// layout and paint, and on a large diagram the frame then runs late every time.

export interface MoveBatch {
  add(id: string, position: Point): void;
  /** Applies what is gathered now and cancels the task it had asked for: before the
   *  drag ends, or when the canvas goes away. */
  flush(): void;
}

export interface TaskScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

/** A task as soon as the page is free, through a message channel (a timeout may be
 *  clamped to several milliseconds). The channel is opened on first use. */
function messageTasks(): TaskScheduler {
  let channel: MessageChannel | undefined;
  let next = 0;
  const callbacks = new Map<number, () => void>();
  return {
    request(callback) {
      if (!channel) {
        channel = new MessageChannel();
        channel.port1.onmessage = (event: MessageEvent<number>) => {
          const due = callbacks.get(event.data);
          callbacks.delete(event.data);
          due?.();
        };
      }
      callbacks.set(++next, callback);
      channel.port2.postMessage(next);
      return next;
    },
    cancel: (handle) => void callbacks.delete(handle),
  };
}

export function createMoveBatch(apply: (positions: ReadonlyMap<string, Point>) => void, scheduler: TaskScheduler = messageTasks()): MoveBatch {
  let pending = new Map<string, Point>();
  let task: number | undefined;

  const flush = () => {
    if (task !== undefined) scheduler.cancel(task);
    task = undefined;
    if (pending.size === 0) return;
    const positions = pending;
    pending = new Map();
    apply(positions);
  };

  return {
    add(id, position) {
      pending.set(id, position);
      task ??= scheduler.request(flush);
    },
    flush,
  };
}
