import * as Y from 'yjs';
import { rootsOf } from './ydiagram.ts';

// Two people's edits can each be valid and still make an invalid document together:
// one connects to a component, or puts one in a group, while the other deletes it (an
// undo of its creation included). Neither is at fault and neither edit can be taken
// back from the room, so every client that meets such a document mends it the same
// way, with deletions only:
//   - a connection to a deleted component is deleted too, as deleting the component
//     would have done;
//   - a component in a deleted group moves to the top level, keeping its coordinates
//     (the group's own position went with it).
// Deletions carry no author, so two clients mending the same thing agree.
//
// Only references to a component this document once held count: one that never
// existed is not a race but a broken or hostile update, which the guard refuses.

export interface Loose {
  /** Edges with an end at a deleted component. */
  edges: string[];
  /** Components whose group was deleted. */
  orphans: string[];
  /** Whether a reference names a component this document never held. */
  strangers: boolean;
}

const fieldOf = (element: unknown, key: string): unknown => (element instanceof Y.Map ? element.get(key) : undefined);

/** What in `ydoc` points at a component it no longer holds. */
export function looseEnds(ydoc: Y.Doc): Loose {
  const { nodes, edges } = rootsOf(ydoc);
  const loose: Loose = { edges: [], orphans: [], strangers: false };
  /** Whether `id` names a component that is gone; notes a stranger. */
  const gone = (id: unknown): boolean => {
    if (typeof id !== 'string' || nodes.has(id)) return false;
    // A deleted map entry stays in the map's item list, so a Y.Map remembers its keys.
    if (!nodes._map.has(id)) loose.strangers = true;
    return true;
  };
  edges.forEach((edge, id) => {
    const source = gone(fieldOf(edge, 'source'));
    if (gone(fieldOf(edge, 'target')) || source) loose.edges.push(id);
  });
  nodes.forEach((node, id) => {
    if (gone(fieldOf(node, 'parentId'))) loose.orphans.push(id);
  });
  return loose;
}

export const isLoose = (loose: Loose) => loose.edges.length > 0 || loose.orphans.length > 0;

/** Mends what `looseEnds` found; call it inside a transaction. */
export function tieUp(ydoc: Y.Doc, loose: Loose): void {
  const { nodes, edges, edgeOrder } = rootsOf(ydoc);
  const dropped = new Set(loose.edges);
  for (const id of dropped) edges.delete(id);
  const order = edgeOrder.toArray();
  for (let index = order.length - 1; index >= 0; index--) {
    if (dropped.has(order[index] as string)) edgeOrder.delete(index, 1);
  }
  for (const id of loose.orphans) (nodes.get(id) as Y.Map<unknown>).delete('parentId');
}

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** What a mend did, as a person reads it: after a peer's change (`crossed`), or after
 *  one's own, an undo say, that took away what a peer had just connected to. */
export function describeMend(loose: Loose, crossed: boolean): string {
  const parts: string[] = [];
  if (loose.edges.length > 0) parts.push(`${count(loose.edges.length, 'connection', 'connections')} to a deleted component ${loose.edges.length === 1 ? 'was' : 'were'} removed`);
  if (loose.orphans.length > 0) parts.push(`${count(loose.orphans.length, 'component', 'components')} in a deleted group moved to the top level`);
  const what = parts.join(', and ');
  return crossed ? `Two edits in the room crossed: ${what}.` : `${what[0]!.toUpperCase()}${what.slice(1)}, with your change.`;
}
