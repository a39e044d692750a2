import type { DiagramEdge } from '../model/types.ts';
import type { Graph } from './graph.ts';

// Breadth-first traversals over ids, with a queue instead of recursion so that a
// chain of any length is fine.

/** Everything reachable from `starts` (included) by repeatedly taking `next`. */
export function reach(starts: Iterable<string>, next: (id: string) => Iterable<string>): Set<string> {
  const seen = new Set<string>(starts);
  const queue = [...seen];
  for (let head = 0; head < queue.length; head++) {
    for (const id of next(queue[head]!)) {
      if (!seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return seen;
}

/** Follows flow edges the way traffic goes, optionally only some of them. */
export function downstream(
  graph: Graph,
  starts: Iterable<string>,
  follow: (edge: DiagramEdge) => boolean = () => true,
): Set<string> {
  return reach(starts, (id) => graph.outgoing(id).filter(follow).map((edge) => edge.target));
}

/** Follows flow edges against the traffic: everything that can reach `starts`. */
export function upstream(
  graph: Graph,
  starts: Iterable<string>,
  follow: (edge: DiagramEdge) => boolean = () => true,
): Set<string> {
  return reach(starts, (id) => graph.incoming(id).filter(follow).map((edge) => edge.source));
}
