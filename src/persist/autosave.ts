// When to save, independent of React and the store. Changes are debounced (a burst
// of edits makes one save) but no change waits longer than `maxWaitMs`, so a
// continuous stream of edits (a long drag) still saves twice a second. Saves never
// overlap: a change made during a save is saved right after it.
//
//   const autosave = createAutosave({ save, delayMs: 500 });
//   autosave.schedule();        // after every change
//   await autosave.flush();     // before switching documents, on page hide
//   autosave.pending();         // true while a change is not yet stored
//   autosave.dispose();         // stops timers; a save already running finishes
//
//   const unbind = bindLifecycleFlush(autosave, window);  // flush on pagehide / hidden
//
// `save` should report its own failures (the storage API returns them as values);
// if it throws anyway, `onError` hears it and the change counts as handled.

export interface AutosaveOptions {
  save: () => Promise<void>;
  /** Quiet time after the last change before saving. Default 500 ms. */
  delayMs?: number;
  /** The longest a change waits for its save, however busy the editing. Default 500 ms. */
  maxWaitMs?: number;
  onError?: (error: unknown) => void;
}

export interface Autosave {
  /** A change was made: save it soon. */
  schedule(): void;
  /** Saves pending changes now; resolves once they (and any save running) are done. */
  flush(): Promise<void>;
  /** Whether some change is not stored yet (waiting or being saved). */
  pending(): boolean;
  dispose(): void;
}

export function createAutosave({ save, delayMs = 500, maxWaitMs = 500, onError = () => {} }: AutosaveOptions): Autosave {
  let dirty = false;
  let firstChangeAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let disposed = false;

  const cancelTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const arm = () => {
    cancelTimer();
    if (disposed || running || !dirty) return;
    const waited = Date.now() - (firstChangeAt ?? Date.now());
    const wait = Math.max(0, Math.min(delayMs, maxWaitMs - waited));
    if (wait === 0) {
      void run();
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, wait);
  };

  const run = async (): Promise<void> => {
    while (running) await running;
    if (!dirty) return;
    cancelTimer();
    dirty = false;
    firstChangeAt = null;
    // async wrapper: a save that throws synchronously is caught like one that rejects.
    running = (async () => save())().catch(onError);
    try {
      await running;
    } finally {
      running = null;
    }
    arm(); // changes made while saving
  };

  return {
    schedule() {
      if (disposed) return;
      dirty = true;
      firstChangeAt ??= Date.now();
      arm();
    },
    flush: run,
    pending: () => dirty || running !== null,
    dispose() {
      disposed = true;
      cancelTimer();
    },
  };
}

export interface LifecycleTarget {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

const documentHidden = () => (globalThis as { document?: { visibilityState?: string } }).document?.visibilityState === 'hidden';

/** Flushes when the page is being hidden or unloaded: `pagehide`, and
 *  `visibilitychange` to hidden (the last event a mobile browser reliably delivers).
 *  Pass `window`; `visibilitychange` bubbles to it from the document. Returns unbind. */
export function bindLifecycleFlush(autosave: Pick<Autosave, 'flush'>, target: LifecycleTarget, isHidden: () => boolean = documentHidden): () => void {
  const onPageHide = () => void autosave.flush();
  const onVisibility = () => {
    if (isHidden()) void autosave.flush();
  };
  target.addEventListener('pagehide', onPageHide);
  target.addEventListener('visibilitychange', onVisibility);
  return () => {
    target.removeEventListener('pagehide', onPageHide);
    target.removeEventListener('visibilitychange', onVisibility);
  };
}
