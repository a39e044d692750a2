import type { Diagram } from '../model/types.ts';
import { applyPlacements, type LayoutOptions } from './elk-graph.ts';
import type { LayoutRequest, LayoutResponse, LayoutStage } from './protocol.ts';

// The page's side of auto layout. The worker is spawned on the first layout, so a
// session that never lays out never loads ELK. One layout runs at a time: starting
// another, or cancelling, terminates the worker (ELK cannot be interrupted from
// outside) and the next layout gets a fresh one.

export interface LayoutWorker {
  post(request: LayoutRequest): void;
  terminate(): void;
}

export interface LayoutWorkerHandlers {
  message(response: LayoutResponse): void;
  /** The worker could not start or crashed. */
  error(message: string): void;
}

export type SpawnLayoutWorker = (handlers: LayoutWorkerHandlers) => LayoutWorker;

export interface LayoutClient {
  /** The document laid out, as one new document (one undo step), or `'cancelled'` when
   *  a newer layout or `cancel()` replaced this one. Rejects when ELK fails. */
  layout(doc: Diagram, options: LayoutOptions, onProgress?: (stage: LayoutStage) => void): Promise<Diagram | 'cancelled'>;
  /** Stops the running layout, if any; its promise resolves with `'cancelled'`. */
  cancel(): void;
  /** Stops everything and lets the worker go. */
  dispose(): void;
}

interface Pending {
  id: number;
  doc: Diagram;
  resolve(result: Diagram | 'cancelled'): void;
  reject(error: Error): void;
  onProgress: ((stage: LayoutStage) => void) | undefined;
}

export const spawnElkWorker: SpawnLayoutWorker = (handlers) => {
  // Written out in full here: Vite finds and bundles the worker from exactly this form.
  const worker = new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module', name: 'faultline-layout' });
  worker.onmessage = (event: MessageEvent<LayoutResponse>) => handlers.message(event.data);
  worker.onmessageerror = () => handlers.error('a message from the layout worker could not be read');
  worker.onerror = (event) => {
    event.preventDefault();
    handlers.error(event.message || 'the layout worker could not start');
  };
  return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
};

export function createLayoutClient(spawn: SpawnLayoutWorker = spawnElkWorker): LayoutClient {
  let worker: LayoutWorker | undefined;
  let pending: Pending | undefined;
  let nextId = 1;

  const stopWorker = () => {
    worker?.terminate();
    worker = undefined;
  };

  const settle = (): Pending | undefined => {
    const current = pending;
    pending = undefined;
    return current;
  };

  const handlers: LayoutWorkerHandlers = {
    message(response) {
      if (!pending || response.id !== pending.id) return;
      if (response.type === 'progress') {
        pending.onProgress?.(response.stage);
      } else if (response.type === 'done') {
        const done = settle()!;
        done.resolve(applyPlacements(done.doc, response.placements));
      } else {
        settle()!.reject(new Error(response.message));
      }
    },
    error(message) {
      // A broken worker is not reused: the next layout spawns a new one.
      stopWorker();
      settle()?.reject(new Error(`Layout worker failed: ${message}`));
    },
  };

  const cancel = () => {
    const running = settle();
    if (!running) return;
    stopWorker();
    running.resolve('cancelled');
  };

  return {
    layout(doc, options, onProgress) {
      cancel();
      return new Promise<Diagram | 'cancelled'>((resolve, reject) => {
        const id = nextId++;
        pending = { id, doc, resolve, reject, onProgress };
        try {
          worker ??= spawn(handlers);
          worker.post({ type: 'layout', id, doc, options: { direction: options.direction } });
        } catch (error) {
          stopWorker();
          settle();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    cancel,
    dispose() {
      cancel();
      stopWorker();
    },
  };
}
