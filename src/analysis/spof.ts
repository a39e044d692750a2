import { hasTrait } from '../model/catalogue.ts';
import { isGroupKind, type DiagramNode } from '../model/types.ts';
import { dominatorTree, type DominatorTree } from './dominators.ts';
import { flowIndexOf, type FlowIndex } from './flow-index.ts';
import type { Graph } from './graph.ts';
import { addEntryReach, emptyEntryReach, LossWorkspace } from './loss.ts';

// Single points of failure, as the brief defines them.
//
// Failure units: every non-entry component with fewer than two replicas, every zone and
// every region. A unit is a single point of failure when, with it lost, some entry can
// no longer reach a terminal it reached before (a lost terminal counts as unreachable).
//
// Components: one dominator tree per entry. Losing `c` cuts entry `e` off from exactly
// the subtree of `c` in `e`'s tree, so `c` breaks `e` when that subtree holds a
// terminal. That is near-linear for all components at once.
//
// Groups: losing a group loses all its members at once, which no single dominator tree
// answers. Groups are few next to components, so each is handled on its own by
// recomputing entry reach downstream of its members only (see loss.ts).

/** The most components a finding lists; the message still gives the full count. */
export const LIST_LIMIT = 50;
/** Above this many ids to merge, a count over several entries is given as a lower bound. */
const MERGE_LIMIT = 2_000;

export interface Listing {
  /** Up to LIST_LIMIT ids, nearest to the failure first. */
  ids: string[];
  count: number;
  /** False when `count` is only a lower bound (huge blast radii over several entries). */
  exact: boolean;
}

export interface SinglePointOfFailure {
  unit: DiagramNode;
  /** Entries that can no longer reach a terminal they reached before, in document order. */
  entriesAffected: string[];
  /** Components cut off from some entry that reached them, the unit itself excluded. */
  cutOff: Listing;
  /** The terminals among the components lost (the unit itself included when it is one). */
  terminalsCutOff: Listing;
}

export function isFailureUnit(node: DiagramNode, replicas: number): boolean {
  return isGroupKind(node.kind) || (!hasTrait(node.kind, 'entry') && replicas < 2);
}

export function singlePointsOfFailure(graph: Graph): SinglePointOfFailure[] {
  const index = flowIndexOf(graph);
  const trees = Array.from(index.entries, (entry) => layoutTree(dominatorTree(index, entry), index));
  const results = new Map<string, SinglePointOfFailure>();
  const merge = new Merger(index);
  graph.components.forEach((node, v) => {
    if (!isFailureUnit(node, index.replicas[v]!)) return;
    const result = componentLoss(node, v, trees, index, merge);
    if (result) results.set(node.id, result);
  });

  const reach = emptyEntryReach(index);
  trees.forEach((tree, k) => addEntryReach(reach, k, tree.order));
  const workspace = new LossWorkspace(index, reach);
  for (const group of graph.groups) {
    const members = graph.members(group.id).map((id) => index.indexOf.get(id)!);
    const loss = workspace.lossOf(members);
    if (loss.entriesAffected.length === 0) continue;
    results.set(group.id, {
      unit: group,
      entriesAffected: loss.entriesAffected.map((v) => index.ids[v]!),
      cutOff: listAll(loss.cutOff, index),
      terminalsCutOff: listAll(loss.terminalsCutOff, index),
    });
  }
  // Document order of the units, groups and components alike.
  const ordered: SinglePointOfFailure[] = [];
  for (const node of graph.doc.nodes) {
    const result = results.get(node.id);
    if (result) ordered.push(result);
  }
  return ordered;
}

interface LaidOutTree extends DominatorTree {
  /** Terminals in dominator-tree preorder: a subtree's terminals are a contiguous run. */
  readonly terminalOrder: Int32Array;
  readonly terminalStart: Int32Array;
  readonly terminalCount: Int32Array;
  /** Two independent sums of a random value per component over each subtree: equal
   *  subtrees in two entries' trees are recognised without comparing them element by
   *  element (a false match is a 1 in 2^64 chance and would only affect a count). */
  readonly hashA: Uint32Array;
  readonly hashB: Uint32Array;
}

function layoutTree(tree: DominatorTree, index: FlowIndex): LaidOutTree {
  const { n, isSink } = index;
  const { order, idom } = tree;
  const terminalStart = new Int32Array(n);
  const terminalCount = new Int32Array(n);
  const hashA = new Uint32Array(n);
  const hashB = new Uint32Array(n);
  const terminals: number[] = [];
  for (const v of order) {
    terminalStart[v] = terminals.length;
    if (isSink[v]) terminals.push(v);
    terminalCount[v] = isSink[v]!;
    hashA[v] = mix(v + 1);
    hashB[v] = mix(v ^ 0x5bd1e995);
  }
  for (let i = order.length - 1; i >= 1; i--) {
    const v = order[i]!;
    const up = idom[v]!;
    terminalCount[up]! += terminalCount[v]!;
    hashA[up]! += hashA[v]!;
    hashB[up]! += hashB[v]!;
  }
  return { ...tree, terminalOrder: Int32Array.from(terminals), terminalStart, terminalCount, hashA, hashB };
}

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

function componentLoss(
  unit: DiagramNode,
  v: number,
  trees: readonly LaidOutTree[],
  index: FlowIndex,
  merge: Merger,
): SinglePointOfFailure | undefined {
  // Most components break no entry: find that out before allocating anything.
  if (!trees.some((tree) => tree.position[v]! >= 0 && tree.terminalCount[v]! > 0)) return undefined;
  const entriesAffected: string[] = [];
  const distinct: LaidOutTree[] = [];
  trees.forEach((tree, k) => {
    if (tree.position[v]! < 0) return;
    if (tree.terminalCount[v]! > 0) entriesAffected.push(index.ids[index.entries[k]!]!);
    const same = distinct.some(
      (seen) => seen.size[v] === tree.size[v] && seen.hashA[v] === tree.hashA[v] && seen.hashB[v] === tree.hashB[v],
    );
    if (!same) distinct.push(tree);
  });
  const cutOff = merge.union(
    distinct.map((tree) => ({ list: tree.order, from: tree.position[v]! + 1, to: tree.position[v]! + tree.size[v]! })),
  );
  const terminalsCutOff = merge.union(
    distinct.map((tree) => ({
      list: tree.terminalOrder,
      from: tree.terminalStart[v]!,
      to: tree.terminalStart[v]! + tree.terminalCount[v]!,
    })),
  );
  return { unit, entriesAffected, cutOff, terminalsCutOff };
}

interface Slice {
  list: Int32Array;
  from: number;
  to: number;
}

/** Unions of runs of component indices, deduplicated with a stamp per union. */
class Merger {
  private readonly stamp: Int32Array;
  private mark = 0;

  constructor(private readonly index: FlowIndex) {
    this.stamp = new Int32Array(index.n);
  }

  union(slices: readonly Slice[]): Listing {
    const nonEmpty = slices.filter((slice) => slice.to > slice.from);
    const total = nonEmpty.reduce((sum, slice) => sum + slice.to - slice.from, 0);
    if (nonEmpty.length <= 1 || total > MERGE_LIMIT) {
      const largest = nonEmpty.reduce<Slice | undefined>(
        (best, slice) => (!best || slice.to - slice.from > best.to - best.from ? slice : best),
        undefined,
      );
      if (!largest) return { ids: [], count: 0, exact: true };
      const ids = this.ids(largest.list.subarray(largest.from, Math.min(largest.to, largest.from + LIST_LIMIT)));
      return { ids, count: largest.to - largest.from, exact: nonEmpty.length === 1 };
    }
    const mark = ++this.mark;
    const picked: number[] = [];
    let count = 0;
    for (const { list, from, to } of nonEmpty) {
      for (let i = from; i < to; i++) {
        const v = list[i]!;
        if (this.stamp[v] === mark) continue;
        this.stamp[v] = mark;
        count++;
        if (picked.length < LIST_LIMIT) picked.push(v);
      }
    }
    return { ids: this.ids(picked), count, exact: true };
  }

  private ids(list: ArrayLike<number>): string[] {
    const ids = new Array<string>(list.length);
    for (let i = 0; i < list.length; i++) ids[i] = this.index.ids[list[i]!]!;
    return ids;
  }
}

function listAll(list: readonly number[], index: FlowIndex): Listing {
  return { ids: list.slice(0, LIST_LIMIT).map((v) => index.ids[v]!), count: list.length, exact: true };
}
