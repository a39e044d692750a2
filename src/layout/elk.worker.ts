import type { ELK } from 'elkjs/lib/elk-api';
import { placementsOf, toElkGraph } from './elk-graph.ts';
import type { LayoutRequest, LayoutResponse } from './protocol.ts';

// Runs ELK off the main thread. The engine (1.6 MB) is imported on the first request,
// so neither the main bundle nor the start of this worker pays for it. ELK's bundled
// build lays out synchronously inside this worker; the client stops a long run by
// terminating the worker, and the latest request is the only one answered.

interface WorkerScope {
  postMessage(message: LayoutResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LayoutRequest>) => void): void;
  onmessage: unknown;
}

const scope = self as unknown as WorkerScope;
/** ELK's messages can quote the whole graph; the person needs the first line. */
const MESSAGE_LIMIT = 300;

let engine: Promise<ELK> | undefined;
let latest = -1;

function loadEngine(): Promise<ELK> {
  engine ??= import('elkjs/lib/elk.bundled.js').then(({ default: ElkConstructor }) => {
    // Finding itself in a worker, the bundled build claims `onmessage` to act as ELK's
    // own worker. This worker listens through addEventListener; give `onmessage` back.
    scope.onmessage = null;
    return new ElkConstructor();
  });
  return engine;
}

function post(message: LayoutResponse): void {
  if (message.id === latest) scope.postMessage(message);
}

async function handle(request: LayoutRequest): Promise<void> {
  latest = request.id;
  try {
    post({ type: 'progress', id: request.id, stage: 'loading' });
    const elk = await loadEngine();
    if (request.id !== latest) return;
    post({ type: 'progress', id: request.id, stage: 'layout' });
    const result = await elk.layout(toElkGraph(request.doc, request.options));
    post({ type: 'done', id: request.id, placements: placementsOf(result) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'failed', id: request.id, message: message.slice(0, MESSAGE_LIMIT) });
  }
}

scope.addEventListener('message', (event) => {
  if (event.data?.type === 'layout') void handle(event.data);
});
