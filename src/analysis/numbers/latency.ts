import { hasTrait } from '../../model/catalogue.ts';
import { loadFigureOf } from '../../model/props.ts';
import { edgeKindOf } from '../../model/types.ts';
import { perGraph, type Graph } from '../graph.ts';
import { loadState, plans } from './load.ts';

// How long a client waits, from the service time of each component on its request path
// and how busy that component is at the clients' peak.
//
// Each instance is taken as a single-server queue with random arrivals and service
// times (M/M/1): at utilization ρ a request spends S / (1 − ρ) on average, S being
// `latencyMs`, and the time is exponentially distributed, so its 99th percentile is
// ln(100) ≈ 4.6 times the mean. At or past capacity the wait has no bound.
//
// Along a path: a component's time is its own plus that of what it calls in turn,
// `callsPerRequest` times each (one after the other); a distributor sends each request
// to one target, so its targets' times are averaged by weight; a cache or CDN calls
// behind it only on a miss, and so does a caller for the database behind its cache-aside
// cache. Async edges add nothing: the caller does not wait. The p99 of a path is the sum
// of its parts' p99s, which overstates it a little (the slowest moments of each hop
// rarely coincide), so a design that passes has margin.

const P99_FACTOR = Math.log(100);

export interface EntryLatency {
  node: string;
  meanMs: number;
  p99Ms: number;
}

/** Mean and p99 time per component at the given utilization: Infinity at or past capacity. */
export function responseTime(serviceMs: number, utilization: number): { mean: number; p99: number } {
  if (utilization >= 1) return { mean: Infinity, p99: Infinity };
  const mean = serviceMs / (1 - utilization);
  return { mean, p99: mean * P99_FACTOR };
}

/** Each client's mean and p99 response time, in document order. */
export const latencyReport = perGraph((graph: Graph): EntryLatency[] => {
  const plan = plans(graph);
  const { rate, capacity } = loadState(graph);
  const { components, componentIndex } = graph;
  const mean = new Float64Array(components.length);
  const p99 = new Float64Array(components.length);
  // Reverse of the flow order: every callee is done before its callers. A call that
  // closes a cycle finds its target not done yet and adds nothing: a loop is waited on once.
  for (let i = plan.order.length - 1; i >= 0; i--) {
    const v = plan.order[i]!;
    const node = components[v]!;
    const own = hasTrait(node.kind, 'entry') ? { mean: 0, p99: 0 } : responseTime(loadFigureOf(node, 'latencyMs'), capacity[v]! > 0 ? rate[v]! / capacity[v]! : Infinity);
    let behindMean = 0;
    let behind99 = 0;
    let total = 0;
    if (plan.distributes[v]) for (const step of plan.forward[v]!) if (edgeKindOf(step.edge) === 'request') total += step.weight;
    for (const step of plan.forward[v]!) {
      if (edgeKindOf(step.edge) !== 'request') continue;
      const times = plan.distributes[v] ? step.weight / total : step.factor;
      behindMean += times * mean[step.target]!;
      behind99 += times * p99[step.target]!;
    }
    mean[v] = own.mean + plan.passOn[v]! * behindMean;
    p99[v] = own.p99 + plan.passOn[v]! * behind99;
  }
  return graph.entries.map((entry) => {
    const v = componentIndex.get(entry.id)!;
    return { node: entry.id, meanMs: mean[v]!, p99Ms: p99[v]! };
  });
});
