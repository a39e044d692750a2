import { isGroupKind, type DiagramEdge, type DiagramNode } from '../model/types.ts';
import { baseline, dependencyModel, giveBack, isFailingAlone, takeAway, type DependencyModel } from './dependencies.ts';
import { killersOfEntries } from './killers.ts';
import { perGraph, type Graph } from './graph.ts';

// Single points of failure, as the brief defines them, on the dependency model.
//
// Failure units: every zone and region, and every component other than an entry or a
// managed service that one lost instance takes below `minHealthy`. A unit is a single
// point of failure when, with it lost and everything else up, some entry that works
// with everything up stops working.
//
// Each unit is taken away from the all-up state and what stops because of it is
// followed through the reverse need index, then given back. The work per unit is the
// size of what it takes down, so units that break nothing cost next to nothing.

/** The most components a finding lists; the message still gives the full count. */
export const LIST_LIMIT = 50;

export interface Listing {
  /** Up to LIST_LIMIT ids, nearest to the failure first. */
  ids: string[];
  count: number;
  /** False when `count` is only a lower bound (huge blast radii in huge designs). */
  exact: boolean;
}

export interface SinglePointOfFailure {
  unit: DiagramNode;
  /** Entries that stop working, in document order. */
  entriesAffected: string[];
  /** Components, entries aside, that stop working with it: a group's members first,
   *  then whatever needed them, nearest first. A component unit is not listed. */
  broken: Listing;
  /** The flow edges into a lost component from callers that stop working: their labels
   *  say what breaks ("create short link"). Empty for a group. */
  brokenCalls: DiagramEdge[];
}

/** The failure units, groups and components alike, in document order. */
export function failureUnits(graph: Graph): DiagramNode[] {
  const model = dependencyModel(graph);
  return graph.doc.nodes.filter((node) => {
    if (isGroupKind(node.kind)) return graph.nodes.get(node.id) === node;
    const v = graph.componentIndex.get(node.id);
    return v !== undefined && graph.components[v] === node && isFailingAlone(model, v);
  });
}

/** The components a unit takes down with it when it is lost. Entries never fail, so
 *  a client inside a lost zone stays, and stops only if what it needs stops. */
export function unitMembers(graph: Graph, unit: DiagramNode): number[] {
  const model = dependencyModel(graph);
  const ids = isGroupKind(unit.kind) ? graph.members(unit.id) : [unit.id];
  const members: number[] = [];
  for (const id of ids) {
    const v = graph.componentIndex.get(id);
    if (v !== undefined && !model.isEntry[v]) members.push(v);
  }
  return members;
}

/** Above this many removals per unit, in all, blast radii are counted only up to their share. */
const BLAST_WORK = 150_000;

/** The single points of failure of a graph, worked out once and shared by the rules that ask. */
export const singlePointsOfFailure = perGraph(findSinglePointsOfFailure);

function findSinglePointsOfFailure(graph: Graph): readonly SinglePointOfFailure[] {
  const model = dependencyModel(graph);
  const { working, count } = baseline(model);
  const units = failureUnits(graph);
  const unitOf = new Map(units.map((unit, u) => [unit.id, u]));
  const own = (v: number): number[] => {
    if (model.isEntry[v]) return [];
    const node = graph.components[v]!;
    const mine = unitOf.get(node.id);
    const groups = graph.ancestors(node.id).map((id) => unitOf.get(id)!);
    return mine === undefined ? groups : [mine, ...groups];
  };
  const words = Math.max(1, Math.ceil(units.length / 32));
  const stopped = new Map<number, number[]>();
  for (const [entry, set] of killersOfEntries({ model, working, words, own })) {
    for (let w = 0; w < set.length; w++) {
      for (let word = set[w]!; word !== 0; word &= word - 1) {
        const u = w * 32 + (31 - Math.clz32(word & -word));
        const list = stopped.get(u);
        if (list) list.push(entry);
        else stopped.set(u, [entry]);
      }
    }
  }
  // Blast radii share a budget, so a design where thousands of units each take down
  // thousands of components still answers quickly; past its share a count is a lower bound.
  const share = Math.max(LIST_LIMIT + 1, Math.floor(BLAST_WORK / Math.max(1, stopped.size)));
  const results: SinglePointOfFailure[] = [];
  units.forEach((unit, u) => {
    const entries = stopped.get(u);
    if (!entries) return;
    const members = unitMembers(graph, unit);
    const taken = takeAway(model, working, count, members, share);
    // Exact when everything taken away was followed through, so nothing more would stop.
    const exact = taken.followed === taken.gone.length;
    results.push(describeLoss(graph, model, unit, members, entries.sort((a, b) => a - b), taken.gone, working, exact));
    giveBack(model, working, count, taken);
  });
  return results;
}

function describeLoss(
  graph: Graph,
  model: DependencyModel,
  unit: DiagramNode,
  members: readonly number[],
  entries: readonly number[],
  gone: readonly number[],
  working: Uint8Array,
  exact: boolean,
): SinglePointOfFailure {
  const idOf = (v: number) => graph.components[v]!.id;
  const lost = members.length === 1 ? { has: (v: number) => v === members[0] } : new Set(members);
  const entriesAffected: string[] = [];
  const broken: string[] = [];
  let brokenCount = 0;
  for (const v of gone) {
    if (model.isEntry[v]) continue;
    if (!isGroupKind(unit.kind) && lost.has(v)) continue;
    brokenCount++;
    if (broken.length < LIST_LIMIT) broken.push(idOf(v));
  }
  for (const v of entries) entriesAffected.push(idOf(v));
  // Callers that stopped: those with a flow edge into the lost component (working is the
  // state with the unit taken away, so a caller that stopped reads 0). A group's loss
  // breaks too many calls to name, so it is described by what it holds instead.
  const calls = new Set<DiagramEdge>();
  for (const v of isGroupKind(unit.kind) ? [] : members) {
    for (const edge of graph.incoming(idOf(v))) {
      const caller = graph.componentIndex.get(edge.source)!;
      if (!working[caller] && !lost.has(caller)) calls.add(edge);
    }
  }
  return { unit, entriesAffected, broken: { ids: broken, count: brokenCount, exact }, brokenCalls: [...calls] };
}
