import { isGroupKind, type Diagram, type DiagramNode, type NodeKind, type Point } from './types.ts';

// The nesting of a document: which node sits in which group, and the one set of rules
// for what may hold what. Edits, import checks, layout, drop targets and analysis all
// read it here. Every walk up a parent chain stops at a node it has already met, so a
// damaged file with a parent loop can slow nothing down and hang nothing.

/** Each id's node; where a damaged file repeats an id, the first node keeps it. */
export function nodesById(nodes: Iterable<DiagramNode>): Map<string, DiagramNode> {
  const byId = new Map<string, DiagramNode>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  return byId;
}

// ---- Nesting rules ----------------------------------------------------------------

/** Why a node of one kind may not sit in a node of another. */
export type NestingFault = 'parentNotAGroup' | 'regionNested' | 'zoneOutsideRegion';

/** Regions stay at the top level; zones go in regions; components go in either. */
export function nestingFault(kind: NodeKind, parentKind: NodeKind): NestingFault | null {
  if (!isGroupKind(parentKind)) return 'parentNotAGroup';
  if (kind === 'region') return 'regionNested';
  if (kind === 'zone' && parentKind !== 'region') return 'zoneOutsideRegion';
  return null;
}

/** Whether a node of `kind` may sit inside a node of `parentKind`. */
export function canNest(kind: NodeKind, parentKind: NodeKind): boolean {
  return nestingFault(kind, parentKind) === null;
}

/** True when `id` is `ancestorId` or nested anywhere inside it: moving `ancestorId`
 *  into `id` would make a loop. */
export function isInside(doc: Diagram, id: string, ancestorId: string): boolean {
  const byId = nodesById(doc.nodes);
  for (const node of upFrom(byId, byId.get(id))) if (node.id === ancestorId) return true;
  return false;
}

/** The parent chains that loop, each from the first of its nodes met in document
 *  order round to the node before it comes again. Only a damaged file holds one. */
export function parentLoops(nodes: readonly DiagramNode[], byId: ReadonlyMap<string, DiagramNode> = nodesById(nodes)): DiagramNode[][] {
  const loops: DiagramNode[][] = [];
  const state = new Map<string, 'walking' | 'done'>();
  for (const start of nodes) {
    const chain: DiagramNode[] = [];
    let node: DiagramNode | undefined = start;
    while (node && !state.has(node.id)) {
      state.set(node.id, 'walking');
      chain.push(node);
      node = node.parentId === undefined ? undefined : byId.get(node.parentId);
    }
    if (node && state.get(node.id) === 'walking') loops.push(chain.slice(chain.indexOf(node)));
    for (const member of chain) state.set(member.id, 'done');
  }
  return loops;
}

// ---- Walks up and down ------------------------------------------------------------

/** `node`, then the node it sits in, and so on up; a missing parent ends the walk, and
 *  so does a node met before (a parent loop in a damaged file). */
function* upFrom(byId: ReadonlyMap<string, DiagramNode>, node: DiagramNode | undefined): Generator<DiagramNode> {
  const seen = new Set<string>();
  for (let at = node; at && !seen.has(at.id); at = at.parentId === undefined ? undefined : byId.get(at.parentId)) {
    seen.add(at.id);
    yield at;
  }
}

/** Follows `parentId` through nested groups; a parent that is missing, not a group,
 *  or part of a cycle ends the chain. Chains are worked out once per group and shared
 *  by its children, so this is linear in the number of nodes. Innermost group first;
 *  nodes at the top level are left out. */
export function resolveAncestors(nodes: ReadonlyMap<string, DiagramNode>): Map<string, readonly string[]> {
  const chainOfGroup = new Map<string, readonly string[]>();
  const chainAbove = (groupId: string): readonly string[] => {
    const known = chainOfGroup.get(groupId);
    if (known) return known;
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let id: string | undefined = groupId; id !== undefined && !seen.has(id); ) {
      const group = nodes.get(id);
      if (!group || !isGroupKind(group.kind)) break;
      chain.push(id);
      seen.add(id);
      id = group.parentId;
    }
    chainOfGroup.set(groupId, chain);
    return chain;
  };
  const result = new Map<string, readonly string[]>();
  for (const node of nodes.values()) {
    if (node.parentId === undefined || node.parentId === node.id) continue;
    const above = chainAbove(node.parentId);
    // A group in a parent cycle must not list itself among its ancestors.
    const chain = isGroupKind(node.kind) ? above.filter((id) => id !== node.id) : above;
    if (chain.length > 0) result.set(node.id, chain);
  }
  return result;
}

/** The group each node really sits in, as a tree: a parent that is missing or not a
 *  group counts as none, and a parent chain that loops is cut where it is first met. */
export function effectiveParents(doc: Diagram): Map<string, string | undefined> {
  const byId = nodesById(doc.nodes);
  const parents = new Map<string, string | undefined>();
  for (const node of byId.values()) {
    const parent = node.parentId !== undefined ? byId.get(node.parentId) : undefined;
    parents.set(node.id, parent && isGroupKind(parent.kind) ? parent.id : undefined);
  }
  for (const id of parents.keys()) {
    const seen = new Set<string>([id]);
    for (let up = parents.get(id); up !== undefined; up = parents.get(up)) {
      if (seen.has(up)) {
        parents.set(id, undefined);
        break;
      }
      seen.add(up);
    }
  }
  return parents;
}

/** The groups above `id` in a tree of `effectiveParents`, innermost first. */
export function ancestorsIn(id: string, parents: ReadonlyMap<string, string | undefined>): string[] {
  const chain: string[] = [];
  for (let up = parents.get(id); up !== undefined; up = parents.get(up)) chain.push(up);
  return chain;
}

/** `ids` and everything nested anywhere inside them. */
export function withDescendants(doc: Diagram, ids: Iterable<string>): Set<string> {
  const children = new Map<string, string[]>();
  for (const node of doc.nodes) {
    if (node.parentId === undefined) continue;
    const list = children.get(node.parentId);
    if (list) list.push(node.id);
    else children.set(node.parentId, [node.id]);
  }
  const result = new Set(ids);
  const queue = [...result];
  for (let head = 0; head < queue.length; head++) {
    for (const child of children.get(queue[head]!) ?? []) {
      if (result.has(child)) continue;
      result.add(child);
      queue.push(child);
    }
  }
  return result;
}

/** The nodes among `ids` that move on their own, in the order of `ids`: a node nested
 *  anywhere inside another of them rides along with it, as React Flow drags it. */
export function outermost(doc: Diagram, ids: ReadonlySet<string>): DiagramNode[] {
  const byId = nodesById(doc.nodes);
  const result: DiagramNode[] = [];
  for (const id of ids) {
    const node = byId.get(id);
    if (!node) continue;
    let carried = false;
    for (const above of upFrom(byId, node)) if (above !== node && ids.has(above.id)) carried = true;
    if (!carried) result.push(node);
  }
  return result;
}

/** Whether any node sits directly in one of `ids`. */
export function hasChildren(doc: Diagram, ids: Iterable<string>): boolean {
  const groups = new Set(ids);
  return doc.nodes.some((node) => node.parentId !== undefined && groups.has(node.parentId));
}

// ---- Positions: stored relative to the parent, drawn absolute ---------------------

/** Absolute canvas positions of every node in one pass. Parents come before their
 *  children in a document, but a map keeps this correct for any order. */
export function absolutePositions(doc: Diagram): Map<string, Point> {
  const byId = nodesById(doc.nodes);
  const positions = new Map<string, Point>();
  for (const node of doc.nodes) {
    const chain: DiagramNode[] = [];
    let origin: Point = { x: 0, y: 0 };
    for (let current: DiagramNode | undefined = node; current; current = current.parentId ? byId.get(current.parentId) : undefined) {
      const known = positions.get(current.id);
      if (known) {
        origin = known;
        break;
      }
      if (chain.includes(current)) break;
      chain.push(current);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i]!;
      origin = { x: origin.x + link.position.x, y: origin.y + link.position.y };
      positions.set(link.id, origin);
    }
  }
  return positions;
}

/** Absolute canvas position of a node, following its parents; the origin for none. */
export function absolutePosition(doc: Diagram, id: string | undefined): Point {
  if (id === undefined) return { x: 0, y: 0 };
  const byId = nodesById(doc.nodes);
  let x = 0;
  let y = 0;
  for (const node of upFrom(byId, byId.get(id))) {
    x += node.position.x;
    y += node.position.y;
  }
  return { x, y };
}

/** An absolute canvas point as a position inside `parentId` (or the canvas). */
export function toParentSpace(doc: Diagram, point: Point, parentId: string | undefined): Point {
  const origin = absolutePosition(doc, parentId);
  return { x: point.x - origin.x, y: point.y - origin.y };
}
