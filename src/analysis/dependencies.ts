import { hasTrait } from '../model/catalogue.ts';
import { isManaged, isOptionalEdge, minHealthyOf, needsOf } from '../model/props.ts';
import { replicasOf } from '../model/types.ts';
import { perGraph, type Graph } from './graph.ts';
import { compressedRows } from './rows.ts';

// The dependency model of the brief ("How the analysis decides"): what each component
// needs of the components it calls, and which components work in a given state.
//
// A component needs one member of each of its need sets. `needs: "all"` makes each
// flow target a set of its own, `needs: "any"` puts them all in one set, and without
// `needs` interchangeable targets (one stateless kind, labels equal but for a copy
// marker) share a set while every other target is a set of its own. Optional edges
// are not needs, a third-party component needs nothing of ours, and a set holding a
// client is always met.
//
// In a state where some components are up, the working components are the largest set
// of up components in which each one has every need set met by a working member. It
// is found by starting from every up component and taking away, until nothing
// changes, any whose need set has lost its last working member. Starting from more
// than the answer and only ever taking away is what makes it the largest such set, so
// a cycle of components that support each other keeps working.
//
// Everything is numbered by component (the graph's document order) and kept in flat
// integer arrays, so that a state is evaluated with no allocation per component.

export interface DependencyModel {
  readonly graph: Graph;
  /** Number of components. */
  readonly n: number;
  /** The need sets of component `v` are `setStart[v] .. setStart[v + 1] - 1`. */
  readonly setStart: Int32Array;
  /** The members of set `s` are `members[memberStart[s] .. memberStart[s + 1] - 1]`. */
  readonly memberStart: Int32Array;
  readonly members: Int32Array;
  readonly setOwner: Int32Array;
  /** 1 when the set holds a client, which is always there to serve it. */
  readonly alwaysMet: Uint8Array;
  /** The sets component `v` is a member of: `memberOf[memberOfStart[v] .. memberOfStart[v + 1] - 1]`. */
  readonly memberOfStart: Int32Array;
  readonly memberOf: Int32Array;
  readonly isEntry: Uint8Array;
  readonly managed: Uint8Array;
  readonly replicas: Int32Array;
  readonly minHealthy: Int32Array;
}

/** "Web 1", "web-2" and " WEB_3 " pool together; so do "lb-a" and "lb-b". */
export function poolLabel(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/(?:[ _-]?\d+|[ _-][a-z])$/, '')
    .trim();
}

/** The graph's dependency model, built once and shared by every reader of that graph. */
export const dependencyModel = perGraph(buildModel);

function buildModel(graph: Graph): DependencyModel {
  const { components, componentIndex } = graph;
  const n = components.length;
  const setStart = new Int32Array(n + 1);
  const owners: number[] = [];
  const always: number[] = [];
  const memberStarts: number[] = [0];
  const memberList: number[] = [];
  // Each target once per caller: `seen[t] === v` when caller v already listed t.
  const seen = new Int32Array(n).fill(-1);
  const targets: number[] = [];
  // One map reused for every caller's pools: a map per component would dominate the build.
  const pools = new Map<string, number[]>();

  // Per component once: what pooling and the sets need to know of it as a target,
  // and the figures that decide when it is up.
  const isEntry = new Uint8Array(n);
  const poolKey: (string | undefined)[] = new Array(n);
  const managed = new Uint8Array(n);
  const replicas = new Int32Array(n);
  const minHealthy = new Int32Array(n);
  components.forEach((node, v) => {
    isEntry[v] = hasTrait(node.kind, 'entry') ? 1 : 0;
    if (hasTrait(node.kind, 'stateless')) poolKey[v] = `${node.kind}\u0000${poolLabel(node.label)}`;
    managed[v] = isManaged(node) ? 1 : 0;
    replicas[v] = replicasOf(node);
    minHealthy[v] = minHealthyOf(node);
  });

  const addSet = (owner: number, set: readonly number[]) => {
    owners.push(owner);
    always.push(set.some((t) => isEntry[t] === 1) ? 1 : 0);
    for (const t of set) memberList.push(t);
    memberStarts.push(memberList.length);
  };

  for (let v = 0; v < n; v++) {
    setStart[v] = owners.length;
    const node = components[v]!;
    if (hasTrait(node.kind, 'external')) continue;
    targets.length = 0;
    for (const edge of graph.outgoing(node.id)) {
      if (isOptionalEdge(edge)) continue;
      const t = componentIndex.get(edge.target)!;
      if (seen[t] === v) continue;
      seen[t] = v;
      targets.push(t);
    }
    if (targets.length === 0) continue;
    const needs = needsOf(node);
    if (needs === 'any') {
      addSet(v, targets);
    } else if (needs === 'all') {
      for (const t of targets) addSet(v, [t]);
    } else {
      for (const set of targets.length === 1 ? [targets] : pooled(poolKey, targets, pools)) addSet(v, set);
    }
  }
  setStart[n] = owners.length;

  const memberStart = Int32Array.from(memberStarts);
  const members = Int32Array.from(memberList);
  // The reverse index: for each component, the sets it is a member of.
  const setOfSlot = new Int32Array(members.length);
  for (let set = 0; set < owners.length; set++) setOfSlot.fill(set, memberStart[set], memberStart[set + 1]);
  const [memberOfStart, memberOf] = compressedRows(n, members, setOfSlot);
  return {
    graph,
    n,
    setStart,
    memberStart,
    members,
    setOwner: Int32Array.from(owners),
    alwaysMet: Uint8Array.from(always),
    memberOfStart,
    memberOf,
    isEntry,
    managed,
    replicas,
    minHealthy,
  };
}

/** Targets grouped into need sets: interchangeable ones together, in the order first seen. */
function pooled(poolKey: readonly (string | undefined)[], targets: readonly number[], pools: Map<string, number[]>): number[][] {
  const sets: number[][] = [];
  pools.clear();
  for (const t of targets) {
    const key = poolKey[t];
    if (key === undefined) {
      sets.push([t]);
      continue;
    }
    const pool = pools.get(key);
    if (pool) {
      pool.push(t);
    } else {
      const fresh = [t];
      pools.set(key, fresh);
      sets.push(fresh);
    }
  }
  return sets;
}

/** Whether component `v` is a failure unit of its own: one lost instance stops it. */
export function isFailingAlone(model: DependencyModel, v: number): boolean {
  return !model.isEntry[v] && !model.managed[v] && model.replicas[v]! - 1 < model.minHealthy[v]!;
}

/**
 * The working components, worked out by taking away. `working` is the state to start
 * from and is changed in place; `count[s]` must hold how many members of set `s` are
 * in it (a set that is always met counts one more than it has). Returns the components
 * taken away, in the order they stopped: the lost ones first, then what stopped
 * because of them, nearest first. With a `limit`, it stops once that many are gone
 * (what it took away can still be given back).
 */
export function takeAway(
  model: DependencyModel,
  working: Uint8Array,
  count: Int32Array,
  lost: Iterable<number>,
  limit = Infinity,
): Taken {
  const gone: number[] = [];
  for (const v of lost) {
    if (!working[v]) continue;
    working[v] = 0;
    gone.push(v);
  }
  const { memberOfStart, memberOf, setOwner } = model;
  let head = 0;
  for (; head < gone.length && gone.length < limit; head++) {
    const v = gone[head]!;
    for (let i = memberOfStart[v]!; i < memberOfStart[v + 1]!; i++) {
      const s = memberOf[i]!;
      if (--count[s]! === 0) {
        const owner = setOwner[s]!;
        if (working[owner]) {
          working[owner] = 0;
          gone.push(owner);
        }
      }
    }
  }
  return { gone, followed: head };
}

/** What `takeAway` took: `gone` in order, the first `followed` of them followed through. */
export interface Taken {
  readonly gone: number[];
  readonly followed: number;
}

/** Undoes `takeAway`: `gone` comes back, and the counts with it. */
export function giveBack(model: DependencyModel, working: Uint8Array, count: Int32Array, taken: Taken): void {
  const { memberOfStart, memberOf } = model;
  taken.gone.forEach((v, k) => {
    working[v] = 1;
    if (k >= taken.followed) return;
    for (let i = memberOfStart[v]!; i < memberOfStart[v + 1]!; i++) count[memberOf[i]!]!++;
  });
}

export interface Baseline {
  /** 1 for each component that works with everything up. */
  readonly working: Uint8Array;
  /** Working members per need set, for `takeAway` from the baseline. */
  readonly count: Int32Array;
}

/** The state with every failure unit up: only components that can never have enough
 *  instances (minHealthy above replicas) are down. */
export function baseline(model: DependencyModel): Baseline {
  const working = new Uint8Array(model.n).fill(1);
  const count = new Int32Array(model.setOwner.length);
  for (let s = 0; s < count.length; s++) {
    count[s] = model.memberStart[s + 1]! - model.memberStart[s]! + model.alwaysMet[s]!;
  }
  const never: number[] = [];
  for (let v = 0; v < model.n; v++) if (!model.isEntry[v] && model.replicas[v]! < model.minHealthy[v]!) never.push(v);
  takeAway(model, working, count, never);
  return { working, count };
}
