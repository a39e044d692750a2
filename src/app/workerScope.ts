import type { Diagram } from '../model/types.ts';
import { answer, type AnalysisRequest, type AnalysisResponse } from './analysisProtocol.ts';

// A worker's side of a review lane. The client keeps at most one request in a worker
// at a time, so each message is answered in turn with nothing to cancel.

interface WorkerScope<View> {
  postMessage(message: AnalysisResponse<View>): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<AnalysisRequest>) => void): void;
}

export function serve<View>(work: (doc: Diagram, failed: readonly string[]) => View): void {
  const scope = self as unknown as WorkerScope<View>;
  scope.addEventListener('message', (event) => scope.postMessage(answer(event.data, () => performance.now(), work)));
}
