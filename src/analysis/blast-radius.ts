import type { Diagram } from '../model/types.ts';
import { baseline, dependencyModel, takeAway } from './dependencies.ts';
import { buildGraph } from './graph.ts';
import { unitMembers } from './spof.ts';

// "What if this fails?": the same dependency model as the review, with any set of
// units lost at once (a zone and a database, say).

export interface BlastRadius {
  /** The components that go down themselves: the failed ones and everything inside a failed group. */
  down: string[];
  /** Components, entries aside, that are up but stop working because of it, nearest first. */
  stopped: string[];
  /** Entries that stop working, in document order. */
  entriesAffected: string[];
}

const NOTHING: BlastRadius = Object.freeze({ down: [], stopped: [], entriesAffected: [] });

/** What breaks with `unitIds` all lost and everything else up. Unknown ids lose nothing;
 *  what did not work even with everything up is not counted. */
export function blastRadius(doc: Diagram, unitIds: readonly string[]): BlastRadius {
  const graph = buildGraph(doc);
  const units = unitIds.map((id) => graph.nodes.get(id)).filter((node) => node !== undefined);
  if (units.length === 0) return NOTHING;
  const model = dependencyModel(graph);
  const { working, count } = baseline(model);
  const lost = new Set(units.flatMap((unit) => unitMembers(graph, unit)));
  const { gone } = takeAway(model, working, count, lost);
  const idOf = (v: number) => graph.components[v]!.id;
  return {
    down: gone.filter((v) => lost.has(v)).map(idOf),
    stopped: gone.filter((v) => !lost.has(v) && !model.isEntry[v]).map(idOf),
    entriesAffected: gone.filter((v) => model.isEntry[v]).sort((a, b) => a - b).map(idOf),
  };
}
