import { baseline, giveBack, takeAway, type DependencyModel } from '../dependencies.ts';
import type { Graph } from '../graph.ts';
import type { Estimate } from './availability.ts';
import { seededRandom } from './random.ts';

// The estimate for designs whose decision diagram would be too big: random states of
// the units, each failing with its own chance, and in each the entries that still work
// (taken away from the all-up state, as the single-point-of-failure review does). The
// figure comes with its 95% Wilson interval and says it is an estimate. The seed is
// fixed, so the same document always gives the same figures.

/** States sampled at most. */
export const SAMPLES = 20_000;
/** Components taken away, in all, before sampling stops early (big, fragile designs). */
const WORK = 1_500_000;
const Z = 1.96;

export interface Sampled {
  /** Per entry, in graph.entries order. */
  entries: Estimate[];
  system: Estimate;
}

export function sampleAvailability(
  model: DependencyModel,
  graph: Graph,
  units: readonly string[],
  q: Float64Array,
  samples = SAMPLES,
  seed = 1,
): Sampled {
  const rand = seededRandom(seed);
  const { working, count } = baseline(model);
  const membersOf = units.map((id) => {
    const v = graph.componentIndex.get(id);
    if (v !== undefined) return [v];
    return graph.members(id).map((m) => graph.componentIndex.get(m)!).filter((m) => !model.isEntry[m]);
  });
  // Units with the same chance are drawn together: the gap to the next failing one is
  // geometric, so a sample costs about as much as what fails in it.
  const classes = new Map<number, number[]>();
  q.forEach((chance, v) => {
    if (chance <= 0) return;
    const list = classes.get(chance);
    if (list) list.push(v);
    else classes.set(chance, [v]);
  });
  const entries = graph.entries.map((node) => graph.componentIndex.get(node.id)!);
  const works = new Int32Array(entries.length);
  let allWork = 0;
  let drawn = 0;
  let work = 0;
  const lost: number[] = [];
  while (drawn < samples && (work < WORK || drawn < 100)) {
    lost.length = 0;
    for (const [chance, vars] of classes) {
      if (chance >= 1) {
        for (const v of vars) for (const c of membersOf[v]!) lost.push(c);
        continue;
      }
      const step = Math.log1p(-chance);
      for (let i = Math.floor(Math.log(rand()) / step); i < vars.length; i += 1 + Math.floor(Math.log(rand()) / step)) {
        for (const c of membersOf[vars[i]!]!) lost.push(c);
      }
    }
    const taken = takeAway(model, working, count, lost);
    let all = 1;
    entries.forEach((e, k) => {
      if (working[e]) works[k]!++;
      else all = 0;
    });
    allWork += all;
    work += taken.gone.length + lost.length + 1;
    giveBack(model, working, count, taken);
    drawn++;
  }
  return { entries: Array.from(works, (k) => wilson(k, drawn)), system: wilson(allWork, drawn) };
}

/** The 95% Wilson score interval of k successes in n trials. */
export function wilson(k: number, n: number): Estimate {
  const p = k / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half), exact: false, samples: n };
}
