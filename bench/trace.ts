// Where the time goes: a Chrome trace of one gesture in the app, summed by event.
//   node --import tsx bench/trace.ts [components] [drag|pan|open|nudge|moveall] [app|bare]   (default 1000 drag app)
// `bare` traces the same graph in the bare React Flow baseline (drag and pan only).
// Writes the raw trace to bench/out/trace.json for chrome://tracing or Perfetto.
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startStaticServer } from '../e2e/server.ts';
import { parseTrace, threadNames } from './trace-events.ts';
import { CHROMIUM, dragFrom, flatten, generateCanvasDocument, KEEP_NAMES_SHIM, nodeNearCentre, openFromStorage, reopen } from './browser.ts';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** JavaScript self time by function, from a sampled CPU profile. */
function printSelfTime(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples?.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  console.log('JavaScript self time (sampled):');
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${key}`);
  // Inclusive time: each sample counts once for every function on its stack.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const total = new Map<string, number>();
  profile.samples?.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (!frame.functionName) continue;
      const key = `${frame.functionName} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
      seen.add(key);
    }
  });
  console.log('JavaScript total time by named function (sampled):');
  for (const [key, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40))) console.log(`${ms.toFixed(1).padStart(9)} ms  ${key}`);
}


const size = Number(process.argv[2] ?? 1_000);
const gesture = process.argv[3] ?? 'drag';
const bare = process.argv[4] === 'bare';
const app = await startStaticServer(bare ? 'bench/out/baseline' : (process.env.BENCH_DIST ?? 'dist'));
const browser = await chromium.launch(CHROMIUM);
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(KEEP_NAMES_SHIM);
  const page = await context.newPage();
  const doc = generateCanvasDocument(size);
  if (bare) {
    await context.addInitScript((graph) => ((window as unknown as { __benchGraph: unknown }).__benchGraph = graph), flatten(doc));
    await page.goto(`${app.url}/`);
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0);
  } else {
    await openFromStorage(page, app.url, doc);
    if (gesture === 'open') await page.goto('about:blank');
  }
  await page.waitForTimeout(1000);
  if (gesture === 'moveall') await page.keyboard.press('Control+a');
  const node = gesture !== 'pan' && gesture !== 'open' ? await nodeNearCentre(page, bare ? '.react-flow__node' : '.react-flow__node-component') : { x: 700, y: 860 };
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'] });
  if (gesture === 'open') {
    await reopen(page, app.url, doc.title);
  } else if (gesture === 'drag') await dragFrom(page, node.x, node.y, 300, 120);
  else if (gesture === 'moveall') await dragFrom(page, node.x, node.y, 120, 60);
  else if (gesture === 'nudge') {
    // One small edit and what follows it: the review, the autosave, the re-render.
    await page.mouse.click(node.x, node.y);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(1500);
  }
  else await dragFrom(page, node.x, node.y, -200, -80);
  const buffer = await browser.stopTracing();
  const { profile } = await cdp.send('Profiler.stop');
  printSelfTime(profile);
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/trace.json', buffer);

  const events = parseTrace(buffer);
  const threads = threadNames(events);
  const totals = new Map<string, { ms: number; count: number }>();
  for (const event of events) {
    if (event.ph !== 'X' || !event.dur) continue;
    const key = `${threads.get(`${event.pid}:${event.tid}`) ?? '?'}  ${event.name}`;
    const total = totals.get(key) ?? { ms: 0, count: 0 };
    total.ms += event.dur / 1000;
    total.count += 1;
    totals.set(key, total);
  }
  // The long tasks on the page's main thread, each with the biggest events inside it.
  const main = events.filter((event) => event.ph === 'X' && event.dur && threads.get(`${event.pid}:${event.tid}`) === 'CrRendererMain');
  const long = main.filter((event) => event.name === 'ThreadControllerImpl::RunTask' && event.dur! > 16_000);
  console.log(`${long.length} main-thread tasks over 16 ms:`);
  for (const task of long.slice(0, Number(process.env.LONG ?? 12))) {
    const inside = main
      .filter((event) => event !== task && event.name !== 'ThreadControllerImpl::RunTask' && event.name !== 'RunTask' && event.ts >= task.ts && event.ts + event.dur! <= task.ts + task.dur!)
      .sort((a, b) => b.dur! - a.dur!)
      .slice(0, 5)
      .map((event) => `${event.name} ${(event.dur! / 1000).toFixed(1)}`);
    console.log(`  ${(task.dur! / 1000).toFixed(1).padStart(6)} ms: ${inside.join(', ')}`);
  }
  console.log(`${size} components, ${gesture}: time by thread and event (nested events overlap)`);
  for (const [key, total] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) {
    console.log(`${total.ms.toFixed(1).padStart(9)} ms  ${String(total.count).padStart(5)}×  ${key}`);
  }
} finally {
  await browser.close();
  await app.stop();
}
