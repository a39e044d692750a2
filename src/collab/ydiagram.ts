import * as Y from 'yjs';
import { parentsFirst } from '../io/order.ts';
import { CURRENT_VERSION, FORMAT_TAG, type Diagram, type DiagramEdge, type DiagramNode } from '../model/types.ts';

// The diagram in a Y.Doc:
//
//   meta       Y.Map   title
//   nodes      Y.Map   node id -> Y.Map { kind, label, position, size?, parentId?, notes?, props: Y.Map }
//   edges      Y.Map   edge id -> Y.Map { source, target, label?, props: Y.Map }
//   nodeOrder  Y.Array node ids, in the order they were added (what draws on top)
//   edgeOrder  Y.Array edge ids
//
// Every node and edge is a Y.Map of its fields, and its props a Y.Map of their own, so
// two people changing two fields of one node (a label and a replica count, say) both
// keep their change; a plain object would be last-writer-wins on the whole node.
// Positions and sizes stay plain values: a move is one change, not two.
//
// What a peer wrote is not trusted here: `readDiagram` turns whatever the Y.Doc
// holds into plain data, and src/collab/guard.ts validates that before it counts.

type Element = DiagramNode | DiagramEdge;
type Fields = Record<string, unknown>;

export const rootsOf = (ydoc: Y.Doc) => ({
  meta: ydoc.getMap<unknown>('meta'),
  nodes: ydoc.getMap<unknown>('nodes'),
  edges: ydoc.getMap<unknown>('edges'),
  nodeOrder: ydoc.getArray<unknown>('nodeOrder'),
  edgeOrder: ydoc.getArray<unknown>('edgeOrder'),
});

/** One stored node or edge as plain data, its id from its key. */
export function readElement(id: string, stored: unknown): unknown {
  if (!(stored instanceof Y.Map)) return stored;
  return { ...(stored.toJSON() as Fields), id };
}

/** Ids in their stored order, then any the order lacks, each once. */
function orderedIds(map: Y.Map<unknown>, order: Y.Array<unknown>): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const id of [...order.toArray(), ...[...map.keys()].sort()]) {
    if (typeof id !== 'string' || seen.has(id) || !map.has(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

/** Reads the document from a Y.Doc; `cached` gives back elements read before and unchanged since. */
export function readDiagram(ydoc: Y.Doc, cached?: { nodes: Map<string, unknown>; edges: Map<string, unknown> }): unknown {
  const roots = rootsOf(ydoc);
  const read = (map: Y.Map<unknown>, order: Y.Array<unknown>, cache?: Map<string, unknown>) =>
    orderedIds(map, order).map((id) => {
      const hit = cache?.get(id);
      if (hit !== undefined) return hit;
      const element = readElement(id, map.get(id));
      cache?.set(id, element);
      return element;
    });
  const nodes = read(roots.nodes, roots.nodeOrder, cached?.nodes);
  const allNodes = nodes.every((node) => typeof node === 'object' && node !== null && typeof (node as Fields).kind === 'string');
  return {
    format: FORMAT_TAG,
    version: CURRENT_VERSION,
    title: roots.meta.get('title'),
    nodes: allNodes ? parentsFirst(nodes as DiagramNode[]) : nodes,
    edges: read(roots.edges, roots.edgeOrder, cached?.edges),
  };
}

/** The ids of the elements that `events`, from observeDeep on the nodes or the edges map, changed. */
export function* changedIds(events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): Iterable<string> {
  for (const event of events) {
    if (event.path.length > 0) yield String(event.path[0]);
    else yield* event.changes.keys.keys();
  }
}

/** A reader that keeps each element it read until the element changes, so an edit
 *  to one node gives a document whose other nodes are the same objects as before. */
export function createMirror(ydoc: Y.Doc) {
  const cached = { nodes: new Map<string, unknown>(), edges: new Map<string, unknown>() };
  let last: unknown = null;
  const forget = (cache: Map<string, unknown>) => (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    last = null;
    for (const id of changedIds(events)) cache.delete(id);
  };
  const roots = rootsOf(ydoc);
  const onNodes = forget(cached.nodes);
  const onEdges = forget(cached.edges);
  const onOther = () => (last = null);
  roots.nodes.observeDeep(onNodes);
  roots.edges.observeDeep(onEdges);
  roots.meta.observe(onOther);
  roots.nodeOrder.observe(onOther);
  roots.edgeOrder.observe(onOther);
  return {
    /** The same object until the Y.Doc changes. */
    read: (): unknown => (last ??= readDiagram(ydoc, cached)),
    dispose() {
      roots.nodes.unobserveDeep(onNodes);
      roots.edges.unobserveDeep(onEdges);
      roots.meta.unobserve(onOther);
      roots.nodeOrder.unobserve(onOther);
      roots.edgeOrder.unobserve(onOther);
    },
  };
}

const isPlainObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function toYMap(values: Fields, skip: string[] = []): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || skip.includes(key)) continue;
    map.set(key, key === 'props' && isPlainObject(value) ? toYMap(value) : value);
  }
  return map;
}

/** Sets the keys of `target` that differ between `before` and `after`, and only those. */
function writeFields(target: Y.Map<unknown>, before: Fields, after: Fields): void {
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'id') continue;
    const next = after[key];
    if (key === 'props' && isPlainObject(next)) {
      const props = target.get('props');
      if (props instanceof Y.Map) writeFields(props, isPlainObject(before.props) ? before.props : {}, next);
      else target.set('props', toYMap(next));
    } else if (!sameValue(before[key], next)) {
      if (next === undefined) target.delete(key);
      else target.set(key, next);
    }
  }
}

function writeElements(map: Y.Map<unknown>, order: Y.Array<unknown>, before: readonly Element[], after: readonly Element[]): void {
  const previous = new Map(before.map((element) => [element.id, element]));
  const kept = new Set<string>();
  for (const element of after) {
    kept.add(element.id);
    const old = previous.get(element.id);
    if (old === element) continue;
    const stored = map.get(element.id);
    if (!old) {
      map.set(element.id, toYMap(element as unknown as Fields, ['id']));
      order.push([element.id]);
    } else if (stored instanceof Y.Map) {
      writeFields(stored, old as unknown as Fields, element as unknown as Fields);
    }
    // Changed here but gone from the Y.Doc: a peer deleted it meanwhile (during a
    // drag, say). The deletion stands; moving it back to life would surprise them.
  }
  const removed = new Set(before.filter((element) => !kept.has(element.id)).map((element) => element.id));
  if (removed.size === 0) return;
  for (const id of removed) map.delete(id);
  const ids = order.toArray();
  for (let index = ids.length - 1; index >= 0; index--) {
    if (removed.has(ids[index] as string)) order.delete(index, 1);
  }
}

/** Writes what changed from `before` to `after` into `ydoc`; call it inside a transaction. */
export function writeChanges(ydoc: Y.Doc, before: Diagram, after: Diagram): void {
  const roots = rootsOf(ydoc);
  if (before.title !== after.title || roots.meta.get('title') !== after.title) roots.meta.set('title', after.title);
  if (before.nodes !== after.nodes) writeElements(roots.nodes, roots.nodeOrder, before.nodes, after.nodes);
  if (before.edges !== after.edges) writeElements(roots.edges, roots.edgeOrder, before.edges, after.edges);
}

const EMPTY: Diagram = { format: FORMAT_TAG, version: CURRENT_VERSION, title: '', nodes: [], edges: [] };

/** Puts a whole diagram into an empty Y.Doc. */
export function seedDiagram(ydoc: Y.Doc, doc: Diagram, origin?: unknown): void {
  ydoc.transact(() => writeChanges(ydoc, { ...EMPTY, title: `${doc.title} ` }, doc), origin);
}
