import type { LoadReport } from './load.ts';

// The utilization thresholds of the load review, apart from its code so the page can
// colour and list figures without loading it.

/** Below this utilization a component has room for peaks; above it the review warns. */
export const HEADROOM = 0.8;
/** The utilization the review's replica counts aim under. */
export const COMFORTABLE = 0.7;

/** How busy a component is: at or over capacity, past the headroom threshold, or with room. */
export type Busy = 'over' | 'tight' | 'fine';

export function busyOf(utilization: number): Busy {
  return utilization >= 1 ? 'over' : utilization >= HEADROOM ? 'tight' : 'fine';
}

/** The fewest replicas that keep `rps` under COMFORTABLE for one instance's capacity. */
export function replicasFor(rps: number, perInstance: number, under = COMFORTABLE): number {
  return Math.max(1, Math.floor(rps / (under * perInstance)) + 1);
}

/** The `count` busiest components of a load review, busiest first (document order among equals). */
export function busiestOf(load: LoadReport, count: number): LoadReport['components'] {
  return [...load.components].sort((a, b) => b.utilization - a.utilization).slice(0, count);
}
