// How long a change to a client's rps takes to reach the Numbers region, in Chromium
// against the production build. Run through `npm run bench` or on its own:
//   node --import tsx bench/rps-edit.ts
// The time runs from the input event to the first frame painted after the busiest
// component's figures changed: what a person sees while they adjust the rate.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { startStaticServer } from '../e2e/server.ts';
import type { Diagram } from '../src/model/types.ts';
import { CHROMIUM, generateCanvasDocument, KEEP_NAMES_SHIM, openFromStorage } from './browser.ts';

const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [500, 2_000];
const EDITS = 40;
/** Two frames at 60 Hz: the new figures painted in the frame after the keystroke, or the one after that. */
const TWO_FRAMES_MS = 33.4;

/** One client sends load, so every figure in the busiest list moves with its rate. */
function withRps(doc: Diagram, client: string): Diagram {
  return { ...doc, nodes: doc.nodes.map((node) => (node.id === client ? { ...node, props: { ...node.props, rps: 1000 } } : node)) };
}

/** "12 on the page, 3 in the worker". */
function wheres(ranOn: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const where of ranOn) counts.set(where, (counts.get(where) ?? 0) + 1);
  return [...counts].map(([where, count]) => `${count} ${where}`).join(', ');
}

/** What the canvas shows while the rate changes. Coloured by load, every loaded
 *  component's colour changes with it, and, zoomed in far enough to read them, every
 *  loaded edge's rate label too. */
interface Scenario {
  name: string;
  tint: 'findings' | 'load';
  /** Zoomed in on the client to 100%, where labels are drawn; otherwise all in view. */
  zoomedIn: boolean;
}
const SCENARIOS: readonly Scenario[] = [
  { name: 'findings, all in view', tint: 'findings', zoomedIn: false },
  { name: 'load, all in view', tint: 'load', zoomedIn: false },
  { name: 'load, zoomed in', tint: 'load', zoomedIn: true },
];

interface EditTimes {
  times: number[];
  figureTimes: number[];
  ranOn: string[];
}

async function timeEdits(page: Page, client: string, { tint, zoomedIn }: Scenario): Promise<EditTimes> {
  // The client on screen: the canvas draws only what is in view, so show it all first.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+1');
  if (tint === 'load') await page.getByRole('region', { name: 'Numbers' }).getByLabel('Colour the canvas by').selectOption('load');
  await page.waitForTimeout(500);
  const clientNode = page.locator(`.react-flow__node[data-id="${client}"]`);
  if (zoomedIn) {
    // The wheel zooms about the pointer; each turn is a step, until the zoom reaches 100%.
    for (let turn = 0; turn < 40 && (await zoomOf(page)) < 1; turn++) {
      const box = (await clientNode.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -200);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(500);
  }
  await clientNode.click();
  const field = page.getByRole('form', { name: 'Properties' }).getByLabel('Requests/s', { exact: true });
  await field.waitFor();
  const result: EditTimes = { times: [], figureTimes: [], ranOn: [] };
  for (let i = 0; i < EDITS; i++) {
    await page.getByRole('list', { name: 'Busiest components' }).waitFor();
    // Shown: the busiest list changed and, coloured by load, the edges' rate labels too.
    await page.evaluate((withLabels) => {
      const w = window as unknown as { __shown: Promise<number> };
      const busiest = () => document.querySelector('[aria-label="Busiest components"]')?.textContent;
      const labels = () => (withLabels ? [...document.querySelectorAll('.edge-label')].map((label) => label.textContent).join('|') : '');
      const before = { busiest: busiest(), labels: labels() };
      w.__shown = new Promise((resolve) => {
        let typedAt = 0;
        addEventListener('input', (event) => (typedAt = event.timeStamp), { once: true, capture: true });
        const observer = new MutationObserver(() => {
          if (!typedAt || busiest() === before.busiest || (withLabels && labels() === before.labels)) return;
          observer.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - typedAt)));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    }, tint === 'load' && zoomedIn);
    // Edits spaced as a person types, 80 to 250 ms apart, so that some land while the
    // review of the one before runs (it waits for the document to rest 120 ms).
    await page.waitForTimeout(80 + ((i * 37) % 171));
    await field.fill(String(i % 2 === 0 ? 4000 : 1000));
    result.times.push(await page.evaluate(() => (window as unknown as { __shown: Promise<number> }).__shown));
    // The figures' own time, wherever they were worked out: in the edit's task on the
    // page while that is quick, or in the figures worker.
    const figures = await page.evaluate(() => {
      const measure = performance.getEntriesByName('faultline:figures').at(-1) as PerformanceMeasure | undefined;
      const detail = measure?.detail as { ranOn: 'worker' | 'main-thread'; resultMs: number; applyMs: number } | undefined;
      if (!detail) return undefined;
      if (detail.ranOn === 'main-thread') return { ranOn: 'on the page', ms: detail.resultMs - detail.applyMs };
      const worker = (performance.getEntriesByName('faultline:figures-worker').at(-1) as PerformanceMark | undefined)?.detail as { ms: number } | undefined;
      return worker && { ranOn: 'in the worker', ms: worker.ms };
    });
    if (figures) {
      result.figureTimes.push(figures.ms);
      result.ranOn.push(figures.ranOn);
    }
  }
  return result;
}

/** The canvas's zoom, from its viewport's transform. */
const zoomOf = (page: Page) => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);

async function main(): Promise<void> {
  if (!existsSync('dist/index.html')) spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  const app = await startStaticServer('dist');
  const browser = await chromium.launch(CHROMIUM);
  console.log('components, canvas coloured by   an rps edit until the Numbers region (and, zoomed in by load, the rate labels) show it');
  try {
    for (const size of SIZES) {
      const generated = generateCanvasDocument(size);
      // A client that calls something: in the generated designs, not all of them do.
      const client = generated.nodes.find((node) => node.kind === 'client' && generated.edges.some((edge) => edge.source === node.id))!.id;
      const doc = withRps(generated, client);
      for (const scenario of SCENARIOS) {
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        await context.addInitScript(KEEP_NAMES_SHIM);
        const page = await context.newPage();
        await openFromStorage(page, app.url, doc);
        await page.waitForFunction(() => performance.getEntriesByName('faultline:analysis').length > 0, null, { timeout: 60_000 });
        const { times, figureTimes, ranOn } = await timeEdits(page, client, scenario);
        await context.close();
        const sorted = [...times].sort((a, b) => a - b);
        const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
        const figuresMedian = [...figureTimes].sort((a, b) => a - b)[Math.floor(figureTimes.length / 2)];
        console.log(
          `${`${size}, ${scenario.name}`.padEnd(30)}  ${at(0.5).toFixed(0).padStart(4)} ms median, ${at(0.95).toFixed(0).padStart(4)} ms p95, ` +
            `${times.filter((ms) => ms <= TWO_FRAMES_MS).length} of ${EDITS} within two frames ` +
            `(the figures' own time ${figuresMedian === undefined ? 'not recorded' : `${figuresMedian.toFixed(1)} ms median, ${wheres(ranOn)}`}; a frame is 16.7 ms)`,
        );
      }
    }
  } finally {
    await browser.close();
    await app.stop();
  }
}

await main();
