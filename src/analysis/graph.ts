import {
  edgeKindOf,
  isGroupKind,
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
  type NodeKind,
} from '../model/types.ts';
import { resolveAncestors } from '../model/tree.ts';
import { buildFlowIndex, type FlowIndex } from './flow-index.ts';
import { downstream, type Reached } from './paths.ts';

// The view of a document that every rule reads, built once per analysis. Everything
// keyed by id is a Map: ids come from files, and a plain object would let an id such
// as "__proto__" reach the prototype.

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
  /** Clients: where requests start. */
  readonly entries: readonly DiagramNode[];
  ofKind(kind: NodeKind): readonly DiagramNode[];
  outgoing(id: string): readonly DiagramEdge[];
  incoming(id: string): readonly DiagramEdge[];
  replicationsInto(id: string): readonly DiagramEdge[];
  /** The label a person reads; the id when the label is blank. */
  label(id: string): string;
  /** The groups a node sits in, innermost first. */
  ancestors(id: string): readonly string[];
  /** The components nested anywhere inside a group. */
  members(groupId: string): readonly string[];
  /** Components some entry reaches along flow edges (entries included). */
  reachable(): Reached;
  /** Components an entry reaches that have no outgoing flow edge. */
  terminals(): readonly string[];
  /** A compact integer form of the flow graph for the linear-time algorithms. */
  index(): FlowIndex;
}

const NONE: readonly never[] = Object.freeze([]);

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

  const entries = byKind.get('client') ?? [];
  let nesting: Nesting | undefined;
  let reachable: Reached | undefined;
  let terminals: string[] | undefined;
  let index: FlowIndex | undefined;

  const graph: Graph = {
    doc,
    nodes,
    components,
    groups,
    flowEdges,
    replicationEdges,
    entries,
    ofKind: (kind) => byKind.get(kind) ?? NONE,
    outgoing: (id) => adjacent(outgoing, id),
    incoming: (id) => adjacent(incoming, id),
    replicationsInto: (id) => replicationsInto.get(id) ?? NONE,
    label: (id) => nodes.get(id)?.label.trim() || id,
    ancestors: (id) => (nesting ??= resolveNesting(nodes, components)).ancestors.get(id) ?? NONE,
    members: (groupId) => (nesting ??= resolveNesting(nodes, components)).members.get(groupId) ?? NONE,
    reachable: () => (reachable ??= downstream(graph, entries.map((entry) => entry.id))),
    terminals: () =>
      (terminals ??= components
        .filter((node) => graph.reachable().has(node.id) && graph.outgoing(node.id).length === 0)
        .map((node) => node.id)),
    index: () => (index ??= buildFlowIndex(graph, indexOf)),
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
