// The app in Chromium against the production build, beside bare React Flow on the
// same graphs. Run through `npm run bench` (bench/run.ts) or on its own:
//   node --import tsx bench/browser.ts
// Figures drift on shared machines; the ratio to the baseline is what we track.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { encodeShareLink } from '../src/io/share.ts';
import { startStaticServer } from '../e2e/server.ts';
import { seededRandom } from './random.ts';
import { longestTaskWith, mainThreadDuring, parseTrace } from './trace-events.ts';
import { COMPONENT_KINDS } from '../src/model/catalogue.ts';
import { CURRENT_VERSION, type Diagram, type DiagramEdge, type DiagramNode } from '../src/model/types.ts';

const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : [500, 1_000, 2_000, 5_000];
const MOVES = 60;

/** A valid document: components on a grid, about 1.5 edges each, every tenth in a zone. */
export function generateCanvasDocument(components: number, seed = 7): Diagram {
  const random = seededRandom(seed);
  const columns = Math.ceil(Math.sqrt(components));
  const nodes: DiagramNode[] = [];
  const zones: DiagramNode[] = [];
  for (let i = 0; i < components; i++) {
    const kind = i % 97 === 0 ? 'client' : COMPONENT_KINDS[1 + (i % (COMPONENT_KINDS.length - 1))]!;
    const x = (i % columns) * 240;
    const y = Math.floor(i / columns) * 120;
    const node: DiagramNode = { id: `n${i}`, kind, label: `${kind} ${i}`, position: { x, y }, props: { replicas: 1 + (i % 3) } };
    // Every tenth component sits in a zone of its own, drawn around it.
    if (i % 10 === 5) {
      const zone: DiagramNode = { id: `z${i}`, kind: 'zone', label: `zone ${i}`, position: { x: x - 20, y: y - 30 }, size: { width: 220, height: 110 }, props: {} };
      zones.push(zone);
      node.parentId = zone.id;
      node.position = { x: 20, y: 30 };
    }
    nodes.push(node);
  }
  const edges: DiagramEdge[] = [];
  const edgeCount = Math.round(components * 1.5);
  for (let e = 0; e < edgeCount; e++) {
    const source = Math.floor(random() * components);
    const target = Math.min(components - 1, source + 1 + Math.floor(random() * columns * 2));
    if (target === source) continue;
    edges.push({ id: `e${e}`, source: `n${source}`, target: `n${target}`, props: {} });
  }
  return { format: 'faultline', version: CURRENT_VERSION, title: `Bench ${components}`, nodes: [...zones, ...nodes], edges };
}

export function flatten(doc: Diagram) {
  const byId = new Map(doc.nodes.map((node) => [node.id, node]));
  return {
    nodes: doc.nodes
      .filter((node) => node.kind !== 'zone' && node.kind !== 'region')
      .map((node) => {
        const parent = node.parentId ? byId.get(node.parentId) : undefined;
        return { id: node.id, label: node.label, x: node.position.x + (parent?.position.x ?? 0), y: node.position.y + (parent?.position.y ?? 0) };
      }),
    edges: doc.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target })),
  };
}

interface Frames {
  median: number;
  p95: number;
  over50: number;
  /** Where the slow frames fell: 1 is the first frame after the press. */
  slowAt: number[];
  count: number;
}

async function recordFrames(page: Page, gesture: () => Promise<void>): Promise<Frames> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean; __pressedAt: number };
    w.__frames = [];
    w.__recording = true;
    w.__pressedAt = 0;
    // Slow frames are counted from the press: the first frame of a drag selects.
    addEventListener('pointerdown', () => (w.__pressedAt ||= w.__frames.length), { once: true, capture: true });
    let last = performance.now();
    const loop = (time: number) => {
      w.__frames.push(time - last);
      last = time;
      if (w.__recording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await gesture();
  const { frames, pressedAt } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean; __pressedAt: number };
    w.__recording = false;
    return { frames: w.__frames.slice(1), pressedAt: Math.max(0, w.__pressedAt - 1) };
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const slowAt = frames.flatMap((ms, i) => (ms > 50 ? [i + 1 - pressedAt] : []));
  return { median: at(0.5), p95: at(0.95), over50: slowAt.length, slowAt, count: frames.length };
}

export async function dragFrom(page: Page, x: number, y: number, dx: number, dy: number): Promise<void> {
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= MOVES; step++) await page.mouse.move(x + (dx * step) / MOVES, y + (dy * step) / MOVES);
  await page.mouse.up();
}

/** The on-screen centre of a component node near the middle of the view. */
export async function nodeNearCentre(page: Page, selector: string): Promise<{ x: number; y: number }> {
  return page.evaluate((sel) => {
    const cx = innerWidth / 2;
    const cy = innerHeight / 2;
    let best = { x: cx, y: cy, d: Infinity };
    for (const element of document.querySelectorAll(sel)) {
      const rect = element.getBoundingClientRect();
      const x = rect.x + rect.width / 2;
      const y = rect.y + rect.height / 2;
      const d = Math.hypot(x - cx, y - cy);
      if (d < best.d && rect.width > 4) best = { x, y, d };
    }
    return { x: best.x, y: best.y };
  }, selector);
}

/** Opens the app and waits for the diagram it last had open, loaded from IndexedDB.
 *  Returns the page's clock when it was on screen and saving: navigation to ready. */
export async function reopen(page: Page, url: string, title: string): Promise<number> {
  await page.goto(`${url}/`);
  await page
    .waitForFunction(() => document.querySelector('.saving-on') !== null && document.querySelectorAll('.react-flow__node').length > 0, null, { timeout: 120_000 })
    .catch(async (error: unknown) => {
      const status = await page.locator('.saving-status').textContent();
      throw new Error(`The ${title} diagram did not open from IndexedDB (status: ${status}): ${String(error)}`);
    });
  return page.evaluate(() => performance.now());
}

/** Imports `doc` through a share link, lets autosave store it, then reloads so that
 *  the diagram opens cold from IndexedDB. */
export async function openFromStorage(page: Page, url: string, doc: Diagram): Promise<void> {
  await page.goto(`${url}/#${await encodeShareLink(doc)}`);
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0 && document.title !== '', null, { timeout: 120_000 });
  await page.waitForTimeout(1500);
  await reopen(page, url, doc.title);
}

/** One small edit, traced: nudge the selected component one step and wait for the
 *  save. Gives the page's tasks while the save was open (total and longest), and the
 *  longest task that took a review back from the worker, re-render included. */
async function traceNudge(page: Page): Promise<{ autosave: { totalMs: number; longestMs: number } | null; reviewTaskMs: number | null }> {
  const saves = () => page.evaluate(() => performance.getEntriesByName('faultline:autosave').length);
  const before = await saves();
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing'] });
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((count) => performance.getEntriesByName('faultline:autosave').length > count, before, { timeout: 30_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
  const events = parseTrace(await browser.stopTracing());
  return {
    autosave: (await saves()) > before ? mainThreadDuring(events, 'faultline:autosave') : null,
    reviewTaskMs: longestTaskWith(events, 'HandlePostMessage'),
  };
}

/** Pans with the mouse from an empty spot near the bottom, then zooms with the wheel. */
async function panAndZoom(page: Page): Promise<void> {
  await dragFrom(page, 700, 860, -200, -80);
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, i % 2 ? 120 : -120);
}

async function heapMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  // Heap in use, not garbage waiting for a collection.
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
}

/** tsx compiles this file with esbuild's keepNames, which wraps functions passed to
 *  page.evaluate in a `__name` helper that only exists in Node. */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

export const KEEP_NAMES_SHIM = 'window.__name = (fn) => fn;';

const fmt = (ms: number) => ms.toFixed(1);
const frameText = (frames: Frames) =>
  `${fmt(frames.median)} / ${fmt(frames.p95)} / ${frames.over50}${frames.over50 > 0 && frames.over50 <= 2 ? ` (frame ${frames.slowAt.join(', ')} after the press)` : ''}`;

async function main(): Promise<void> {
  if (!existsSync('dist/index.html')) spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  spawnSync('npx', ['vite', 'build', '--config', 'bench/baseline/vite.config.ts', '--logLevel', 'error'], { stdio: 'inherit' });
  const app = await startStaticServer('dist');
  const baseline = await startStaticServer('bench/out/baseline');
  const browser = await chromium.launch(CHROMIUM);
  const rows: string[][] = [];
  try {
    for (const size of SIZES) {
      const doc = generateCanvasDocument(size);
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addInitScript(KEEP_NAMES_SHIM);
      await context.addInitScript(() => {
        (window as unknown as { __faultlineRenders: number }).__faultlineRenders = 0;
      });
      const page = await context.newPage();
      await openFromStorage(page, app.url, doc);
      // Opening drifts most from run to run: the median of three cold opens.
      const opens = [await reopen(page, app.url, doc.title), await reopen(page, app.url, doc.title), await reopen(page, app.url, doc.title)];
      const openMs = opens.sort((a, b) => a - b)[1]!;
      // The heap with the diagram open and reviewed: wait for the first review to land.
      await page.waitForFunction(() => performance.getEntriesByName('faultline:analysis').length > 0, null, { timeout: 60_000 });
      await page.waitForTimeout(500);
      const heap = await heapMb(page);
      await page.waitForTimeout(500);

      const node = await nodeNearCentre(page, '.react-flow__node-component');
      await page.evaluate(() => ((window as unknown as { __faultlineRenders: number }).__faultlineRenders = 0));
      const drag = await recordFrames(page, () => dragFrom(page, node.x, node.y, 300, 120));
      const renders = await page.evaluate(() => (window as unknown as { __faultlineRenders: number }).__faultlineRenders);
      await page.waitForTimeout(400);
      const analysis = await page.evaluate(() => {
        // The review's main-thread tasks (posting the document, reading the result,
        // applying it) are apart, with the worker's time between them: the longest counts.
        const entries = performance.getEntriesByName('faultline:analysis').slice(-3) as PerformanceMeasure[];
        const task = (entry: PerformanceMeasure) => {
          const detail = entry.detail as { postMs?: number; resultMs?: number; applyMs?: number } | null;
          if (detail?.postMs === undefined) return entry.duration;
          const applyMs = detail.applyMs ?? 0;
          return Math.max(detail.postMs, (detail.resultMs ?? 0) - applyMs, applyMs);
        };
        const worker = performance.getEntriesByName('faultline:analysis-worker').slice(-3) as PerformanceMark[];
        return {
          mainMs: entries.length ? Math.max(...entries.map(task)) : NaN,
          workerMs: worker.length ? Math.max(...worker.map((mark) => (mark.detail as { ms: number }).ms)) : NaN,
        };
      });
      // Three small edits: a save's window can catch an unrelated task (a collection,
      // a timer), so the median total is reported, and the longest task of any.
      const nudges = [await traceNudge(page), await traceNudge(page), await traceNudge(page)];
      const saves = nudges.flatMap((nudge) => (nudge.autosave ? [nudge.autosave] : []));
      const autosave = saves.length
        ? { totalMs: saves.map((save) => save.totalMs).sort((a, b) => a - b)[Math.floor(saves.length / 2)]!, longestMs: Math.max(...saves.map((save) => save.longestMs)) }
        : null;
      const reviewTasks = nudges.flatMap((nudge) => (nudge.reviewTaskMs === null ? [] : [nudge.reviewTaskMs]));
      const reviewTaskMs = reviewTasks.length ? Math.max(...reviewTasks) : null;
      const pan = await recordFrames(page, () => panAndZoom(page));
      await page.keyboard.press('Control+a');
      const selected = await nodeNearCentre(page, '.react-flow__node-component');
      const moveAll = size <= 2_000 ? await recordFrames(page, () => dragFrom(page, selected.x, selected.y, 120, 60)) : null;
      await context.close();

      const bareRun = async (selectAll: boolean) => {
        const bareContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        await bareContext.addInitScript(KEEP_NAMES_SHIM);
        await bareContext.addInitScript(
          ({ graph, all }) => Object.assign(window, { __benchGraph: graph, __benchSelectAll: all }),
          { graph: flatten(doc), all: selectAll },
        );
        const bare = await bareContext.newPage();
        await bare.goto(`${baseline.url}/`);
        await bare.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0);
        await bare.waitForTimeout(500);
        const heap = await heapMb(bare);
        const at = await nodeNearCentre(bare, '.react-flow__node');
        const frames = await recordFrames(bare, () => (selectAll ? dragFrom(bare, at.x, at.y, 120, 60) : dragFrom(bare, at.x, at.y, 300, 120)));
        const pan = selectAll ? null : await recordFrames(bare, () => panAndZoom(bare));
        await bareContext.close();
        return { heap, frames, pan };
      };
      const { heap: bareHeap, frames: bareDrag, pan: barePan } = await bareRun(false);
      const bareMoveAll = moveAll ? (await bareRun(true)).frames : null;

      rows.push([
        String(size),
        `${openMs.toFixed(0)} ms`,
        frameText(drag),
        frameText(bareDrag),
        (drag.p95 / Math.max(bareDrag.p95, 0.001)).toFixed(2),
        (renders / MOVES).toFixed(1),
        `${frameText(pan)}${barePan ? ` (bare ${frameText(barePan)})` : ''}`,
        moveAll && bareMoveAll ? `${frameText(moveAll)} (bare ${frameText(bareMoveAll)})` : 'skipped',
        `${fmt(analysis.mainMs)} ms / ${reviewTaskMs === null ? 'none' : `${fmt(reviewTaskMs)} ms`} (worker ${fmt(analysis.workerMs)})`,
        autosave ? `${fmt(autosave.totalMs)} ms (longest ${fmt(autosave.longestMs)})` : 'no save seen',
        `${heap.toFixed(0)} MB`,
        `${bareHeap.toFixed(0)} MB`,
      ]);
    }
  } finally {
    await browser.close();
    await app.stop();
    await baseline.stop();
  }
  const header = ['components', 'open', 'drag ms (median / p95 / >50)', 'bare React Flow drag', 'p95 ratio', 'renders/move', 'pan+zoom', 'select all + move', 'analysis: main thread (measured / traced task)', 'autosave: main thread (median of 3, longest task)', 'JS heap', 'bare heap'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
