import { replicasOf } from '../model/types.ts';
import type { Graph } from './graph.ts';

// The flow graph as integer arrays (compressed sparse rows). The dominator and loss
// computations run over these: no Map lookups and no allocation per step.

export interface FlowIndex {
  /** Number of components. */
  readonly n: number;
  /** Component ids, by index (document order). */
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Successors of `v` are `succ[succStart[v]] .. succ[succStart[v + 1] - 1]`. */
  readonly succStart: Int32Array;
  readonly succ: Int32Array;
  readonly predStart: Int32Array;
  readonly pred: Int32Array;
  /** 1 when the component has no outgoing flow edge. */
  readonly isSink: Uint8Array;
  readonly replicas: Int32Array;
  /** Indices of the entries (clients), in document order. */
  readonly entries: Int32Array;
}

export function buildFlowIndex(graph: Graph): FlowIndex {
  const ids = graph.components.map((node) => node.id);
  const n = ids.length;
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => indexOf.set(id, i));
  const sources = new Int32Array(graph.flowEdges.length);
  const targets = new Int32Array(graph.flowEdges.length);
  graph.flowEdges.forEach((edge, i) => {
    sources[i] = indexOf.get(edge.source)!;
    targets[i] = indexOf.get(edge.target)!;
  });
  const [succStart, succ] = compressedRows(n, sources, targets);
  const [predStart, pred] = compressedRows(n, targets, sources);
  const isSink = new Uint8Array(n);
  const replicas = new Int32Array(n);
  graph.components.forEach((node, i) => {
    isSink[i] = succStart[i + 1] === succStart[i] ? 1 : 0;
    replicas[i] = replicasOf(node);
  });
  const entries = Int32Array.from(graph.entries, (entry) => indexOf.get(entry.id)!);
  return { n, ids, indexOf, succStart, succ, predStart, pred, isSink, replicas, entries };
}

function compressedRows(n: number, from: Int32Array, to: Int32Array): [Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (const v of from) start[v + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const list = new Int32Array(from.length);
  for (let i = 0; i < from.length; i++) list[fill[from[i]!]!++] = to[i]!;
  return [start, list];
}
