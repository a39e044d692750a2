import { hasTrait } from '../../model/catalogue.ts';
import { edgeNumberOf, isManaged, loadFigureOf, numberOf, textOf } from '../../model/props.ts';
import { edgeKindOf, replicasOf, type DiagramEdge } from '../../model/types.ts';
import { perGraph, type Graph } from '../graph.ts';
import { MinHeap } from '../min-heap.ts';

// Load against capacity, as the brief defines it. A client with `rps` sends that many
// requests a second; each flow edge (request or async, never replication) carries its
// caller's incoming rate times `callsPerRequest`, except that:
// - a distributor (load balancer, DNS, gateway) splits its rate over its edges by
//   `weight`, among the targets that are up;
// - a cache or CDN passes on only its misses, (1 − hitRate) of what it receives;
// - a caller that also asks a cache-aside cache sends a database only the misses of
//   the best such cache, so cache-aside and read-through give the database the same load.
//
// Cycles: rates are worked out in one pass, in the order flowOrder gives. An edge
// that points back in that order closes a cycle: its load counts at its target, which
// has already passed on what it received, so a loop is followed once and the figures
// stay finite whatever its gain.

export interface ComponentLoad {
  node: string;
  /** Requests a second arriving. */
  rps: number;
  /** Requests a second it can serve: per instance times replicas (managed: the service's). */
  capacityRps: number;
  utilization: number;
}

export interface LoadState {
  /** Incoming requests a second, by component index. */
  readonly rate: Float64Array;
  /** Requests a second per flow edge id. */
  readonly edgeRate: ReadonlyMap<string, number>;
  /** Capacity a second, by component index, with what is lost taken away. */
  readonly capacity: Float64Array;
}

export interface LoadReport {
  /** True when some client has `rps`: only then do rates mean anything. */
  active: boolean;
  /** Every component that receives load, in document order. */
  components: ComponentLoad[];
  edgeRate: ReadonlyMap<string, number>;
  cost: CostReport;
}

export interface CostReport {
  /** Dollars a month for the whole design. */
  total: number;
  /** Each component that costs something, dearest first. */
  components: { node: string; monthly: number }[];
}

/** A flow edge as the load pass reads it: calls per request times the share past a
 *  cache-aside cache, and its weight at a distributor. */
export interface Step {
  readonly edge: DiagramEdge;
  readonly target: number;
  factor: number;
  readonly weight: number;
}

export interface Plan {
  /** The components clients reach, each after its senders (see flowOrder); an edge pointing back closes a cycle. */
  readonly order: readonly number[];
  /** The flow edges out of each component; those pointing back in `order` close a cycle. */
  readonly forward: readonly (readonly Step[])[];
  /** The share of its incoming rate each component passes on: its misses, or all of it. */
  readonly passOn: Float64Array;
  /** 1 for a distributor, which splits its rate by weight instead of calling every target. */
  readonly distributes: Uint8Array;
  readonly sources: readonly { v: number; rps: number }[];
}

/** How the load flows through a graph, worked out once per graph. */
export const plans = perGraph(planOf);

function planOf(graph: Graph): Plan {
  const { components, componentIndex } = graph;
  const n = components.length;
  const sources: { v: number; rps: number }[] = [];
  for (const entry of graph.entries) {
    const rps = numberOf(entry, 'rps') ?? 0;
    if (rps > 0) sources.push({ v: componentIndex.get(entry.id)!, rps });
  }
  const targetLists: ({ edge: DiagramEdge; target: number }[] | undefined)[] = new Array(n);
  const targetsOf = (v: number) => (targetLists[v] ??= graph.outgoing(components[v]!.id).map((edge) => ({ edge, target: componentIndex.get(edge.target)! })));

  const order = flowOrder(n, graph.entries.map((entry) => componentIndex.get(entry.id)!), targetsOf);
  const forward: Step[][] = Array.from({ length: n }, () => []);
  for (const v of order) for (const { edge, target } of targetsOf(v)) forward[v]!.push({ edge, target, factor: callsOf(edge), weight: weightOf(edge) });

  for (const v of order) {
    let best = 0;
    for (const { target } of forward[v]!) {
      const node = components[target]!;
      if (hasTrait(node.kind, 'cachesResponses') && hasTrait(node.kind, 'dataStore') && textOf(node, 'strategy') === 'cache-aside') {
        best = Math.max(best, loadFigureOf(node, 'hitRate'));
      }
    }
    if (best === 0) continue;
    for (const step of forward[v]!) {
      if (!hasTrait(components[step.target]!.kind, 'database')) continue;
      step.factor *= 1 - best;
    }
  }
  const passOn = Float64Array.from(components, (node) => (hasTrait(node.kind, 'cachesResponses') ? 1 - loadFigureOf(node, 'hitRate') : 1));
  const distributes = Uint8Array.from(components, (node) => (hasTrait(node.kind, 'distributor') ? 1 : 0));
  return { order, forward, sources, passOn, distributes };
}

type Targets = (v: number) => readonly { edge: DiagramEdge; target: number }[];

/**
 * The order rates are worked out in: every component comes after everything that sends
 * to it, except along the few edges that must point back to break a cycle. Request
 * edges are kept forward wherever they can be: first a depth-first walk along request
 * edges only (from the clients, then from what only async edges reach) finds the
 * request calls that close a loop. Then the components are placed as soon as all their
 * senders are; when only cycles are left, the component nearest the clients (in
 * breadth-first order) whose request callers are all placed goes first, and the async
 * deliveries still owed to it point back. So a
 * stream delivering to the WebSocket servers that fed it closes the loop at the
 * delivery, and a queue two publishers feed is worked out after both of them.
 */
function flowOrder(n: number, entries: readonly number[], targetsOf: Targets): number[] {
  const reached = new Uint8Array(n);
  const discovered: number[] = [];
  for (const root of entries) {
    if (reached[root]) continue;
    reached[root] = 1;
    discovered.push(root);
  }
  for (let i = 0; i < discovered.length; i++) {
    for (const { target } of targetsOf(discovered[i]!)) {
      if (reached[target]) continue;
      reached[target] = 1;
      discovered.push(target);
    }
  }

  // Request edges only: an edge to a component still on the walk's stack closes a request loop.
  const state = new Uint8Array(n); // 0 unseen, 1 on the stack, 2 finished
  const backRequest = new Set<DiagramEdge>();
  for (const root of discovered) {
    if (state[root]) continue;
    const stack: { v: number; next: number }[] = [{ v: root, next: 0 }];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = targetsOf(top.v);
      if (top.next < edges.length) {
        const { edge, target } = edges[top.next++]!;
        if (edgeKindOf(edge) !== 'request') continue;
        if (state[target] === 1) backRequest.add(edge);
        else if (state[target] === 0) {
          state[target] = 1;
          stack.push({ v: target, next: 0 });
        }
        continue;
      }
      state[top.v] = 2;
      stack.pop();
    }
  }
  const nearness = new Int32Array(n);
  discovered.forEach((v, i) => (nearness[v] = i));

  const requestsOwed = new Int32Array(n);
  const deliveriesOwed = new Int32Array(n);
  for (const u of discovered) {
    for (const { edge, target } of targetsOf(u)) {
      if (backRequest.has(edge)) continue;
      if (edgeKindOf(edge) === 'request') requestsOwed[target]!++;
      else deliveriesOwed[target]!++;
    }
  }
  const placed = new Uint8Array(n);
  const order: number[] = [];
  const ready: number[] = [];
  const waiting = new MinHeap((v) => nearness[v]!); // request callers placed, deliveries owed
  const arrive = (v: number) => {
    if (requestsOwed[v] !== 0) return;
    if (deliveriesOwed[v] === 0) ready.push(v);
    else waiting.push(v);
  };
  for (const v of discovered) arrive(v);
  while (order.length < discovered.length) {
    // The request edges left form no loop, so something is always ready or waiting.
    const v = ready.pop() ?? waiting.pop()!;
    if (placed[v]) continue;
    placed[v] = 1;
    order.push(v);
    for (const { edge, target } of targetsOf(v)) {
      if (placed[target] || backRequest.has(edge)) continue;
      if (edgeKindOf(edge) === 'request') requestsOwed[target]!--;
      else deliveriesOwed[target]!--;
      arrive(target);
    }
  }
  return order;
}

/** Capacity a second of each component, by index. */
function capacities(graph: Graph): Float64Array {
  return Float64Array.from(graph.components, (node) => {
    if (hasTrait(node.kind, 'entry')) return Infinity;
    const perInstance = loadFigureOf(node, 'capacityRps');
    return isManaged(node) ? perInstance : perInstance * replicasOf(node);
  });
}

const baseCapacities = perGraph(capacities);

/**
 * The rates with some components down (`lost`, by index) and capacities scaled by
 * `capacityShare` (a zone lost takes its share of a component spread over the region).
 * Lost components receive and pass on nothing; distributors split over what is left.
 */
export function loadState(graph: Graph, lost?: Uint8Array, capacityShare?: Float64Array): LoadState {
  if (!lost && !capacityShare) return baseState(graph);
  return propagate(graph, lost, capacityShare);
}

const baseState = perGraph((graph: Graph) => propagate(graph));

function propagate(graph: Graph, lost?: Uint8Array, capacityShare?: Float64Array): LoadState {
  const { order, forward, sources, passOn, distributes } = plans(graph);
  const rate = new Float64Array(graph.components.length);
  const edgeRate = new Map<string, number>();
  for (const { v, rps } of sources) rate[v]! += rps;
  for (const v of order) {
    const incoming = rate[v]!;
    const edges = forward[v]!;
    if (incoming === 0 || edges.length === 0 || lost?.[v]) continue;
    const outgoing = incoming * passOn[v]!;
    let totalWeight = 0;
    if (distributes[v]) for (const step of edges) if (!lost?.[step.target]) totalWeight += step.weight;
    for (const step of edges) {
      if (lost?.[step.target]) continue;
      const carried = outgoing * step.factor * (distributes[v] ? step.weight / totalWeight : 1);
      edgeRate.set(step.edge.id, (edgeRate.get(step.edge.id) ?? 0) + carried);
      rate[step.target]! += carried;
    }
  }
  const base = baseCapacities(graph);
  const capacity = capacityShare ? base.map((c, v) => c * capacityShare[v]!) : base;
  return { rate, edgeRate, capacity };
}

// Both have a default of 1 in the catalogue, which edgeNumberOf applies.
const callsOf = (edge: DiagramEdge) => edgeNumberOf(edge, 'callsPerRequest')!;
const weightOf = (edge: DiagramEdge) => edgeNumberOf(edge, 'weight')!;

/** The load review with everything up, worked out once per graph. */
export const loadReport = perGraph((graph): LoadReport => {
  const { rate, edgeRate, capacity } = loadState(graph);
  const components: ComponentLoad[] = [];
  graph.components.forEach((node, v) => {
    if (hasTrait(node.kind, 'entry') || rate[v] === 0) return;
    components.push({ node: node.id, rps: rate[v]!, capacityRps: capacity[v]!, utilization: capacity[v]! > 0 ? rate[v]! / capacity[v]! : Infinity });
  });
  return { active: plans(graph).sources.length > 0, components, edgeRate, cost: costOf(graph) };
});

function costOf(graph: Graph): CostReport {
  const components: { node: string; monthly: number }[] = [];
  let total = 0;
  for (const node of graph.components) {
    const monthly = loadFigureOf(node, 'costPerMonth') * (isManaged(node) ? 1 : replicasOf(node));
    if (monthly <= 0) continue;
    total += monthly;
    components.push({ node: node.id, monthly });
  }
  components.sort((a, b) => b.monthly - a.monthly || (a.node < b.node ? -1 : 1));
  return { total, components };
}
