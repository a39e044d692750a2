import { hasTrait } from '../../model/catalogue.ts';
import { edgeNumberOf, isManaged, loadFigureOf, numberOf, textOf } from '../../model/props.ts';
import { edgeKindOf, replicasOf, type DiagramEdge } from '../../model/types.ts';
import { perGraph, type Graph } from '../graph.ts';

// Load against capacity, as the brief defines it. A client with `rps` sends that many
// requests a second; each flow edge (request or async, never replication) carries its
// caller's incoming rate times `callsPerRequest`, except that:
// - a distributor (load balancer, DNS, gateway) splits its rate over its edges by
//   `weight`, among the targets that are up;
// - a cache or CDN passes on only its misses, (1 − hitRate) of what it receives;
// - a caller that also asks a cache-aside cache sends a database only the misses of
//   the best such cache, so cache-aside and read-through give the database the same load.
//
// Cycles: rates are worked out in one pass, request paths first (see planOf). An edge
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
  /** The components clients reach, request paths first; an edge pointing back closes a cycle. */
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

  // The order rates are worked out in: the request paths first (a depth-first walk from
  // every client along request edges, finishing order reversed), and what only async
  // edges reach placed right after the component that publishes to it. An edge that
  // points back in this order closes a cycle (a stream delivering to the WebSocket
  // servers that fed it): its load still counts at its target, but is not passed on.
  const visited = new Uint8Array(n);
  const walk = (root: number, follows: (edge: DiagramEdge) => boolean): number[] => {
    const finished: number[] = [];
    const stack: { v: number; edges: { edge: DiagramEdge; target: number }[]; next: number }[] = [{ v: root, edges: targetsOf(root), next: 0 }];
    visited[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.edges.length) {
        const { edge, target } = top.edges[top.next++]!;
        if (!visited[target] && follows(edge)) {
          visited[target] = 1;
          stack.push({ v: target, edges: targetsOf(target), next: 0 });
        }
        continue;
      }
      finished.push(top.v);
      stack.pop();
    }
    return finished.reverse();
  };
  const requestOrder: number[] = [];
  const trees: number[][] = [];
  // From every client, so that latency has its paths without any rps set.
  for (const entry of graph.entries) {
    const root = componentIndex.get(entry.id)!;
    if (!visited[root]) trees.push(walk(root, (edge) => edgeKindOf(edge) === 'request'));
  }
  // Later walks first: a reverse finishing order across all of them.
  for (let t = trees.length - 1; t >= 0; t--) for (const v of trees[t]!) requestOrder.push(v);
  const order: number[] = [];
  for (const u of requestOrder) {
    order.push(u);
    for (const { edge, target } of targetsOf(u)) {
      if (edgeKindOf(edge) !== 'request' && !visited[target]) for (const v of walk(target, () => true)) order.push(v);
    }
  }
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
