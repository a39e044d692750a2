// Dominator trees by the Lengauer–Tarjan algorithm (the simple version with path
// compression, O(m log n)), written without recursion: the depth-first search and
// the path compression keep their own stacks, so a chain of any length is fine.
//
// `d` dominates `v` from the root when every path from the root to `v` passes
// through `d`; losing `d` then cuts `v` off. The subtree of `d` in the tree is
// exactly what the root can no longer reach without `d`.

export interface Digraph {
  readonly n: number;
  readonly succStart: Int32Array;
  readonly succ: Int32Array;
  readonly predStart: Int32Array;
  readonly pred: Int32Array;
}

export interface DominatorTree {
  readonly root: number;
  /** Immediate dominator of each vertex; -1 for the root and for vertices it does not reach. */
  readonly idom: Int32Array;
  /** The vertices the root reaches, in preorder of the dominator tree. */
  readonly order: Int32Array;
  /** Where each vertex sits in `order`; -1 when the root does not reach it. */
  readonly position: Int32Array;
  /** Vertices in each subtree, the vertex itself included; 0 when unreached. The
   *  subtree of `v` is `order[position[v] .. position[v] + size[v] - 1]`. */
  readonly size: Int32Array;
}

export function dominatorTree(graph: Digraph, root: number): DominatorTree {
  const { vertex, dfn, parent, count } = depthFirst(graph, root);
  const idomByDfn = semiDominators(graph, vertex, dfn, parent, count);
  const idom = new Int32Array(graph.n).fill(-1);
  for (let w = 1; w < count; w++) idom[vertex[w]!] = vertex[idomByDfn[w]!]!;
  return { root, idom, ...treeLayout(graph.n, idom, vertex, count, root) };
}

interface DepthFirst {
  vertex: Int32Array;
  dfn: Int32Array;
  parent: Int32Array;
  count: number;
}

function depthFirst(graph: Digraph, root: number): DepthFirst {
  const { n, succStart, succ } = graph;
  const dfn = new Int32Array(n).fill(-1);
  const vertex = new Int32Array(n);
  const parent = new Int32Array(n);
  const stack = new Int32Array(n);
  const cursor = new Int32Array(n);
  dfn[root] = 0;
  vertex[0] = root;
  parent[0] = -1;
  stack[0] = root;
  cursor[0] = succStart[root]!;
  let count = 1;
  let top = 1;
  while (top > 0) {
    const v = stack[top - 1]!;
    const next = cursor[top - 1]!;
    if (next === succStart[v + 1]) {
      top--;
      continue;
    }
    cursor[top - 1] = next + 1;
    const w = succ[next]!;
    if (dfn[w]! >= 0) continue;
    dfn[w] = count;
    vertex[count] = w;
    parent[count] = dfn[v]!;
    count++;
    stack[top] = w;
    cursor[top] = succStart[w]!;
    top++;
  }
  return { vertex, dfn, parent, count };
}

/** Immediate dominators, by depth-first number. */
function semiDominators(
  graph: Digraph,
  vertex: Int32Array,
  dfn: Int32Array,
  parent: Int32Array,
  count: number,
): Int32Array {
  const { predStart, pred } = graph;
  const semi = new Int32Array(count);
  const label = new Int32Array(count);
  const ancestor = new Int32Array(count).fill(-1);
  const idom = new Int32Array(count);
  const bucketHead = new Int32Array(count).fill(-1);
  const bucketNext = new Int32Array(count);
  const path = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    semi[i] = i;
    label[i] = i;
  }

  // The vertex with the smallest semidominator on the forest path above `v`.
  const evaluate = (v: number): number => {
    if (ancestor[v]! < 0) return v;
    let depth = 0;
    for (let u = v; ancestor[ancestor[u]!]! >= 0; u = ancestor[u]!) path[depth++] = u;
    while (depth > 0) {
      const x = path[--depth]!;
      const a = ancestor[x]!;
      if (semi[label[a]!]! < semi[label[x]!]!) label[x] = label[a]!;
      ancestor[x] = ancestor[a]!;
    }
    return label[v]!;
  };

  for (let w = count - 1; w >= 1; w--) {
    const v = vertex[w]!;
    for (let i = predStart[v]!; i < predStart[v + 1]!; i++) {
      const u = dfn[pred[i]!]!;
      if (u < 0) continue;
      const x = evaluate(u);
      if (semi[x]! < semi[w]!) semi[w] = semi[x]!;
    }
    bucketNext[w] = bucketHead[semi[w]!]!;
    bucketHead[semi[w]!] = w;
    const p = parent[w]!;
    ancestor[w] = p;
    for (let b = bucketHead[p]!; b >= 0; b = bucketNext[b]!) {
      const x = evaluate(b);
      idom[b] = semi[x]! < semi[b]! ? x : p;
    }
    bucketHead[p] = -1;
  }
  for (let w = 1; w < count; w++) {
    if (idom[w] !== semi[w]) idom[w] = idom[idom[w]!]!;
  }
  return idom;
}

function treeLayout(
  n: number,
  idom: Int32Array,
  vertex: Int32Array,
  count: number,
  root: number,
): Pick<DominatorTree, 'order' | 'position' | 'size'> {
  const childStart = new Int32Array(n + 1);
  for (let w = 1; w < count; w++) childStart[idom[vertex[w]!]! + 1]!++;
  for (let v = 0; v < n; v++) childStart[v + 1]! += childStart[v]!;
  const fill = childStart.slice(0, n);
  const children = new Int32Array(Math.max(count - 1, 0));
  for (let w = 1; w < count; w++) {
    const v = vertex[w]!;
    children[fill[idom[v]!]!++] = v;
  }

  const order = new Int32Array(count);
  const position = new Int32Array(n).fill(-1);
  const stack = new Int32Array(count);
  let top = 0;
  let next = 0;
  stack[top++] = root;
  while (top > 0) {
    const v = stack[--top]!;
    position[v] = next;
    order[next++] = v;
    // Pushed in reverse so that children come out in the order they were listed.
    for (let i = childStart[v + 1]! - 1; i >= childStart[v]!; i--) stack[top++] = children[i]!;
  }

  const size = new Int32Array(n);
  for (let i = 0; i < count; i++) size[order[i]!] = 1;
  for (let i = count - 1; i >= 1; i--) {
    const v = order[i]!;
    size[idom[v]!]! += size[v]!;
  }
  return { order, position, size };
}
