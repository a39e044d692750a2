// File-format benchmark: `node --import tsx bench/io.ts`
//
// Builds a valid document of about 5 MB (regions, zones, components with their
// props, edges of every kind), then times importDocument on its exported text
// (JSON.parse, prototype-key scan, schema, cross-checks, normalisation): one warm-up,
// then the median of several runs. Also times exportJson for reference.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPONENT_KINDS, defaultProps, GROUP_SIZE } from '../src/model/catalogue.ts';
import { CURRENT_VERSION, EDGE_KINDS, FORMAT_TAG, type Diagram, type DiagramEdge, type DiagramNode } from '../src/model/types.ts';
import { exportJson } from '../src/io/export.ts';
import { describeImportError, importDocument } from '../src/io/import.ts';

export interface IoBenchResult {
  bytes: number;
  nodes: number;
  edges: number;
  /** Median importDocument time, after a warm-up. */
  importMs: number;
  importRunsMs: number[];
  exportMs: number;
}

/** A deterministic valid document of about `targetBytes` once exported. */
export function generateIoDocument(targetBytes = 5 * 1024 * 1024): Diagram {
  const nodes: DiagramNode[] = [];
  const zones: string[] = [];
  for (let r = 0; r < 4; r++) {
    const region = `region-${r}`;
    nodes.push({ id: region, kind: 'region', label: `Region ${r}`, position: { x: r * 5000, y: 0 }, size: { ...GROUP_SIZE.region }, props: {} });
    for (let z = 0; z < 3; z++) {
      const zone = `zone-${r}-${z}`;
      zones.push(zone);
      nodes.push({ id: zone, kind: 'zone', label: `Zone ${r}${'abc'[z]}`, position: { x: z * 1500, y: 100 }, size: { ...GROUP_SIZE.zone }, parentId: region, props: {} });
    }
  }
  // About 500 bytes of exported JSON per component with its one and a half edges.
  const components = Math.round(targetBytes / 500);
  for (let i = 0; i < components; i++) {
    const kind = COMPONENT_KINDS[i % COMPONENT_KINDS.length]!;
    const node: DiagramNode = {
      id: `n${i}`,
      kind,
      label: `${kind} ${i}`,
      position: { x: (i % 100) * 220, y: Math.floor(i / 100) * 90 },
      props: { ...defaultProps(kind), replicas: 1 + (i % 3) },
    };
    if (i % 5 !== 0) node.parentId = zones[i % zones.length];
    if (i % 50 === 0) node.notes = 'Owned by the platform team; see the runbook.';
    nodes.push(node);
  }
  const edges: DiagramEdge[] = [];
  for (let i = 1; i < components; i++) {
    edges.push({ id: `e${i}`, source: `n${Math.floor((i - 1) / 2)}`, target: `n${i}`, props: { kind: EDGE_KINDS[i % EDGE_KINDS.length]!, protocol: 'https' } });
    if (i % 2 === 0) edges.push({ id: `x${i}`, source: `n${i}`, target: `n${(i * 7919) % components}`, props: { retries: 2, backoff: true } });
  }
  return { format: FORMAT_TAG, version: CURRENT_VERSION, title: 'I/O benchmark', nodes, edges };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function runIoBench(options: { runs?: number; targetBytes?: number } = {}): IoBenchResult {
  const { runs = 7, targetBytes } = options;
  const doc = generateIoDocument(targetBytes);
  let start = performance.now();
  const text = exportJson(doc);
  const exportMs = performance.now() - start;

  const time = () => {
    start = performance.now();
    const result = importDocument(text);
    const ms = performance.now() - start;
    if (!result.ok) throw new Error(`The benchmark document does not import: ${describeImportError(result.error)}`);
    return ms;
  };
  time(); // warm-up
  const importRunsMs = Array.from({ length: runs }, time);
  return { bytes: Buffer.byteLength(text), nodes: doc.nodes.length, edges: doc.edges.length, importMs: median(importRunsMs), importRunsMs, exportMs };
}

function print(result: IoBenchResult): void {
  const mb = (result.bytes / 1024 / 1024).toFixed(2);
  console.log(`io: ${mb} MB document, ${result.nodes} nodes, ${result.edges} edges`);
  console.log(`  importDocument (parse + validate): median ${result.importMs.toFixed(0)} ms over ${result.importRunsMs.length} runs [${result.importRunsMs.map((ms) => ms.toFixed(0)).join(', ')}]`);
  console.log(`  exportJson: ${result.exportMs.toFixed(0)} ms`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) print(runIoBench());
