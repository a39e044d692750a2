import type { Diagram } from '../model/types.ts';
import type { AnalysisView, LiveFigures } from '../store/analysisView.ts';
import type { AnalysisRequest, AnalysisResponse } from './analysisProtocol.ts';

// The page's side of the design review. The worker is spawned on the first request and
// kept: unlike ELK, a review is short, so a newer document waits for the running one
// instead of killing the worker. At most one request is in flight; documents that
// arrive meanwhile replace each other, and only the newest is sent when the answer
// comes back, so results are applied in the order their documents were made.
//
// Whenever the worker cannot help (no `Worker` in Node, a crash, a failed review), the
// document is reviewed here on the main thread instead, so the review never stalls.

// The same client serves two lanes, each with its own worker: the whole review, and
// the load figures alone (LiveFigures), which take milliseconds where the review can
// take a few hundred, so a changed rate shows at once whatever the rules cost.

export interface AnalysisWorker {
  post(request: AnalysisRequest): void;
  terminate(): void;
}

export interface AnalysisWorkerHandlers<View = AnalysisView> {
  /** Given the event rather than its data: Chromium deserialises the view when `data`
   *  is first read, and that is main-thread time the client has to count. */
  message(event: { readonly data: AnalysisResponse<View> }): void;
  /** The worker could not start, crashed, or sent something unreadable. */
  error(message: string): void;
}

export type SpawnAnalysisWorker<View = AnalysisView> = (handlers: AnalysisWorkerHandlers<View>) => AnalysisWorker;

/** Reviews a document on this thread: at once, or once the review code has loaded. */
export type PageReviewer<View = AnalysisView> = (doc: Diagram, failed: readonly string[]) => View | Promise<View>;

/** The page's own reviewer loads the rules only when the worker cannot help, so they
 *  stay out of the first load. */
export const reviewOnPage: PageReviewer = (doc, failed) => import('./analysisProtocol.ts').then((module) => module.reviewOf(doc, failed));

let figuresCode: typeof import('./figuresProtocol.ts') | undefined;

/** Loads the code that works the load figures out on this thread. */
const loadFiguresCode = (): Promise<typeof import('./figuresProtocol.ts')> =>
  figuresCode ? Promise.resolve(figuresCode) : import('./figuresProtocol.ts').then((module) => (figuresCode = module));

/** The load figures worked out on this thread: at once when their code has loaded, and
 *  once it has on the first call. */
export const figuresOnPage: PageReviewer<LiveFigures> = (doc) => (figuresCode ? figuresCode.figuresOf(doc) : loadFiguresCode().then((code) => code.figuresOf(doc)));

/** The figures are worked out on the page, in the task of the edit, while they take at
 *  most half a frame: they then reach the screen in the frame that shows the keystroke,
 *  where the worker's answer comes a task later and a frame later. Past this (thousands
 *  of components) they go to the worker, so that typing never waits on them. */
export const FIGURES_ON_PAGE_MS = 8;

export interface ReviewTiming {
  ranOn: 'worker' | 'main-thread';
  /** When this thread started on the result (on the main thread: on the review). */
  startedAt: number;
  /** Posting the document to the worker, which clones it; 0 when the review ran here. */
  postMs: number;
  /** Reading the worker's answer and applying it; or the whole review when it ran here.
   *  `postMs` falls in a task of its own, with the worker's time after it; so, when the
   *  page defers applying, does `applyMs`. */
  resultMs: number;
  /** Of `resultMs`, applying the review to the page. */
  applyMs: number;
  /** The worker's own time on the review; undefined when it ran here. */
  workerMs: number | undefined;
}

export interface AnalysisClientOptions<View = AnalysisView> {
  /** Receives each review, oldest document first, with the document it is of. */
  apply(view: View, doc: Diagram): void;
  report?(timing: ReviewTiming): void;
  spawn?: SpawnAnalysisWorker<View>;
  /** Reviews on this thread when no worker can; loaded on demand by default. */
  review?: PageReviewer<View>;
  /** How a worker's review is applied once read: at once by default. The page runs it
   *  as a task of its own, so that reading a large review and re-rendering with it
   *  are two shorter tasks instead of one long one. A review deferred here is dropped
   *  if a newer one has been applied meanwhile. */
  defer?(task: () => void): void;
  /** Review on this thread, in the task that asks, while recent reviews (here or in
   *  the worker; the lower median of the last three) took at most this many
   *  milliseconds; in the worker otherwise, and always while nothing has been timed
   *  yet. Unset: the worker whenever it can. */
  onPageUnderMs?: number;
  /** Called once, when a review in the worker first says the next one will be done on
   *  this thread, so that its code is loaded by then and the next review is at once. */
  preparePage?(): void;
}

export interface AnalysisClient {
  /** Reviews `doc` with the units in `failed` taken as down for its figures, or queues
   *  it behind the running review in place of any older one. */
  request(doc: Diagram, failed?: readonly string[]): void;
  /** Drops queued work, ignores late answers and lets the worker go. */
  dispose(): void;
}

/** What one review is of: the document, and the units the failure view takes as down. */
interface ReviewInput {
  doc: Diagram;
  failed: readonly string[];
}

interface InFlight extends ReviewInput {
  id: number;
  postMs: number;
}

/** After this many crashes the review stays on the main thread: a worker whose script
 *  will not load would otherwise be fetched again after every edit. */
export const MAX_WORKER_CRASHES = 3;

/** How many recent timings decide where the next review is done (onPageUnderMs). */
const TIMINGS_KEPT = 3;

/** Wires a started worker to the client's handlers; `what` names it in messages. */
function connect<View>(worker: Worker, handlers: AnalysisWorkerHandlers<View>, what: string): AnalysisWorker {
  worker.onmessage = (event: MessageEvent<AnalysisResponse<View>>) => handlers.message(event);
  worker.onmessageerror = () => handlers.error(`an answer from the ${what} could not be read`);
  worker.onerror = (event) => {
    event.preventDefault();
    handlers.error(event.message || `the ${what} could not start`);
  };
  return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
}

// Each written out in full: Vite finds and bundles a worker from exactly this form.
export const spawnAnalysisWorker: SpawnAnalysisWorker = (handlers) =>
  connect(new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'faultline-analysis' }), handlers, 'analysis worker');

export const spawnFiguresWorker: SpawnAnalysisWorker<LiveFigures> = (handlers) =>
  connect(new Worker(new URL('./figures.worker.ts', import.meta.url), { type: 'module', name: 'faultline-figures' }), handlers, 'figures worker');

/** The whole review's lane. */
export function createAnalysisClient(options: AnalysisClientOptions): AnalysisClient {
  return createReviewClient({ ...options, spawn: options.spawn ?? spawnAnalysisWorker, review: options.review ?? reviewOnPage });
}

/** The load figures' lane. */
export function createFiguresClient(options: AnalysisClientOptions<LiveFigures>): AnalysisClient {
  return createReviewClient({
    onPageUnderMs: FIGURES_ON_PAGE_MS,
    preparePage: () => void loadFiguresCode(),
    ...options,
    spawn: options.spawn ?? spawnFiguresWorker,
    review: options.review ?? figuresOnPage,
  });
}

function createReviewClient<View>({
  apply,
  report,
  spawn,
  review,
  defer = (task) => task(),
  onPageUnderMs,
  preparePage,
}: AnalysisClientOptions<View> & Required<Pick<AnalysisClientOptions<View>, 'spawn' | 'review'>>): AnalysisClient {
  let worker: AnalysisWorker | undefined;
  let inFlight: InFlight | undefined;
  let waiting: ReviewInput | undefined;
  let crashes = 0;
  let cannotSpawn = false;
  let disposed = false;
  let nextId = 1;
  /** The newest request whose review was applied; main-thread reviews count too. */
  let appliedId = 0;
  /** How long the last few timed reviews took, on this thread or in the worker. */
  const recentMs: number[] = [];
  const timed = (ms: number) => {
    recentMs.push(ms);
    if (recentMs.length > TIMINGS_KEPT) recentMs.shift();
  };
  /** Whether the next review is quick enough to do here, judged by the lower median of
   *  the recent timings, so that one slow run (a garbage collection, a fresh worker's
   *  code not yet optimised) or one quick one does not decide on its own. */
  const quickHere = () => {
    if (onPageUnderMs === undefined || recentMs.length === 0) return false;
    const sorted = [...recentMs].sort((a, b) => a - b);
    return sorted[(sorted.length - 1) >> 1]! <= onPageUnderMs;
  };
  let pagePrepared = false;

  const takeWaiting = (): ReviewInput | undefined => {
    const next = waiting;
    waiting = undefined;
    return next;
  };

  const settle = (view: View, doc: Diagram, timing: Omit<ReviewTiming, 'resultMs' | 'applyMs'>, busyMs: number) => {
    const started = performance.now();
    apply(view, doc);
    const applyMs = performance.now() - started;
    report?.({ ...timing, resultMs: busyMs + applyMs, applyMs });
  };

  const reviewHere = ({ doc, failed }: ReviewInput) => {
    const id = nextId++;
    appliedId = id;
    const started = performance.now();
    // A review that had to load its code first is dropped if a newer one was applied meanwhile.
    const finish = (view: View) => {
      if (disposed || id < appliedId) return;
      settle(view, doc, { ranOn: 'main-thread', startedAt: started, postMs: 0, workerMs: undefined }, performance.now() - started);
    };
    const result = review(doc, failed);
    if (result instanceof Promise) result.then(finish, (error: unknown) => console.warn(`The design could not be reviewed: ${String(error)}`));
    else {
      // Loading the code is not the review's own time, so only a review done at once counts.
      timed(performance.now() - started);
      finish(result);
    }
  };

  const usableWorker = (): AnalysisWorker | undefined => {
    if (worker || cannotSpawn || crashes >= MAX_WORKER_CRASHES) return worker;
    try {
      worker = spawn(handlers);
    } catch {
      // No Worker here (Node, an old browser, a strict policy); that will not change.
      cannotSpawn = true;
    }
    return worker;
  };

  const send = (input: ReviewInput) => {
    const target = usableWorker();
    if (!target) {
      reviewHere(input);
      return;
    }
    const request: InFlight = { id: nextId++, ...input, postMs: 0 };
    inFlight = request;
    const started = performance.now();
    try {
      target.post({ id: request.id, doc: input.doc, failed: input.failed });
    } catch {
      // Only a document that cannot be cloned gets here; the page can still review it.
      inFlight = undefined;
      reviewHere(input);
      return;
    }
    request.postMs = performance.now() - started;
  };

  const handlers: AnalysisWorkerHandlers<View> = {
    message(event) {
      const started = performance.now();
      const response = event.data;
      if (disposed || !inFlight || response.id !== inFlight.id) return;
      const readMs = performance.now() - started;
      const done = inFlight;
      inFlight = undefined;
      const next = takeWaiting();
      if ('error' in response) {
        console.warn(`The analysis worker could not review the design: ${response.error}`);
        // With a newer document waiting, the failed one no longer needs a review.
        if (next) send(next);
        else reviewHere(done);
        return;
      }
      // Sent first so the worker starts on the newest document while this result is applied.
      if (next) send(next);
      if (response.workerMs !== undefined) {
        timed(response.workerMs);
        if (!pagePrepared && quickHere()) {
          pagePrepared = true;
          preparePage?.();
        }
      }
      defer(() => {
        if (disposed || done.id < appliedId) return;
        appliedId = done.id;
        settle(response.view, done.doc, { ranOn: 'worker', startedAt: started, postMs: done.postMs, workerMs: response.workerMs }, readMs);
      });
    },
    error(message) {
      if (disposed) return;
      console.warn(`The analysis worker stopped: ${message}`);
      crashes += 1;
      worker?.terminate();
      worker = undefined;
      const latest = takeWaiting() ?? inFlight;
      inFlight = undefined;
      if (latest) reviewHere(latest);
    },
  };

  return {
    request(doc, failed = []) {
      if (disposed) return;
      if (quickHere()) {
        // An answer still to come from the worker is of an older document, and is dropped.
        waiting = undefined;
        reviewHere({ doc, failed });
        return;
      }
      if (inFlight) waiting = { doc, failed };
      else send({ doc, failed });
    },
    dispose() {
      disposed = true;
      inFlight = undefined;
      waiting = undefined;
      worker?.terminate();
      worker = undefined;
    },
  };
}
