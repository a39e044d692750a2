import * as Y from 'yjs';
import { crossCheck } from '../io/structure.ts';
import type { Diagram } from '../model/types.ts';
import type { validateCandidate, Verdict } from './guard.ts';
import { changedIds, createMirror, rootsOf } from './ydiagram.ts';

// Validating a whole document costs about 10 ms for 200 components and 300 edges,
// nearly all of it the per-element schema. A document known valid before some changes
// is checked by what changed: the changed elements (with the nodes they name, so that
// their references resolve) go through the same validation as a file, and the whole
// document through its cross-checks (io/structure.ts: ids, references, nesting,
// loops), which are cheap. An unchanged element was valid and stays so, since an
// element's schema looks at the element alone: the two together say what the whole
// validation would. The server's room check and the client's guard both try updates
// on such a copy.

type Element = { id: string; parentId?: unknown; source?: unknown; target?: unknown };
const isElement = (value: unknown): value is Element => typeof value === 'object' && value !== null && typeof (value as Element).id === 'string';

/** The elements changed since it was last asked, from a Y.Doc's nodes and edges. */
function trackChanges(doc: Y.Doc) {
  const changed = { nodes: new Set<string>(), edges: new Set<string>() };
  const track = (into: Set<string>) => (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const id of changedIds(events)) into.add(id);
  };
  const { nodes, edges } = rootsOf(doc);
  const onNodes = track(changed.nodes);
  const onEdges = track(changed.edges);
  nodes.observeDeep(onNodes);
  edges.observeDeep(onEdges);
  return {
    take() {
      const taken = { nodes: new Set(changed.nodes), edges: new Set(changed.edges) };
      changed.nodes.clear();
      changed.edges.clear();
      return taken;
    },
    dispose() {
      nodes.unobserveDeep(onNodes);
      edges.unobserveDeep(onEdges);
    },
  };
}

/** Whether `read` (the whole document, valid before the changes) is valid, from its changed elements and its cross-checks. */
function checkChanges(read: unknown, changed: { nodes: Set<string>; edges: Set<string> }, validate: typeof validateCandidate): Verdict {
  const doc = read as { nodes: unknown[]; edges: unknown[] };
  // An element that is not even an object cannot be matched to its id: the whole validation says what is wrong.
  if (!doc.nodes.every(isElement) || !doc.edges.every(isElement)) return validate(read);
  const nodes = doc.nodes as Element[];
  const edges = (doc.edges as Element[]).filter((edge) => changed.edges.has(edge.id));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const wanted = new Set<string>();
  const want = (id: unknown) => {
    for (let node = typeof id === 'string' ? byId.get(id) : undefined; node && !wanted.has(node.id); node = byId.get(node.parentId as string)) wanted.add(node.id);
  };
  for (const id of changed.nodes) want(id);
  for (const edge of edges) {
    want(edge.source);
    want(edge.target);
  }
  const verdict = validate({ ...doc, nodes: nodes.filter((node) => wanted.has(node.id)), edges });
  if (!verdict.ok) return verdict;
  const problem = crossCheck(read as Diagram)[0];
  return problem ? { ok: false, reason: `Invalid document: ${problem.message}.` } : verdict;
}

export type CheckedCopy = ReturnType<typeof checkedCopy>;

/** A Y.Doc made of `updates`, to try more on: `check` says whether it is valid, by what
 *  changed since it was last found so (the first time, and after a failure, whole). */
export function checkedCopy(updates: readonly Uint8Array[], validate: typeof validateCandidate, options: { gc?: boolean } = {}) {
  const doc = new Y.Doc({ gc: options.gc ?? true });
  for (const update of updates) Y.applyUpdate(doc, update);
  const mirror = createMirror(doc);
  const changes = trackChanges(doc);
  let knownValid = false;
  return {
    doc,
    check(): Verdict {
      const changed = changes.take();
      // An empty room is what every room starts as.
      const verdict = doc.store.clients.size === 0 ? { ok: true as const } : knownValid ? checkChanges(mirror.read(), changed, validate) : validate(mirror.read());
      knownValid = verdict.ok;
      return verdict;
    },
    dispose() {
      mirror.dispose();
      changes.dispose();
      doc.destroy();
    },
  };
}
