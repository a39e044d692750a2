import * as Y from 'yjs';
import { validateCandidate, type Verdict } from '../src/collab/guard.ts';
import { createMirror, rootsOf } from '../src/collab/ydiagram.ts';
import { crossCheck } from '../src/io/structure.ts';
import type { Diagram } from '../src/model/types.ts';

// The server's copy of the client's gate (src/collab/guard.ts): an update that would
// make a room's document invalid (a dangling edge, an unknown kind, a bad property) is
// refused before it is logged, applied, stored or sent on. Every client would refuse
// it anyway, but a client that joins later receives the room whole, and a room that
// holds one bad change is a room every client refuses; so the server keeps it out.
//
// Each room has a probe: its document plus the updates accepted and not applied yet
// (Hocuspocus applies one as soon as its check resolves), kept level by the document's
// own updates.
// Candidates are checked in batches: those that arrive while one check runs are tried
// together on the probe, and only if the batch fails are they tried one by one, the
// probe rebuilt after each refusal.
//
// Validating the whole document costs about 10 ms for 200 components and 300 edges,
// nearly all of it the per-element schema, so a probe known valid is checked by what
// changed: the changed elements (with the nodes they name, so that their references
// resolve) go through the same validation as a file, and the whole document through
// its cross-checks (src/io/structure.ts: ids, references, nesting, loops), which are
// cheap. An unchanged element was valid and stays so, since an element's schema looks
// at the element alone: the two together say what the whole validation would.
//
// A room that is already invalid (kept from before this check, say) takes updates as
// before: refusing them would only stop it being repaired.

export interface RoomCheck {
  check(update: Uint8Array): Promise<Verdict>;
  /** `update`, accepted, is in the document now (or never will be). */
  landed(update: Uint8Array): void;
  dispose(): void;
}

const isEmpty = (doc: Y.Doc) => doc.store.clients.size === 0;

type Element = { id: string; parentId?: unknown; source?: unknown; target?: unknown };
const isElement = (value: unknown): value is Element => typeof value === 'object' && value !== null && typeof (value as Element).id === 'string';

/** The elements changed since it was last asked, from a Y.Doc's nodes and edges. */
function trackChanges(doc: Y.Doc) {
  const changed = { nodes: new Set<string>(), edges: new Set<string>() };
  const track = (into: Set<string>) => (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const event of events) {
      if (event.path.length > 0) into.add(String(event.path[0]));
      else for (const key of event.changes.keys.keys()) into.add(key);
    }
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

export function checkRoom(document: Y.Doc, validate = validateCandidate): RoomCheck {
  let probe: Y.Doc;
  let mirror: ReturnType<typeof createMirror>;
  let changes: ReturnType<typeof trackChanges>;
  /** Whether the probe, before its latest changes, is known valid. */
  let knownValid = false;
  const inFlight: Uint8Array[] = [];
  const verdictOf = (): Verdict => {
    const changed = changes.take();
    const verdict = isEmpty(probe) ? { ok: true as const } : knownValid ? checkChanges(mirror.read(), changed, validate) : validate(mirror.read());
    knownValid = verdict.ok;
    return verdict;
  };
  const rebuild = () => {
    mirror?.dispose();
    changes?.dispose();
    probe?.destroy();
    probe = new Y.Doc();
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(document));
    for (const update of inFlight) Y.applyUpdate(probe, update);
    mirror = createMirror(probe);
    changes = trackChanges(probe);
    knownValid = false;
  };
  rebuild();
  let validNow = verdictOf().ok;
  const follow = (update: Uint8Array) => Y.applyUpdate(probe, update);
  document.on('update', follow);

  const tryOn = (updates: Uint8Array[]): Verdict => {
    try {
      for (const update of updates) Y.applyUpdate(probe, update);
      return verdictOf();
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  };

  let waiting: { update: Uint8Array; resolve: (verdict: Verdict) => void }[] = [];
  const settle = () => {
    const batch = waiting;
    waiting = [];
    const accept = (item: (typeof batch)[number]) => {
      inFlight.push(item.update);
      item.resolve({ ok: true });
    };
    if (!validNow) {
      validNow = tryOn(batch.map((item) => item.update)).ok;
      batch.forEach(accept);
      return;
    }
    if (tryOn(batch.map((item) => item.update)).ok) {
      batch.forEach(accept);
      return;
    }
    rebuild();
    // Changes that came another way (through Redis, from a server that checked them) may have made the room invalid already.
    if (!verdictOf().ok) {
      validNow = tryOn(batch.map((item) => item.update)).ok;
      batch.forEach(accept);
      return;
    }
    for (const item of batch) {
      const verdict = tryOn([item.update]);
      if (verdict.ok) accept(item);
      else {
        rebuild();
        verdictOf();
        item.resolve(verdict);
      }
    }
  };

  return {
    check(update) {
      return new Promise((resolve) => {
        if (waiting.length === 0) setImmediate(settle);
        waiting.push({ update, resolve });
      });
    },
    landed(update) {
      const index = inFlight.indexOf(update);
      if (index >= 0) inFlight.splice(index, 1);
    },
    dispose() {
      document.off('update', follow);
      mirror.dispose();
      changes.dispose();
      probe.destroy();
    },
  };
}
