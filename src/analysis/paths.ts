import type { DiagramNode } from '../model/types.ts';
import { flowIndexOf } from './flow-index.ts';
import type { Graph } from './graph.ts';

// Breadth-first traversals with a queue instead of recursion, so that a chain of any
// length is fine. Flow-graph walks run over the integer index: a rule may walk the
// whole graph several times per analysis, and string sets would dominate the cost.

/** Components a walk reached, in the order it reached them. */
export interface Reached extends Iterable<string> {
  has(id: string): boolean;
  readonly size: number;
  /** The components reached, in document order. */
  inDocumentOrder(): DiagramNode[];
}

/** Everything reachable from `starts` (included) by repeatedly taking `next`. */
export function reach(starts: Iterable<string>, next: (id: string) => Iterable<string>): Set<string> {
  const seen = new Set<string>(starts);
  const queue = [...seen];
  for (let head = 0; head < queue.length; head++) {
    for (const id of next(queue[head]!)) {
      if (!seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return seen;
}

export interface WalkOptions {
  /** Follow only synchronous request edges. */
  requestOnly?: boolean;
  /** Components the walk reaches but does not go beyond (asked once per component). */
  stopAt?: (node: DiagramNode) => boolean;
}

/** Follows flow edges the way traffic goes. */
export function downstream(graph: Graph, starts: Iterable<string>, options: WalkOptions = {}): Reached {
  const index = flowIndexOf(graph);
  return walk(graph, starts, index.succStart, index.succ, options.requestOnly ? index.succIsRequest : undefined, options.stopAt);
}

/** Follows flow edges against the traffic: everything that can reach `starts`. */
export function upstream(graph: Graph, starts: Iterable<string>, options: WalkOptions = {}): Reached {
  const index = flowIndexOf(graph);
  return walk(graph, starts, index.predStart, index.pred, options.requestOnly ? index.predIsRequest : undefined, options.stopAt);
}

function walk(
  graph: Graph,
  starts: Iterable<string>,
  rowStart: Int32Array,
  row: Int32Array,
  allowed: Uint8Array | undefined,
  stopAt: ((node: DiagramNode) => boolean) | undefined,
): Reached {
  const index = flowIndexOf(graph);
  const seen = new Uint8Array(index.n);
  const queue = new Int32Array(index.n);
  let tail = 0;
  for (const id of starts) {
    const v = index.indexOf.get(id);
    if (v === undefined || seen[v]) continue;
    seen[v] = 1;
    queue[tail++] = v;
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    if (stopAt && stopAt(graph.components[v]!)) continue;
    for (let i = rowStart[v]!; i < rowStart[v + 1]!; i++) {
      const w = row[i]!;
      if (seen[w] || (allowed && !allowed[i])) continue;
      seen[w] = 1;
      queue[tail++] = w;
    }
  }
  const order = queue.subarray(0, tail);
  return {
    size: tail,
    has: (id) => {
      const v = index.indexOf.get(id);
      return v !== undefined && seen[v] === 1;
    },
    *[Symbol.iterator]() {
      for (const v of order) yield index.ids[v]!;
    },
    inDocumentOrder: () => graph.components.filter((_, v) => seen[v] === 1),
  };
}
