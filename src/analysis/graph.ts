import { hasTrait, type Trait } from '../model/catalogue.ts';
import {
  edgeKindOf,
  isGroupKind,
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
  type NodeKind,
} from '../model/types.ts';
import { resolveAncestors } from '../model/tree.ts';

// The view of a document that every rule reads, built once per analysis. Everything
// keyed by id is a Map: ids come from files, and a plain object would let an id such
// as "__proto__" reach the prototype. It depends on nothing else in analysis/: the
// integer index (flow-index.ts) and the walks (paths.ts) are built on top of it.

export interface Graph {
  readonly doc: Diagram;
  /** Every node, components and groups. */
  readonly nodes: ReadonlyMap<string, DiagramNode>;
  /** Nodes that are not groups, in document order. */
  readonly components: readonly DiagramNode[];
  readonly groups: readonly DiagramNode[];
  /** Request and async edges between two distinct components: the paths traffic takes. */
  readonly flowEdges: readonly DiagramEdge[];
  /** Replication edges between two distinct components: copies, never requests. */
  readonly replicationEdges: readonly DiagramEdge[];
  /** Where requests start: the components of an entry kind (clients). */
  readonly entries: readonly DiagramNode[];
  /** Each component's position in `components`, which numbers the flow index. */
  readonly componentIndex: ReadonlyMap<string, number>;
  ofKind(kind: NodeKind): readonly DiagramNode[];
  /** The components of every kind that has `trait`, in document order. */
  withTrait(trait: Trait): readonly DiagramNode[];
  outgoing(id: string): readonly DiagramEdge[];
  incoming(id: string): readonly DiagramEdge[];
  replicationsInto(id: string): readonly DiagramEdge[];
  /** The label a person reads; the id when the label is blank. */
  label(id: string): string;
  /** The groups a node sits in, innermost first. */
  ancestors(id: string): readonly string[];
  /** The components nested anywhere inside a group. */
  members(groupId: string): readonly string[];
}

const NONE: readonly never[] = Object.freeze([]);

/** A view derived from a graph, built on first use and shared by every reader of that
 *  graph; it goes when the graph does. */
export function perGraph<T>(build: (graph: Graph) => T): (graph: Graph) => T {
  const built = new WeakMap<Graph, T>();
  return (graph) => {
    if (!built.has(graph)) built.set(graph, build(graph));
    return built.get(graph)!;
  };
}

export function buildGraph(doc: Diagram): Graph {
  const nodes = new Map<string, DiagramNode>();
  const components: DiagramNode[] = [];
  const groups: DiagramNode[] = [];
  const indexOf = new Map<string, number>();
  const byKind = new Map<NodeKind, DiagramNode[]>();
  for (const node of doc.nodes) {
    if (nodes.has(node.id)) continue;
    nodes.set(node.id, node);
    pushTo(byKind, node.kind, node);
    if (isGroupKind(node.kind)) {
      groups.push(node);
    } else {
      indexOf.set(node.id, components.length);
      components.push(node);
    }
  }

  // Adjacency by component index: one Map lookup per question, no Map per edge.
  const flowEdges: DiagramEdge[] = [];
  const replicationEdges: DiagramEdge[] = [];
  // Sized up front: filling an empty array at scattered indices turns it into a slow dictionary.
  const outgoing = new Array<DiagramEdge[] | undefined>(components.length);
  const incoming = new Array<DiagramEdge[] | undefined>(components.length);
  const replicationsInto = new Map<string, DiagramEdge[]>();
  for (const edge of doc.edges) {
    const source = indexOf.get(edge.source);
    const target = indexOf.get(edge.target);
    if (source === undefined || target === undefined || source === target) continue;
    if (edgeKindOf(edge) === 'replication') {
      replicationEdges.push(edge);
      pushTo(replicationsInto, edge.target, edge);
      continue;
    }
    flowEdges.push(edge);
    (outgoing[source] ??= []).push(edge);
    (incoming[target] ??= []).push(edge);
  }
  const adjacent = (lists: readonly (DiagramEdge[] | undefined)[], id: string) => {
    const at = indexOf.get(id);
    return (at === undefined ? undefined : lists[at]) ?? NONE;
  };

  const byTrait = new Map<Trait, readonly DiagramNode[]>();
  const withTrait = (trait: Trait) => {
    let list = byTrait.get(trait);
    if (!list) {
      list = components.filter((node) => hasTrait(node.kind, trait));
      byTrait.set(trait, list);
    }
    return list;
  };
  let nesting: Nesting | undefined;

  const graph: Graph = {
    doc,
    nodes,
    components,
    groups,
    flowEdges,
    replicationEdges,
    entries: withTrait('entry'),
    componentIndex: indexOf,
    ofKind: (kind) => byKind.get(kind) ?? NONE,
    withTrait,
    outgoing: (id) => adjacent(outgoing, id),
    incoming: (id) => adjacent(incoming, id),
    replicationsInto: (id) => replicationsInto.get(id) ?? NONE,
    label: (id) => nodes.get(id)?.label.trim() || id,
    ancestors: (id) => (nesting ??= resolveNesting(nodes, components)).ancestors.get(id) ?? NONE,
    members: (groupId) => (nesting ??= resolveNesting(nodes, components)).members.get(groupId) ?? NONE,
  };
  return graph;
}

interface Nesting {
  ancestors: Map<string, readonly string[]>;
  members: Map<string, string[]>;
}

function resolveNesting(nodes: ReadonlyMap<string, DiagramNode>, components: readonly DiagramNode[]): Nesting {
  const ancestors = resolveAncestors(nodes);
  const members = new Map<string, string[]>();
  for (const node of components) for (const group of ancestors.get(node.id) ?? NONE) pushTo(members, group, node.id);
  return { ancestors, members };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
