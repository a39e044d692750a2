// Reading Chrome traces: which thread each event ran on, and how busy the page's
// main thread was while one of the app's own `performance.measure` spans was open.

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export function parseTrace(buffer: Buffer): TraceEvent[] {
  return (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
}

/** "pid:tid" → thread name. */
export function threadNames(events: readonly TraceEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const event of events) if (event.ph === 'M' && event.name === 'thread_name') names.set(`${event.pid}:${event.tid}`, event.args?.name ?? '?');
  return names;
}

/** The main-thread tasks, in ms, that ran while the last span named `measure` was
 *  open: their total and the longest. Tasks are the `toplevel` category's events. */
export function mainThreadDuring(events: readonly TraceEvent[], measure: string): { totalMs: number; longestMs: number; tasks: number } | null {
  const spans = events.filter((event) => event.name === measure && (event.ph === 'b' || event.ph === 'e'));
  const begin = spans.findLast((event) => event.ph === 'b');
  const end = spans.findLast((event) => event.ph === 'e');
  if (!begin || !end) return null;
  const names = threadNames(events);
  const main = events.filter((event) => event.ph === 'X' && event.name === 'ThreadControllerImpl::RunTask' && names.get(`${event.pid}:${event.tid}`) === 'CrRendererMain' && event.pid === begin.pid);
  let totalMs = 0;
  let longestMs = 0;
  let tasks = 0;
  for (const task of main) {
    const from = Math.max(task.ts, begin.ts);
    const to = Math.min(task.ts + (task.dur ?? 0), end.ts);
    if (to <= from) continue;
    totalMs += (to - from) / 1000;
    longestMs = Math.max(longestMs, (to - from) / 1000);
    tasks += 1;
  }
  return { totalMs, longestMs, tasks };
}

/** The longest main-thread task that contains an event named `inner`, in ms. */
export function longestTaskWith(events: readonly TraceEvent[], inner: string): number | null {
  const names = threadNames(events);
  const onMain = (event: TraceEvent) => event.ph === 'X' && names.get(`${event.pid}:${event.tid}`) === 'CrRendererMain';
  const tasks = events.filter((event) => onMain(event) && event.name === 'ThreadControllerImpl::RunTask');
  const marks = events.filter((event) => onMain(event) && event.name === inner);
  let longest: number | null = null;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    if (marks.some((mark) => mark.pid === task.pid && mark.tid === task.tid && mark.ts >= task.ts && mark.ts < end)) longest = Math.max(longest ?? 0, (task.dur ?? 0) / 1000);
  }
  return longest;
}
