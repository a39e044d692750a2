import { edgeKindOf } from '../model/types.ts';
import { perGraph, type Graph } from './graph.ts';
import { compressedRows } from './rows.ts';

// The flow graph as integer arrays (compressed sparse rows). The walks in paths.ts run
// over these: no Map lookups and no allocation per step.

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
  /** 1 where the slot's edge is a synchronous request (not async). */
  readonly succIsRequest: Uint8Array;
  readonly predIsRequest: Uint8Array;
}

/** The graph's flow index, built on first use and shared by every reader of that graph. */
export const flowIndexOf = perGraph(buildFlowIndex);

function buildFlowIndex(graph: Graph): FlowIndex {
  const { components, flowEdges, componentIndex: indexOf } = graph;
  const n = components.length;
  const m = flowEdges.length;
  const ids = components.map((node) => node.id);
  const sources = new Int32Array(m);
  const targets = new Int32Array(m);
  const isRequest = new Uint8Array(m);
  for (let e = 0; e < m; e++) {
    const edge = flowEdges[e]!;
    sources[e] = indexOf.get(edge.source)!;
    targets[e] = indexOf.get(edge.target)!;
    isRequest[e] = edgeKindOf(edge) === 'request' ? 1 : 0;
  }
  const [succStart, succ, succSlot] = compressedRows(n, sources, targets);
  const [predStart, pred, predSlot] = compressedRows(n, targets, sources);
  // Plain loops: Array.from with a mapping function is several times slower here.
  const succIsRequest = new Uint8Array(m);
  const predIsRequest = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    succIsRequest[i] = isRequest[succSlot[i]!]!;
    predIsRequest[i] = isRequest[predSlot[i]!]!;
  }
  return {
    n,
    ids,
    indexOf,
    succStart,
    succ,
    predStart,
    pred,
    succIsRequest,
    predIsRequest,
  };
}
