import type { DependencyModel } from './dependencies.ts';

// The need graph: an edge from each working component to every working component it
// may need, and its strongly connected parts in the order a bottom-up pass visits them.
// The killer sets of the single-point-of-failure review and the availability compiler
// both walk it.

/** The need graph on working components: an edge from c to each distinct working
 *  member of each of c's sets that can fail (a set a client serves never does). */
export interface NeedGraph {
  readonly start: Int32Array;
  readonly to: Int32Array;
}

export function needGraph(model: DependencyModel, working: Uint8Array): NeedGraph {
  const { n, setStart, memberStart, members, alwaysMet } = model;
  const start = new Int32Array(n + 1);
  const to: number[] = [];
  const mark = new Int32Array(n).fill(-1);
  for (let c = 0; c < n; c++) {
    start[c] = to.length;
    if (!working[c]) continue;
    for (let s = setStart[c]!; s < setStart[c + 1]!; s++) {
      if (alwaysMet[s]) continue;
      for (let i = memberStart[s]!; i < memberStart[s + 1]!; i++) {
        const t = members[i]!;
        if (working[t] && mark[t] !== c) {
          mark[t] = c;
          to.push(t);
        }
      }
    }
  }
  start[n] = to.length;
  return { start, to: Int32Array.from(to) };
}

/**
 * The strongly connected parts of the need graph, each part after every part it needs
 * (Tarjan's algorithm without recursion, so a chain of any length is fine).
 */
export function partsInOrder(need: NeedGraph, n: number, working: Uint8Array): number[][] {
  const { start: edgeStart, to: edges } = need;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const callStack: number[] = [];
  const nextEdge = new Int32Array(n);
  const parts: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (!working[root] || order[root] !== -1) continue;
    callStack.push(root);
    order[root] = low[root] = counter++;
    nextEdge[root] = edgeStart[root]!;
    stack.push(root);
    onStack[root] = 1;
    while (callStack.length > 0) {
      const v = callStack[callStack.length - 1]!;
      if (nextEdge[v]! < edgeStart[v + 1]!) {
        const w = edges[nextEdge[v]!++]!;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          nextEdge[w] = edgeStart[w]!;
          stack.push(w);
          onStack[w] = 1;
          callStack.push(w);
        } else if (onStack[w] && order[w]! < low[v]!) {
          low[v] = order[w]!;
        }
        continue;
      }
      callStack.pop();
      const parent = callStack[callStack.length - 1];
      if (parent !== undefined && low[v]! < low[parent]!) low[parent] = low[v]!;
      if (low[v] === order[v]) {
        const part: number[] = [];
        for (;;) {
          const w = stack.pop()!;
          onStack[w] = 0;
          part.push(w);
          if (w === v) break;
        }
        parts.push(part);
      }
    }
  }
  return parts;
}
