import type { Point } from '../model/types.ts';

// Pointer moves can arrive several times per frame. Each one would re-render the
// canvas and re-index React Flow's nodes, only for the browser to paint the last.
// Drag positions are gathered here and applied once per animation frame.

export interface FrameBatch {
  add(id: string, position: Point): void;
  /** Applies what is gathered now and cancels the frame it had asked for: before
   *  the drag ends, or when the canvas goes away. */
  flush(): void;
}

export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export function createFrameBatch(apply: (positions: ReadonlyMap<string, Point>) => void, scheduler: FrameScheduler = animationFrames): FrameBatch {
  let pending = new Map<string, Point>();
  let frame: number | undefined;

  const flush = () => {
    if (frame !== undefined) scheduler.cancel(frame);
    frame = undefined;
    if (pending.size === 0) return;
    const positions = pending;
    pending = new Map();
    apply(positions);
  };

  return {
    add(id, position) {
      pending.set(id, position);
      frame ??= scheduler.request(flush);
    },
    flush,
  };
}
