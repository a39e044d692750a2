import type { EdgeChange, NodeChange } from '@xyflow/react';

/** The selection after React Flow's select changes, or null when they change nothing. */
export function applySelection(current: ReadonlySet<string>, changes: readonly (NodeChange | EdgeChange)[]): Set<string> | null {
  let next: Set<string> | null = null;
  for (const change of changes) {
    if (change.type !== 'select' || current.has(change.id) === change.selected) continue;
    next ??= new Set(current);
    if (change.selected) next.add(change.id);
    else next.delete(change.id);
  }
  return next;
}
