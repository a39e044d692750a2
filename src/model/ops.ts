import { defaultProps, drawnSize, GROUP_SIZE, kindInfo } from './catalogue.ts';
import type { Rect } from './geometry.ts';
import { newId } from './ids.ts';
import { absolutePosition, absolutePositions, isInside, toParentSpace, withDescendants } from './tree.ts';
import {
  isGroupKind,
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
  type EdgeProps,
  type NodeKind,
  type Point,
  type PropValue,
  type Size,
} from './types.ts';

// Pure edit operations: a document in, a new document out. Nodes and edges that an
// operation does not touch keep their identity, so views can skip re-rendering them.

export type MakeId = (prefix: string) => string;

export function nodeById(doc: Diagram, id: string): DiagramNode | undefined {
  return doc.nodes.find((node) => node.id === id);
}

export function addNode(
  doc: Diagram,
  kind: NodeKind,
  position: Point,
  options: { id?: string; label?: string; parentId?: string } = {},
): Diagram {
  const node: DiagramNode = {
    id: options.id ?? newId(kind),
    kind,
    label: options.label ?? uniqueLabel(doc, kindInfo(kind).name),
    position,
    props: defaultProps(kind),
  };
  if (isGroupKind(kind)) node.size = { ...GROUP_SIZE[kind] };
  if (options.parentId) node.parentId = options.parentId;
  return { ...doc, nodes: insertNodes(doc.nodes, [node]) };
}

const RANK: Partial<Record<NodeKind, number>> = { region: 0, zone: 1 };
const rankOf = (node: DiagramNode) => RANK[node.kind] ?? 2;

/** Adds nodes keeping regions, then zones, then components: every parent comes
 *  before its children, as React Flow requires, and groups are drawn behind. */
export function insertNodes(nodes: readonly DiagramNode[], added: readonly DiagramNode[]): DiagramNode[] {
  const result = [...nodes];
  for (const node of added) {
    const rank = rankOf(node);
    const at = result.findIndex((existing) => rankOf(existing) > rank);
    if (at === -1) result.push(node);
    else result.splice(at, 0, node);
  }
  return result;
}

/** "Service", then "Service 2", "Service 3"... */
export function uniqueLabel(doc: Diagram, base: string): string {
  const taken = new Set(doc.nodes.map((node) => node.label));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const label = `${base} ${n}`;
    if (!taken.has(label)) return label;
  }
}

/** Removes nodes and edges; edges touching removed nodes go too. Children of a
 *  removed group are removed as well unless `keepChildren`, which lifts them into
 *  the group's parent at the same place on the canvas. */
export function removeElements(
  doc: Diagram,
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string> = [],
  options: { keepChildren?: boolean } = {},
): Diagram {
  let removed = new Set(nodeIds);
  if (options.keepChildren) {
    doc = liftChildren(doc, removed);
  } else {
    // Everything nested anywhere inside a removed group goes with it.
    removed = withDescendants(doc, removed);
  }
  const removedEdges = new Set(edgeIds);
  const nodes = doc.nodes.filter((node) => !removed.has(node.id));
  const edges = doc.edges.filter(
    (edge) => !removedEdges.has(edge.id) && !removed.has(edge.source) && !removed.has(edge.target),
  );
  if (nodes.length === doc.nodes.length && edges.length === doc.edges.length) return doc;
  return { ...doc, nodes, edges };
}

function liftChildren(doc: Diagram, removed: Set<string>): Diagram {
  const nodes = doc.nodes.map((node) => {
    let current = node;
    while (current.parentId && removed.has(current.parentId) && !removed.has(current.id)) {
      const parent = nodeById(doc, current.parentId);
      if (!parent) break;
      const lifted: DiagramNode = {
        ...current,
        position: { x: current.position.x + parent.position.x, y: current.position.y + parent.position.y },
      };
      if (parent.parentId) lifted.parentId = parent.parentId;
      else delete lifted.parentId;
      current = lifted;
    }
    return current;
  });
  return { ...doc, nodes };
}

/** Whether two versions of a node differ at most in the fields named in `skipped`:
 *  every other field is the same value or, for objects, the same object (edits replace
 *  what they change). */
export function sameNodeExcept(a: DiagramNode, b: DiagramNode, skipped: ReadonlySet<string>): boolean {
  if (a === b) return true;
  for (const key in a) if (!skipped.has(key) && a[key as keyof DiagramNode] !== b[key as keyof DiagramNode]) return false;
  for (const key in b) if (!skipped.has(key) && !(key in a) && b[key as keyof DiagramNode] !== undefined) return false;
  return true;
}

const POSITION: ReadonlySet<string> = new Set(['position']);

/** Whether two versions of a node differ at most in position. */
export function sameExceptPosition(a: DiagramNode, b: DiagramNode): boolean {
  return sameNodeExcept(a, b, POSITION);
}

export function moveNodes(doc: Diagram, positions: ReadonlyMap<string, Point>): Diagram {
  if (positions.size === 0) return doc;
  let changed = false;
  const nodes = doc.nodes.map((node) => {
    const next = positions.get(node.id);
    if (!next || (next.x === node.position.x && next.y === node.position.y)) return node;
    changed = true;
    return { ...node, position: { x: next.x, y: next.y } };
  });
  return changed ? { ...doc, nodes } : doc;
}

/** `theirs` with the node fields `ours` changed since `base`: what a gesture changed
 *  so far, carried over to a newer document (a live room's, while the gesture lasts).
 *  A field the gesture left alone keeps `theirs`' value. */
export function carryOver(base: Diagram, ours: Diagram, theirs: Diagram): Diagram {
  if (ours === base) return theirs;
  const was = new Map(base.nodes.map((node) => [node.id, node]));
  const mine = new Map(ours.nodes.filter((node) => was.get(node.id) !== node).map((node) => [node.id, node]));
  if (mine.size === 0) return theirs;
  let changed = false;
  const nodes = theirs.nodes.map((node) => {
    const own = mine.get(node.id) as Record<string, unknown> | undefined;
    const before = was.get(node.id) as Record<string, unknown> | undefined;
    if (!own || !before) return node;
    const next: Record<string, unknown> = { ...node };
    for (const key of new Set([...Object.keys(before), ...Object.keys(own)])) {
      if (own[key] === before[key]) continue;
      if (own[key] === undefined) delete next[key];
      else next[key] = own[key];
    }
    changed = true;
    return next as unknown as DiagramNode;
  });
  return changed ? { ...theirs, nodes } : theirs;
}

export function resizeNode(doc: Diagram, id: string, size: Size, position?: Point): Diagram {
  return mapNode(doc, id, (node) => ({ ...node, size: { ...size }, position: position ?? node.position }));
}

export function setLabel(doc: Diagram, id: string, label: string): Diagram {
  return mapNode(doc, id, (node) => (node.label === label ? node : { ...node, label }));
}

export function setNotes(doc: Diagram, id: string, notes: string): Diagram {
  return mapNode(doc, id, (node) => {
    const next = { ...node };
    if (notes) next.notes = notes;
    else delete next.notes;
    return next;
  });
}

/** Sets a property; `undefined` unsets it so that the default applies. */
export function setNodeProp(doc: Diagram, id: string, key: string, value: PropValue | undefined): Diagram {
  return mapNode(doc, id, (node) => {
    if (node.props[key] === value) return node;
    const props = { ...node.props };
    if (value === undefined) delete props[key];
    else props[key] = value;
    return { ...node, props };
  });
}

function mapNode(doc: Diagram, id: string, change: (node: DiagramNode) => DiagramNode): Diagram {
  let changed = false;
  const nodes = doc.nodes.map((node) => {
    if (node.id !== id) return node;
    const next = change(node);
    if (next !== node) changed = true;
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
}

export function connect(
  doc: Diagram,
  source: string,
  target: string,
  options: { id?: string; props?: EdgeProps } = {},
): Diagram {
  if (source === target || !nodeById(doc, source) || !nodeById(doc, target)) return doc;
  if (doc.edges.some((edge) => edge.source === source && edge.target === target)) return doc;
  const edge: DiagramEdge = { id: options.id ?? newId('e'), source, target, props: { ...options.props } };
  return { ...doc, edges: [...doc.edges, edge] };
}

export function updateEdge(
  doc: Diagram,
  id: string,
  change: { label?: string; props?: Partial<Record<keyof EdgeProps, PropValue | undefined>> },
): Diagram {
  let changed = false;
  const edges = doc.edges.map((edge) => {
    if (edge.id !== id) return edge;
    changed = true;
    const next: DiagramEdge = { ...edge, props: { ...edge.props } };
    if (change.label !== undefined) {
      if (change.label) next.label = change.label;
      else delete next.label;
    }
    for (const [key, value] of Object.entries(change.props ?? {})) {
      const props = next.props as Record<string, PropValue>;
      if (value === undefined) delete props[key];
      else props[key] = value;
    }
    return next;
  });
  return changed ? { ...doc, edges } : doc;
}

export function setTitle(doc: Diagram, title: string): Diagram {
  return doc.title === title ? doc : { ...doc, title };
}

/** Where each node is drawn on the canvas: its absolute position and drawn size. */
export function drawnRects(doc: Diagram): Map<string, Rect> {
  const positions = absolutePositions(doc);
  return new Map(doc.nodes.map((node) => [node.id, { ...positions.get(node.id)!, ...drawnSize(node) }]));
}

/** Moves a node into `parentId` (or to the top level), keeping its place on the canvas. */
export function reparent(doc: Diagram, id: string, parentId: string | undefined): Diagram {
  const node = nodeById(doc, id);
  if (!node || node.parentId === parentId || id === parentId) return doc;
  if (parentId && isInside(doc, parentId, id)) return doc;
  const position = toParentSpace(doc, absolutePosition(doc, id), parentId);
  return mapNode(doc, id, (current) => {
    const next: DiagramNode = { ...current, position };
    if (parentId) next.parentId = parentId;
    else delete next.parentId;
    return next;
  });
}

export interface Clipboard {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/** The selected nodes (with everything nested in selected groups) and the edges among them. */
export function copySelection(doc: Diagram, nodeIds: Iterable<string>): Clipboard {
  const picked = withDescendants(doc, nodeIds);
  return {
    nodes: doc.nodes.filter((node) => picked.has(node.id)),
    edges: doc.edges.filter((edge) => picked.has(edge.source) && picked.has(edge.target)),
  };
}

/** Pastes with fresh ids, offset on the canvas. Returns the new document and the pasted ids. */
export function paste(
  doc: Diagram,
  clip: Clipboard,
  offset: Point,
  makeId: MakeId = newId,
): { doc: Diagram; nodeIds: string[] } {
  const ids = new Map<string, string>();
  for (const node of clip.nodes) ids.set(node.id, makeId(node.kind));
  const pasted = clip.nodes.map((node): DiagramNode => {
    const parentInClip = node.parentId !== undefined && ids.has(node.parentId);
    const copy: DiagramNode = {
      ...structuredClone(node),
      id: ids.get(node.id)!,
      // Only the top of the pasted tree moves; children keep their place in their group.
      position: parentInClip ? node.position : { x: node.position.x + offset.x, y: node.position.y + offset.y },
    };
    if (parentInClip) copy.parentId = ids.get(node.parentId!)!;
    else if (node.parentId && !nodeById(doc, node.parentId)) delete copy.parentId;
    return copy;
  });
  const edges = clip.edges.map(
    (edge): DiagramEdge => ({
      ...structuredClone(edge),
      id: makeId('e'),
      source: ids.get(edge.source)!,
      target: ids.get(edge.target)!,
    }),
  );
  return {
    doc: { ...doc, nodes: insertNodes(doc.nodes, pasted), edges: [...doc.edges, ...edges] },
    nodeIds: pasted.map((node) => node.id),
  };
}
