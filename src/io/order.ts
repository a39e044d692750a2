import type { DiagramNode, NodeKind } from '../model/types.ts';

// Node order. React Flow needs every parent before its children, and the editor
// (model/ops.ts insertNodes) keeps nodes as regions, then zones, then components so
// groups draw behind. Given the nesting rules (regions at the top, zones in regions,
// components in either) that kind order always puts parents first.

const RANK: Partial<Record<NodeKind, number>> = { region: 0, zone: 1 };

export const rankOf = (node: DiagramNode): number => RANK[node.kind] ?? 2;

/** Regions, zones, components; otherwise the order given (the sort is stable). */
export function parentsFirst<T extends DiagramNode>(nodes: readonly T[]): T[] {
  return [...nodes].sort((a, b) => rankOf(a) - rankOf(b));
}

/** Code-unit order: the same on every machine and locale, unlike localeCompare. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order files are written in: regions, zones, components, each by id. Moving a
 *  node into or out of a group does not move it in the file, so diffs stay small. */
export function canonicalNodeOrder<T extends DiagramNode>(nodes: readonly T[]): T[] {
  return [...nodes].sort((a, b) => rankOf(a) - rankOf(b) || compareIds(a.id, b.id));
}
