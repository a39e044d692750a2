import { isManaged, loadFigureOf } from '../../model/props.ts';
import type { Graph } from '../graph.ts';
import { formatCount } from '../words.ts';
import { replicasFor } from './headroom.ts';
import type { ComponentLoad } from './load.ts';

// How the load findings put their figures: requests a second, utilization, and the
// replicas that fix it.

/** 1234.5 -> "1,235"; 0.25 -> "0.25". */
export function formatRate(rps: number): string {
  if (rps >= 100 || Number.isInteger(rps)) return formatCount(Math.round(rps));
  return String(Number(rps.toPrecision(2)));
}

/** 1234.4 -> "$1,234". */
export function formatDollars(dollars: number): string {
  return `$${formatCount(Math.round(dollars))}`;
}

/** 183.9 -> "184 ms", 2.46 -> "2.5 ms"; no bound past capacity. */
export function formatMs(ms: number): string {
  if (ms === Infinity) return 'without bound';
  return `${ms >= 10 ? formatCount(Math.round(ms)) : Number(ms.toPrecision(2))} ms`;
}

/** 1.234 -> "123%". */
export function formatUtilization(utilization: number): string {
  return utilization === Infinity ? 'no capacity at all' : `${Math.round(utilization * 100)}%`;
}

/** "URL database gets 4,000 requests a second against the 2,000 it can serve (200%)". */
export function describeLoad(graph: Graph, load: ComponentLoad): string {
  return `${graph.label(load.node)} gets ${formatRate(load.rps)} requests a second against the ${formatRate(load.capacityRps)} it can serve (${formatUtilization(load.utilization)})`;
}

/** "it needs 3 replicas to stay under 70%", or for a managed service the capacity it needs. */
export function capacityAdvice(graph: Graph, load: ComponentLoad): string {
  const node = graph.nodes.get(load.node)!;
  const perInstance = loadFigureOf(node, 'capacityRps');
  if (isManaged(node) || perInstance <= 0) return `it needs a capacity of at least ${formatRate(load.rps / 0.7)} requests a second to stay under 70%`;
  return `it needs ${formatCount(replicasFor(load.rps, perInstance))} replicas to stay under 70%`;
}

/** A client's response time against its budget, as the Numbers region and the report
 *  say it: "Responds in 65 ms on average, 300 ms at p99 (budget 500 ms: met)". */
export function describeLatency({ meanMs, p99Ms }: { meanMs: number; p99Ms: number }, budgetMs: number | undefined): { text: string; over: boolean } {
  if (p99Ms === Infinity) return { text: 'No bound on response time: something on its path is over capacity.', over: true };
  const over = budgetMs !== undefined && p99Ms > budgetMs;
  const budget = budgetMs === undefined ? '' : ` (budget ${formatMs(budgetMs)}: ${over ? 'missed' : 'met'})`;
  return { text: `Responds in ${formatMs(meanMs)} on average, ${formatMs(p99Ms)} at p99${budget}`, over };
}
