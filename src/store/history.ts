import type { Diagram } from '../model/types.ts';

// Undo history as snapshots. Edits share structure with the document before them,
// so a snapshot costs only what changed.

export const HISTORY_LIMIT = 500;

export interface History {
  past: readonly Diagram[];
  future: readonly Diagram[];
}

export const emptyHistory: History = { past: [], future: [] };

export function record(history: History, before: Diagram): History {
  const past = history.past.length >= HISTORY_LIMIT ? history.past.slice(1) : history.past;
  return { past: [...past, before], future: [] };
}

export function undo(history: History, current: Diagram): { history: History; doc: Diagram } | undefined {
  const doc = history.past.at(-1);
  if (!doc) return undefined;
  return { doc, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } };
}

export function redo(history: History, current: Diagram): { history: History; doc: Diagram } | undefined {
  const doc = history.future[0];
  if (!doc) return undefined;
  return { doc, history: { past: [...history.past, current], future: history.future.slice(1) } };
}
