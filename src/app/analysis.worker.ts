import { answer, type AnalysisRequest, type AnalysisResponse } from './analysisProtocol.ts';

// Runs the design review off the main thread. The client keeps at most one request
// here at a time, so each message is answered in turn with nothing to cancel.

interface WorkerScope {
  postMessage(message: AnalysisResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<AnalysisRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  scope.postMessage(answer(event.data, () => performance.now()));
});
