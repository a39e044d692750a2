import { isGroupKind, type Diagram } from '../model/types.ts';
import { flowIndexOf } from './flow-index.ts';
import { buildGraph } from './graph.ts';
import { entryReachBySearch, LossWorkspace } from './loss.ts';

export interface BlastRadius {
  /** Components that some entry reached before the failure and no longer does: the
   *  failed component itself (or the group's members) when they were reached, and
   *  everything cut off behind them. Nearest first. */
  lost: string[];
  /** Entries that can no longer reach a terminal they reached before, in document order. */
  entriesAffected: string[];
  /** The terminals among `lost`. */
  unreachableTerminals: string[];
}

const NOTHING: BlastRadius = Object.freeze({ lost: [], entriesAffected: [], unreachableTerminals: [] });

/**
 * "What if this fails?": everything that goes down with one component or group. A
 * group takes all its members with it, whatever their replicas; a component is taken
 * down as a whole, all replicas at once. Entries inside a lost group are gone and
 * are not counted as affected. Unknown ids lose nothing.
 */
export function blastRadius(doc: Diagram, unitId: string): BlastRadius {
  const graph = buildGraph(doc);
  const unit = graph.nodes.get(unitId);
  if (!unit) return NOTHING;
  const index = flowIndexOf(graph);
  const lostIds = isGroupKind(unit.kind) ? graph.members(unit.id) : [unit.id];
  const workspace = new LossWorkspace(index, entryReachBySearch(index));
  const loss = workspace.lossOf(lostIds.map((id) => index.indexOf.get(id)!));
  const ids = (list: readonly number[]) => list.map((v) => index.ids[v]!);
  return {
    lost: ids(loss.cutOff),
    entriesAffected: ids(loss.entriesAffected),
    unreachableTerminals: ids(loss.terminalsCutOff),
  };
}
