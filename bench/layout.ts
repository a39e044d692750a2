// Auto-layout timings in Node: toElkGraph, then ELK, then applyLayout, on generated
// architectures of growing size. Run: node --import tsx bench/layout.ts
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import ELK from 'elkjs/lib/elk.bundled.js';
import { COMPONENT_KINDS } from '../src/model/catalogue.ts';
import { applyLayout, toElkGraph, type LayoutDirection } from '../src/layout/elk-graph.ts';
import {
  CURRENT_VERSION,
  FORMAT_TAG,
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
} from '../src/model/types.ts';
import { seededRandom as random } from './random.ts';

export interface LayoutBenchCase {
  name: string;
  components: number;
  edges: number;
  /** Milliseconds the case should stay within; `undefined`: it only has to finish. */
  budgetMs?: number;
}

export interface LayoutBenchResult extends LayoutBenchCase {
  groups: number;
  /** Median over the runs, in milliseconds. */
  toElkMs: number;
  elkMs: number;
  applyMs: number;
  totalMs: number;
  /** CPU time of the whole step (median): close to the wall time on an idle machine. */
  cpuMs: number;
  runs: number;
  withinBudget: boolean;
}

export const LAYOUT_BENCH_CASES: readonly LayoutBenchCase[] = [
  { name: '100 components', components: 100, edges: 150, budgetMs: 250 },
  { name: '500 components / 750 edges', components: 500, edges: 750, budgetMs: 1_500 },
  { name: '2,000 components', components: 2_000, edges: 3_000 },
];


/** Tiers of components calling the next tier, with regions of two zones holding about
 *  half of them: the shape of a large service estate. */
export function generateArchitecture(components: number, edges: number, seed = 1): Diagram {
  const next = random(seed);
  const nodes: DiagramNode[] = [];
  const regions = Math.max(1, Math.round(components / 250));
  const zoneIds: string[] = [];
  for (let r = 0; r < regions; r++) {
    const region = `region-${r}`;
    nodes.push(node(region, 'region'));
    for (const letter of ['a', 'b']) {
      const zone = `${region}-${letter}`;
      nodes.push({ ...node(zone, 'zone'), parentId: region });
      zoneIds.push(zone);
    }
  }
  const tiers = Math.max(4, Math.round(Math.sqrt(components) / 2));
  const tierOf: number[] = [];
  const byTier: number[][] = Array.from({ length: tiers }, () => []);
  for (let i = 0; i < components; i++) {
    const tier = i < 2 ? 0 : 1 + Math.floor(next() * (tiers - 1));
    tierOf.push(tier);
    byTier[tier]!.push(i);
    const kind = tier === 0 ? 'client' : COMPONENT_KINDS[1 + Math.floor(next() * (COMPONENT_KINDS.length - 1))]!;
    const component = node(`c${i}`, kind);
    const place = next();
    if (tier > 0 && place < 0.5) component.parentId = zoneIds[Math.floor(next() * zoneIds.length)]!;
    else if (tier > 0 && place < 0.6) component.parentId = `region-${Math.floor(next() * regions)}`;
    nodes.push(component);
  }
  const links: DiagramEdge[] = [];
  const seen = new Set<string>();
  for (let attempts = 0; links.length < edges && attempts < edges * 20; attempts++) {
    const source = Math.floor(next() * components);
    const tier = tierOf[source]!;
    const targets = byTier[Math.min(tiers - 1, tier + 1 + (next() < 0.2 ? 1 : 0))]!;
    if (tier === tiers - 1 || targets.length === 0) continue;
    const target = targets[Math.floor(next() * targets.length)]!;
    const key = `${source}>${target}`;
    if (source === target || seen.has(key)) continue;
    seen.add(key);
    links.push({ id: `e${links.length}`, source: `c${source}`, target: `c${target}`, props: {} });
  }
  return { format: FORMAT_TAG, version: CURRENT_VERSION, title: `${components} components`, nodes, edges: links };
}

function node(id: string, kind: DiagramNode['kind']): DiagramNode {
  return { id, kind, label: id, position: { x: 0, y: 0 }, props: {} };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function runLayoutBench(
  options: {
    cases?: readonly LayoutBenchCase[];
    runs?: number;
    direction?: LayoutDirection;
    /** The first layout in a fresh process (100 components), before the timed runs. */
    onColdStart?: (ms: number) => void;
  } = {},
): Promise<LayoutBenchResult[]> {
  const elk = new ELK();
  const direction = options.direction ?? 'RIGHT';
  const results: LayoutBenchResult[] = [];
  // A long-lived worker is warm after its first layout; so is this process after these.
  // The first of them, a cold start, is reported on its own.
  const warmUp = generateArchitecture(100, 150, 2);
  let coldStartMs = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    applyLayout(warmUp, await elk.layout(toElkGraph(warmUp, { direction })));
    if (i === 0) coldStartMs = performance.now() - t0;
  }
  options.onColdStart?.(coldStartMs);
  for (const benchCase of options.cases ?? LAYOUT_BENCH_CASES) {
    const doc = generateArchitecture(benchCase.components, benchCase.edges);
    const runs = options.runs ?? (benchCase.components > 1_000 ? 1 : 5);
    const toElk: number[] = [];
    const layout: number[] = [];
    const apply: number[] = [];
    const total: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < runs; run++) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const graph = toElkGraph(doc, { direction });
      const t1 = performance.now();
      const laidOut = await elk.layout(graph);
      const t2 = performance.now();
      applyLayout(doc, laidOut);
      const t3 = performance.now();
      const cpuUsed = process.cpuUsage(cpu0);
      cpu.push((cpuUsed.user + cpuUsed.system) / 1_000);
      toElk.push(t1 - t0);
      layout.push(t2 - t1);
      apply.push(t3 - t2);
      total.push(t3 - t0);
    }
    const totalMs = median(total);
    results.push({
      ...benchCase,
      edges: doc.edges.length,
      groups: doc.nodes.length - benchCase.components,
      toElkMs: median(toElk),
      elkMs: median(layout),
      applyMs: median(apply),
      totalMs,
      cpuMs: median(cpu),
      runs,
      withinBudget: benchCase.budgetMs === undefined || totalMs <= benchCase.budgetMs,
    });
  }
  return results;
}

export function formatLayoutBench(results: readonly LayoutBenchResult[]): string {
  const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  const rows = results.map((r) => [
    r.name,
    String(r.edges),
    String(r.groups),
    ms(r.toElkMs),
    ms(r.elkMs),
    ms(r.applyMs),
    ms(r.totalMs),
    ms(r.cpuMs),
    r.budgetMs === undefined ? 'finishes' : `<= ${ms(r.budgetMs)}`,
    r.withinBudget ? 'ok' : 'OVER',
  ]);
  const header = ['case', 'edges', 'groups', 'toElkGraph', 'ELK', 'applyLayout', 'total', 'CPU', 'target', ''];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await runLayoutBench({
    onColdStart: (ms) => console.log(`cold start (first layout in this process, 100 components): ${ms.toFixed(0)} ms\n`),
  });
  console.log(formatLayoutBench(results));
  if (results.some((result) => !result.withinBudget)) process.exitCode = 1;
}
