import { availabilityOf } from '../../model/props.ts';
import { baseline, dependencyModel, type DependencyModel } from '../dependencies.ts';
import { perGraph, type Graph } from '../graph.ts';
import { needGraph, partsInOrder, type NeedGraph } from '../need-graph.ts';
import { Bdd, FALSE, TRUE } from './bdd.ts';
import { instancesDownChance } from './binomial.ts';
import { sampleAvailability } from './sampling.ts';

// Availability in nines, as the brief defines it: every non-entry component is up
// with the chance that at least `minHealthy` of its replicas are up (a managed one:
// its service figure), every group with its own figure, all independent; a component
// also needs every group around it up. An entry's availability is the chance that it
// works (dependencies.ts), the system's the chance that every entry works.
//
// Each unit (a group, or a component with its instances) is one variable. What makes
// an entry work is compiled into a decision diagram over those variables (bdd.ts):
// components are visited one strongly connected part of the need graph at a time,
// what they need first, and inside a cycle the functions are iterated down from "all
// working" until they stop changing, which is the largest working set of the model.
// The diagram gives the exact figure in one pass; when an entry's diagram would grow
// past a budget (and only when it has more than 22 units, so small designs are always
// exact), its figure is estimated by sampling instead, with a 95% interval.

/** A probability with how sure it is: low = high = value when exact. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
  exact: boolean;
  /** How many random states an estimate sampled; 0 when exact. */
  samples: number;
}

/** A unit and how much an entry would gain if that unit never failed. */
export interface Contributor {
  unit: string;
  /** Availability gained (a difference of probabilities). */
  gain: number;
}

export interface EntryAvailability extends Estimate {
  node: string;
  /** Units whose state can change whether this entry works. */
  units: number;
  /** The units that cost the entry most, best first; only for exact figures. */
  contributors: Contributor[];
}

export interface AvailabilityReport {
  system: Estimate;
  entries: EntryAvailability[];
  /** The units taken as failed for this report (the failure view). */
  failed: string[];
}

/** Entries with at most this many units are always exact. */
export const EXACT_UNITS = 22;
/** Operations an entry with more units may spend on its diagram before it is sampled:
 *  enough for designs of a thousand components. Once one entry goes over, the entries
 *  with bigger cones are sampled without trying. */
export const DIAGRAM_BUDGET = 200_000;
/** The contributors listed per entry. */
export const CONTRIBUTORS = 5;

interface Compiled {
  readonly graph: Graph;
  readonly model: DependencyModel;
  readonly bdd: Bdd;
  /** The unit (node id) behind each variable. */
  readonly units: readonly string[];
  readonly variableOf: ReadonlyMap<string, number>;
  /** Each variable's chance of being down with nothing failed by hand. */
  readonly q: Float64Array;
  /** Per entry (graph.entries order): its diagram, or -1 when it went over budget. */
  readonly roots: Int32Array;
  /** Per entry: how many variables it depends on that can fail. */
  readonly unitCounts: Int32Array;
  /** All entries at once, or -1. */
  readonly systemRoot: number;
}

export interface AvailabilityOptions {
  /** Units (node ids) taken as down. */
  failed?: readonly string[];
  /** Operations an entry over `exactUnits` may spend on its diagram (tests lower both). */
  budget?: number;
  exactUnits?: number;
  samples?: number;
}

/** The availability of a graph's entries and of the system, everything up by default. */
export function availability(graph: Graph, options: AvailabilityOptions = {}): AvailabilityReport {
  const { budget, exactUnits, samples, failed = [] } = options;
  const defaults = budget === undefined && exactUnits === undefined;
  // Nothing failed by hand is the report the rules read: worked out once, not again.
  if (defaults && samples === undefined && failed.length === 0) return availabilityReport(graph);
  const compiled = defaults ? compiledFor(graph) : compile(graph, budget ?? DIAGRAM_BUDGET, exactUnits ?? EXACT_UNITS);
  return evaluate(compiled, failed, samples);
}

const compiledFor = perGraph((graph) => compile(graph, DIAGRAM_BUDGET, EXACT_UNITS));

/** The report with nothing failed, worked out once per graph for the rules that ask. */
export const availabilityReport = perGraph((graph) => evaluate(compiledFor(graph), [], undefined));

function compile(graph: Graph, budget: number, exactUnits: number): Compiled {
  const model = dependencyModel(graph);
  const { working } = baseline(model);
  const need = needGraph(model, working);
  const { units, variableOf, componentVariable, groupVariables, q } = orderVariables(graph, model, need, working);
  const bdd = new Bdd(units.length);

  const own = new Int32Array(model.n).fill(-1);
  const ownOf = (c: number): number => {
    if (own[c]! >= 0) return own[c]!;
    let f = componentVariable[c]! >= 0 ? bdd.variable(componentVariable[c]!) : TRUE;
    for (const g of groupVariables(c)) f = bdd.and(bdd.variable(g), f);
    own[c] = f;
    return f;
  };

  const f = new Int32Array(model.n).fill(-1);
  const inPart = new Int32Array(model.n).fill(-1);
  /** What c's need sets give with `value(t)` for each member: the and of the sets' ors. */
  const needsMet = (c: number, value: (t: number) => number): number => {
    let result = TRUE;
    for (let s = model.setStart[c]!; s < model.setStart[c + 1]! && result !== FALSE; s++) {
      if (model.alwaysMet[s]) continue;
      let any = FALSE;
      for (let i = model.memberStart[s]!; i < model.memberStart[s + 1]! && any !== TRUE; i++) {
        const t = model.members[i]!;
        if (working[t]) any = bdd.or(any, value(t));
      }
      result = bdd.and(result, any);
    }
    return result;
  };

  const parts = partsInOrder(need, model.n, working);
  parts.forEach((part, p) => {
    for (const c of part) inPart[c] = p;
  });
  const buildPart = (part: readonly number[], p: number): boolean => {
    if (part.length === 1 && !model.isEntry[part[0]!]) {
      const c = part[0]!;
      f[c] = bdd.and(ownOf(c), needsMet(c, (t) => f[t]!));
    } else if (part.length > 1) {
      // A cycle: start with every member working and take away until nothing changes.
      const current = new Map<number, number>();
      for (const c of part) current.set(c, ownOf(c));
      for (let changed = true; changed && !bdd.overLimit; ) {
        changed = false;
        for (const c of part) {
          const next = bdd.and(ownOf(c), needsMet(c, (t) => (inPart[t] === p ? current.get(t)! : f[t]!)));
          if (next !== current.get(c)) changed = true;
          current.set(c, next);
        }
      }
      for (const c of part) f[c] = current.get(c)!;
    }
    if (!bdd.overLimit) return true;
    for (const c of part) f[c] = -1;
    return false;
  };

  const entries = graph.entries.map((node) => graph.componentIndex.get(node.id)!);
  const cones = entries.map((e) => coneOf(need, e));
  const unitCounts = Int32Array.from(cones, (cone) => countUnits(cone, componentVariable, groupVariables, q));
  const roots = new Int32Array(entries.length).fill(-1);
  let allowance = budget;
  const start = (units: number) => bdd.startBuild(units <= exactUnits ? Infinity : allowance);
  const giveUpAfterFailure = (units: number) => {
    if (units > exactUnits && bdd.overLimit) allowance = 0;
  };
  // Small cones first, so that a big one going over budget cannot starve them.
  const byCone = entries.map((_, k) => k).sort((a, b) => unitCounts[a]! - unitCounts[b]!);
  for (const k of byCone) {
    const e = entries[k]!;
    if (!working[e]) {
      roots[k] = FALSE;
      continue;
    }
    start(unitCounts[k]!);
    const cone = cones[k]!;
    const todo = [...new Set(cone.map((c) => inPart[c]!))].sort((a, b) => a - b);
    let built = true;
    for (const p of todo) {
      if (f[parts[p]![0]!]! >= 0 || model.isEntry[parts[p]![0]!]) continue;
      if (!buildPart(parts[p]!, p)) {
        built = false;
        break;
      }
    }
    if (built) {
      const root = needsMet(e, (t) => f[t]!);
      if (!bdd.overLimit) roots[k] = root;
    }
    giveUpAfterFailure(unitCounts[k]!);
  }

  let systemRoot = -1;
  if (roots.every((root) => root >= 0)) {
    const total = countUnits([...new Set(cones.flat())], componentVariable, groupVariables, q);
    start(total);
    let all = TRUE;
    for (let k = roots.length - 1; k >= 0 && all !== FALSE; k--) all = bdd.and(roots[k]!, all);
    if (!bdd.overLimit) systemRoot = all;
  }
  return { graph, model, bdd, units, variableOf, q, roots, unitCounts, systemRoot };
}

interface Variables {
  units: string[];
  variableOf: Map<string, number>;
  /** The variable of a component's own instances, or -1 (an entry, or not needed). */
  componentVariable: Int32Array;
  /** The variables of the groups around a component. */
  groupVariables: (c: number) => number[];
  q: Float64Array;
}

/**
 * One variable per unit that some entry depends on: the groups first, outermost first,
 * so every diagram splits on the common causes before anything else; then the
 * components in the order a depth-first walk from the entries meets them, which keeps
 * the parts of one path next to each other.
 */
function orderVariables(graph: Graph, model: DependencyModel, need: NeedGraph, working: Uint8Array): Variables {
  const reached: number[] = [];
  const seen = new Uint8Array(model.n);
  for (const entry of graph.entries) {
    const e = graph.componentIndex.get(entry.id)!;
    if (!working[e] || seen[e]) continue;
    const stack = [e];
    seen[e] = 1;
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (!model.isEntry[c]) reached.push(c);
      for (let i = need.start[c + 1]! - 1; i >= need.start[c]!; i--) {
        const t = need.to[i]!;
        if (!seen[t]) {
          seen[t] = 1;
          stack.push(t);
        }
      }
    }
  }
  const groupIds = new Set<string>();
  for (const c of reached) for (const g of graph.ancestors(graph.components[c]!.id)) groupIds.add(g);
  const groups = graph.groups.filter((group) => groupIds.has(group.id));
  const depth = (id: string) => graph.ancestors(id).length;
  groups.sort((a, b) => depth(a.id) - depth(b.id));

  const units: string[] = [];
  const q: number[] = [];
  const variableOf = new Map<string, number>();
  for (const group of groups) {
    variableOf.set(group.id, units.length);
    units.push(group.id);
    q.push(1 - availabilityOf(group));
  }
  const componentVariable = new Int32Array(model.n).fill(-1);
  for (const c of reached) {
    const node = graph.components[c]!;
    componentVariable[c] = units.length;
    variableOf.set(node.id, units.length);
    units.push(node.id);
    const a = availabilityOf(node);
    q.push(model.managed[c] ? 1 - a : instancesDownChance(model.replicas[c]!, model.minHealthy[c]!, a));
  }
  const groupVariables = (c: number) => graph.ancestors(graph.components[c]!.id).map((id) => variableOf.get(id)!);
  return { units, variableOf, componentVariable, groupVariables, q: Float64Array.from(q) };
}

/** The components an entry may depend on, itself included. */
function coneOf(need: NeedGraph, entry: number): number[] {
  const cone = [entry];
  const seen = new Set(cone);
  for (let head = 0; head < cone.length; head++) {
    const c = cone[head]!;
    for (let i = need.start[c]!; i < need.start[c + 1]!; i++) {
      const t = need.to[i]!;
      if (!seen.has(t)) {
        seen.add(t);
        cone.push(t);
      }
    }
  }
  return cone;
}

/** The variables under a set of components that can fail at all. */
function countUnits(cone: readonly number[], componentVariable: Int32Array, groupVariables: (c: number) => number[], q: Float64Array): number {
  const vars = new Set<number>();
  for (const c of cone) {
    if (componentVariable[c]! < 0) continue;
    vars.add(componentVariable[c]!);
    for (const g of groupVariables(c)) vars.add(g);
  }
  let count = 0;
  for (const v of vars) if (q[v]! > 0) count++;
  return count;
}

function evaluate(compiled: Compiled, failed: readonly string[], samples: number | undefined): AvailabilityReport {
  const { graph, bdd, units, variableOf, roots } = compiled;
  const q = Float64Array.from(compiled.q);
  const down = new Set<number>();
  for (const id of failed) {
    const v = variableOf.get(id);
    if (v === undefined) continue;
    q[v] = 1;
    down.add(v);
  }
  const falseChance = bdd.falseChances(q);
  const exactOf = (root: number): Estimate => {
    const value = 1 - falseChance[root]!;
    return { value, low: value, high: value, exact: true, samples: 0 };
  };

  const sampled = [...roots].some((root) => root < 0) || compiled.systemRoot < 0 ? sampleAvailability(compiled.model, graph, units, q, samples) : undefined;
  const entries = graph.entries.map((node, k): EntryAvailability => {
    const root = roots[k]!;
    if (root < 0) return { node: node.id, ...sampled!.entries[k]!, units: compiled.unitCounts[k]!, contributors: [] };
    return { node: node.id, ...exactOf(root), units: compiled.unitCounts[k]!, contributors: contributorsOf(bdd, root, q, falseChance, units, down) };
  });
  const system = compiled.systemRoot >= 0 ? exactOf(compiled.systemRoot) : sampled!.system;
  return { system, entries, failed: failed.filter((id) => variableOf.has(id)) };
}

/** The units whose never failing would gain the entry most: q times Birnbaum's importance. */
function contributorsOf(
  bdd: Bdd,
  root: number,
  q: Float64Array,
  falseChance: Float64Array,
  units: readonly string[],
  down: ReadonlySet<number>,
): Contributor[] {
  const gains: Contributor[] = [];
  for (const [v, importance] of bdd.sensitivity(root, q, falseChance)) {
    const gain = q[v]! * importance;
    if (gain > 0 && !down.has(v)) gains.push({ unit: units[v]!, gain });
  }
  // Gains equal but for rounding (four lone instances of one figure) keep the units' order.
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(a, b);
  return gains.sort((a, b) => (same(a.gain, b.gain) ? (a.unit < b.unit ? -1 : 1) : b.gain - a.gain)).slice(0, CONTRIBUTORS);
}
