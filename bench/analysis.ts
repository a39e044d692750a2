// Analysis benchmark: `node --import tsx bench/analysis.ts`
//
// 1. A generated, valid document of 10,000 components and 20,000 edges with 5 clients,
//    3 regions and 9 zones: `analyse` warmed up, then the median of several runs.
// 2. A chain of 100,000 single-instance components behind one client (every link is
//    a single point of failure: the worst case for blast radii).
// 3. The CLI on the 10,000-component file, spawned as a user would run it, with its
//    wall time and peak resident memory.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultProps, GROUP_SIZE } from '../src/model/catalogue.ts';
import {
  CURRENT_VERSION,
  FORMAT_TAG,
  type ComponentKind,
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
  type EdgeKind,
} from '../src/model/types.ts';
import { analyse } from '../src/analysis/run.ts';
import { buildGraph } from '../src/analysis/graph.ts';
import { singlePointsOfFailure } from '../src/analysis/spof.ts';
import { availability } from '../src/analysis/numbers/availability.ts';
import { latencyReport } from '../src/analysis/numbers/latency.ts';
import { loadReport } from '../src/analysis/numbers/load.ts';
import { seededRandom as random } from './random.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

export interface AnalysisBenchResult {
  components: number;
  edges: number;
  findings: number;
  /** Median of the timed runs, after warm-up. */
  analyseMs: number;
  /** The fastest run: the least disturbed by other processes. */
  analyseMinMs: number;
  /** Median CPU time of this process per run (all its threads, GC included): barely
   *  affected by other processes competing for the cores, unlike wall time. */
  analyseCpuMs: number;
  runsMs: number[];
  /** Single points of failure alone on the same document, graph included: median and fastest. */
  spof: { ms: number; minMs: number; found: number };
  chain: { components: number; ms: number; findings: number };
  /** Availability alone, graph included, as the worker computes it after each edit. */
  availability: { components: number; ms: number; minMs: number; exactEntries: number; entries: number; samples: number }[];
  /** Load, utilization and latency with every client sending 1,000 rps, graph included. */
  load: { components: number; ms: number; minMs: number; loaded: number };
  cli: { ms: number; peakRssMb: number | undefined; exitCode: number | null; measuredWith: string; problem?: string };
}


const KINDS: readonly ComponentKind[] = [
  'load-balancer', 'api-gateway', 'service', 'service', 'service', 'websocket-server', 'worker', 'worker',
  'sql-database', 'nosql-database', 'cache', 'cache', 'queue', 'stream', 'object-storage', 'search',
  'coordination', 'external', 'dns', 'cdn',
];

/** Components laid out in layers: edges mostly go forward a little way, so clients
 *  reach nearly everything along many different paths, with some loops back. */
export function generateDocument(components = 10_000, edges = 20_000, entries = 5, seed = 42): Diagram {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const nodes: DiagramNode[] = [];
  const zones: string[] = [];
  const regions: string[] = [];
  for (let r = 0; r < 3; r++) {
    const region = `region-${r}`;
    regions.push(region);
    nodes.push({ id: region, kind: 'region', label: `Region ${r}`, position: { x: r * 2000, y: 0 }, size: { ...GROUP_SIZE.region }, props: {} });
    for (let z = 0; z < 3; z++) {
      const zone = `zone-${r}-${z}`;
      zones.push(zone);
      nodes.push({ id: zone, kind: 'zone', label: `Zone ${r}${'abc'[z]}`, position: { x: 20 + z * 400, y: 40 }, size: { ...GROUP_SIZE.zone }, parentId: region, props: {} });
    }
  }
  const ids: string[] = [];
  for (let i = 0; i < components; i++) {
    const isEntry = i < entries;
    const kind: ComponentKind = isEntry ? 'client' : pick(KINDS);
    const id = `${kind}-${i}`;
    ids.push(id);
    const replicas = isEntry ? 1 : rand() < 0.4 ? 1 : 2 + Math.floor(rand() * 3);
    const node: DiagramNode = {
      id,
      kind,
      label: `${kind} ${i}`,
      position: { x: (i % 100) * 30, y: Math.floor(i / 100) * 30 },
      props: { ...defaultProps(kind), replicas },
    };
    const place = rand();
    if (!isEntry && place < 0.6) node.parentId = pick(zones);
    else if (!isEntry && place < 0.8) node.parentId = pick(regions);
    nodes.push(node);
  }
  const links: DiagramEdge[] = [];
  const seen = new Set<string>();
  const add = (source: number, target: number, kind: EdgeKind) => {
    const key = `${source}>${target}`;
    if (source === target || seen.has(key)) return;
    seen.add(key);
    links.push({ id: `e${links.length}`, source: ids[source]!, target: ids[target]!, props: { kind } });
  };
  for (let e = 0; e < entries; e++) for (let k = 0; k < 3; k++) add(e, entries + Math.floor(rand() * 50), 'request');
  while (links.length < edges) {
    const source = entries + Math.floor(rand() * (components - entries));
    const back = rand() < 0.05;
    const step = 1 + Math.floor(rand() * 150);
    const target = back ? Math.max(entries, source - step) : Math.min(components - 1, source + step);
    const roll = rand();
    add(source, target, roll < 0.75 ? 'request' : roll < 0.95 ? 'async' : 'replication');
  }
  return { format: FORMAT_TAG, version: CURRENT_VERSION, title: 'Benchmark', nodes, edges: links };
}

export function generateChain(length = 100_000): Diagram {
  const nodes: DiagramNode[] = [{ id: 'client', kind: 'client', label: 'Client', position: { x: 0, y: 0 }, props: { replicas: 1 } }];
  const edges: DiagramEdge[] = [];
  let previous = 'client';
  for (let i = 0; i < length; i++) {
    const id = `s${i}`;
    nodes.push({ id, kind: 'service', label: `Service ${i}`, position: { x: i * 10, y: 0 }, props: { replicas: 1 } });
    edges.push({ id: `e${i}`, source: previous, target: id, props: {} });
    previous = id;
  }
  return { format: FORMAT_TAG, version: CURRENT_VERSION, title: 'Chain', nodes, edges };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time<T>(run: () => T): [T, number, number] {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return [result, wall, (used.user + used.system) / 1000];
}

function spawnCli(file: string): AnalysisBenchResult['cli'] {
  const args = [join(ROOT, 'bin/faultline.js'), 'lint', file, '--format', 'json'];
  const start = performance.now();
  if (existsSync('/usr/bin/time')) {
    const run = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1];
    return { ms: performance.now() - start, peakRssMb: kb ? Number(kb) / 1024 : undefined, exitCode: run.status, measuredWith: '/usr/bin/time -v', ...problemOf(run.stderr) };
  }
  // Without GNU time: a preloaded module reports the child's own peak on exit.
  const dir = mkdtempSync(join(tmpdir(), 'faultline-rss-'));
  const probe = join(dir, 'rss.mjs');
  writeFileSync(probe, "process.on('exit', () => process.stderr.write(`\\nmaxRSS=${process.resourceUsage().maxRSS}\\n`));\n");
  const run = spawnSync(process.execPath, ['--import', probe, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  rmSync(dir, { recursive: true, force: true });
  const kb = /maxRSS=(\d+)/.exec(run.stderr)?.[1];
  return { ms: performance.now() - start, peakRssMb: kb ? Number(kb) / 1024 : undefined, exitCode: run.status, measuredWith: 'process.resourceUsage()', ...problemOf(run.stderr) };
}

/** The CLI's own complaint, if it made one (the lines before GNU time's report). */
function problemOf(stderr: string): { problem?: string } {
  const line = stderr.split('\n').find((text) => text.startsWith('faultline'));
  return line ? { problem: line } : {};
}

export function runAnalysisBench(options: { runs?: number; warmup?: number } = {}): AnalysisBenchResult {
  const { runs = 15, warmup = 5 } = options;
  const doc = generateDocument();
  let findings = 0;
  for (let i = 0; i < warmup; i++) findings = analyse(doc).length;
  const timed = Array.from({ length: runs }, () => time(() => analyse(doc)));
  const runsMs = timed.map(([, wall]) => wall);

  let found = 0;
  const spofRuns = Array.from({ length: runs }, () => time(() => (found = singlePointsOfFailure(buildGraph(doc)).length))[1]);

  const availabilityRuns = [1_000, 10_000].map((components) => {
    const sized = components === 10_000 ? doc : generateDocument(components, components * 2);
    let report = availability(buildGraph(sized));
    const ms = Array.from({ length: Math.max(3, Math.floor(runs / 2)) }, () => time(() => (report = availability(buildGraph(sized))))[1]);
    return {
      components,
      ms: median(ms),
      minMs: Math.min(...ms),
      exactEntries: report.entries.filter((entry) => entry.exact).length,
      entries: report.entries.length,
      samples: Math.max(0, ...report.entries.map((entry) => entry.samples)),
    };
  });

  const busy: Diagram = { ...doc, nodes: doc.nodes.map((n) => (n.kind === 'client' ? { ...n, props: { ...n.props, rps: 1000 } } : n)) };
  let loaded = 0;
  const loadRuns = Array.from({ length: runs }, () =>
    time(() => {
      const graph = buildGraph(busy);
      loaded = loadReport(graph).components.length;
      latencyReport(graph);
    })[1],
  );

  const chainDoc = generateChain();
  const [chainFindings, chainMs] = time(() => analyse(chainDoc));

  const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
  const file = join(dir, 'bench.faultline.json');
  writeFileSync(file, JSON.stringify(doc));
  const cli = spawnCli(file);
  rmSync(dir, { recursive: true, force: true });

  return {
    components: doc.nodes.filter((n) => n.kind !== 'zone' && n.kind !== 'region').length,
    edges: doc.edges.length,
    findings,
    analyseMs: median(runsMs),
    analyseMinMs: Math.min(...runsMs),
    analyseCpuMs: median(timed.map(([, , cpu]) => cpu)),
    runsMs,
    spof: { ms: median(spofRuns), minMs: Math.min(...spofRuns), found },
    chain: { components: chainDoc.nodes.length - 1, ms: chainMs, findings: chainFindings.length },
    availability: availabilityRuns,
    load: { components: doc.nodes.length, ms: median(loadRuns), minMs: Math.min(...loadRuns), loaded },
    cli,
  };
}

function printTable(result: AnalysisBenchResult): void {
  const rows: [string, string][] = [
    [`analyse: ${result.components.toLocaleString('en-US')} components, ${result.edges.toLocaleString('en-US')} edges, 5 clients, 12 groups`, `${result.analyseMs.toFixed(1)} ms median, ${result.analyseMinMs.toFixed(1)} ms fastest (${result.findings} findings)`],
    ['  CPU time per run', `${result.analyseCpuMs.toFixed(1)} ms median`],
    ['  runs (ms)', result.runsMs.map((ms) => ms.toFixed(1)).join(' ')],
    ['single points of failure alone, same document', `${result.spof.ms.toFixed(1)} ms median, ${result.spof.minMs.toFixed(1)} ms fastest (${result.spof.found} found)`],
    ...result.availability.map((run): [string, string] => [
      `availability: ${run.components.toLocaleString('en-US')} components, 5 clients and the system`,
      `${run.ms.toFixed(1)} ms median, ${run.minMs.toFixed(1)} ms fastest (${run.exactEntries} of ${run.entries} clients exact${run.samples ? `, the rest from ${run.samples.toLocaleString('en-US')} samples` : ''})`,
    ]),
    [
      `load and latency: ${result.components.toLocaleString('en-US')} components, 5 clients at 1,000 rps`,
      `${result.load.ms.toFixed(1)} ms median, ${result.load.minMs.toFixed(1)} ms fastest (${result.load.loaded.toLocaleString('en-US')} components loaded)`,
    ],
    [`analyse: ${result.chain.components.toLocaleString('en-US')}-component chain`, `${result.chain.ms.toFixed(0)} ms (${result.chain.findings.toLocaleString('en-US')} findings)`],
    ['faultline lint on the 10k file (wall)', `${result.cli.ms.toFixed(0)} ms, exit ${result.cli.exitCode}${result.cli.problem ? `: ${result.cli.problem}` : ''}`],
    [`faultline lint peak RSS (${result.cli.measuredWith})`, result.cli.peakRssMb === undefined ? 'n/a' : `${result.cli.peakRssMb.toFixed(0)} MB`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) printTable(runAnalysisBench());
