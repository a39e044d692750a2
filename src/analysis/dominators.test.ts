import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominatorTree, type Digraph } from './dominators.ts';

function digraph(n: number, edges: readonly (readonly [number, number])[]): Digraph {
  const rows = (from: 0 | 1) => {
    const start = new Int32Array(n + 1);
    const lists: number[][] = Array.from({ length: n }, () => []);
    for (const edge of edges) lists[edge[from]]!.push(edge[1 - from]!);
    const flat: number[] = [];
    lists.forEach((list, v) => {
      flat.push(...list);
      start[v + 1] = flat.length;
    });
    return [start, Int32Array.from(flat)] as const;
  };
  const [succStart, succ] = rows(0);
  const [predStart, pred] = rows(1);
  return { n, succStart, succ, predStart, pred };
}

function reachable(graph: Digraph, root: number, removed = -1): Set<number> {
  const seen = new Set<number>(root === removed ? [] : [root]);
  const queue = [...seen];
  while (queue.length > 0) {
    const v = queue.pop()!;
    for (let i = graph.succStart[v]!; i < graph.succStart[v + 1]!; i++) {
      const w = graph.succ[i]!;
      if (w !== removed && !seen.has(w)) {
        seen.add(w);
        queue.push(w);
      }
    }
  }
  return seen;
}

/** By the definition: `d` dominates `v` when removing `d` cuts `v` off. */
function bruteForceDominated(graph: Digraph, root: number, d: number): Set<number> {
  const before = reachable(graph, root);
  if (!before.has(d)) return new Set();
  const after = reachable(graph, root, d);
  return new Set([...before].filter((v) => !after.has(v)));
}

function subtree(tree: ReturnType<typeof dominatorTree>, v: number): Set<number> {
  const at = tree.position[v]!;
  if (at < 0) return new Set();
  return new Set(tree.order.subarray(at, at + tree.size[v]!));
}

describe('dominatorTree', () => {
  it('finds the classic diamond and loop dominators', () => {
    // 0 -> 1 -> {2, 3} -> 4 -> 5 -> 1 (a loop back), 4 -> 6
    const graph = digraph(7, [[0, 1], [1, 2], [1, 3], [2, 4], [3, 4], [4, 5], [5, 1], [4, 6]]);
    const tree = dominatorTree(graph, 0);
    expect([...tree.idom]).toEqual([-1, 0, 1, 1, 1, 4, 4]);
    expect(tree.size[1]).toBe(6);
    expect(subtree(tree, 4)).toEqual(new Set([4, 5, 6]));
  });

  it('leaves unreached vertices out of the tree', () => {
    const tree = dominatorTree(digraph(4, [[0, 1], [2, 3]]), 0);
    expect(tree.position[2]).toBe(-1);
    expect(tree.size[3]).toBe(0);
    expect([...tree.order]).toEqual([0, 1]);
  });

  it('handles a 200,000-vertex chain without recursion', () => {
    const n = 200_000;
    const edges = Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as const);
    const tree = dominatorTree(digraph(n, edges), 0);
    expect(tree.idom[n - 1]).toBe(n - 2);
    expect(tree.size[0]).toBe(n);
    expect(tree.size[n / 2]).toBe(n / 2);
  });

  it('agrees with the definition on random graphs', () => {
    const graphs = fc
      .integer({ min: 1, max: 12 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 30 }),
        ),
      );
    fc.assert(
      fc.property(graphs, ([n, edges]) => {
        const graph = digraph(n, edges);
        const tree = dominatorTree(graph, 0);
        for (let d = 0; d < n; d++) expect(subtree(tree, d)).toEqual(bruteForceDominated(graph, 0, d));
      }),
      { numRuns: 400 },
    );
  });
});
