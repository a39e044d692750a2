import {
  edgeKindOf,
  isGroupKind,
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
  type NodeKind,
} from '../model/types.ts';
import { buildFlowIndex, type FlowIndex } from './flow-index.ts';
import { downstream } from './paths.ts';

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
  reachable(): ReadonlySet<string>;
  /** Components an entry reaches that have no outgoing flow edge. */
  terminals(): readonly string[];
  /** A compact integer form of the flow graph for the linear-time algorithms. */
  index(): FlowIndex;
}

const NONE: readonly never[] = Object.freeze([]);

export function buildGraph(doc: Diagram): Graph {
  const nodes = new Map<string, DiagramNode>();
  for (const node of doc.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const components = [...nodes.values()].filter((node) => !isGroupKind(node.kind));
  const groups = [...nodes.values()].filter((node) => isGroupKind(node.kind));

  const byKind = new Map<NodeKind, DiagramNode[]>();
  for (const node of nodes.values()) pushTo(byKind, node.kind, node);

  const isComponent = (id: string) => {
    const node = nodes.get(id);
    return node !== undefined && !isGroupKind(node.kind);
  };
  const flowEdges: DiagramEdge[] = [];
  const replicationEdges: DiagramEdge[] = [];
  const outgoing = new Map<string, DiagramEdge[]>();
  const incoming = new Map<string, DiagramEdge[]>();
  const replicationsInto = new Map<string, DiagramEdge[]>();
  for (const edge of doc.edges) {
    if (edge.source === edge.target || !isComponent(edge.source) || !isComponent(edge.target)) continue;
    if (edgeKindOf(edge) === 'replication') {
      replicationEdges.push(edge);
      pushTo(replicationsInto, edge.target, edge);
      continue;
    }
    flowEdges.push(edge);
    pushTo(outgoing, edge.source, edge);
    pushTo(incoming, edge.target, edge);
  }

  const ancestors = resolveAncestors(nodes);
  const members = new Map<string, string[]>();
  for (const node of components) for (const group of ancestors.get(node.id) ?? NONE) pushTo(members, group, node.id);

  const entries = byKind.get('client') ?? [];
  let reachable: Set<string> | undefined;
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
    outgoing: (id) => outgoing.get(id) ?? NONE,
    incoming: (id) => incoming.get(id) ?? NONE,
    replicationsInto: (id) => replicationsInto.get(id) ?? NONE,
    label: (id) => nodes.get(id)?.label.trim() || id,
    ancestors: (id) => ancestors.get(id) ?? NONE,
    members: (groupId) => members.get(groupId) ?? NONE,
    reachable: () => (reachable ??= downstream(graph, entries.map((entry) => entry.id))),
    terminals: () =>
      (terminals ??= components
        .filter((node) => graph.reachable().has(node.id) && graph.outgoing(node.id).length === 0)
        .map((node) => node.id)),
    index: () => (index ??= buildFlowIndex(graph)),
  };
  return graph;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Follows `parentId` through nested groups; a parent that is missing, not a group,
 *  or part of a cycle ends the chain. */
function resolveAncestors(nodes: ReadonlyMap<string, DiagramNode>): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const node of nodes.values()) {
    if (node.parentId === undefined) continue;
    const chain: string[] = [];
    const seen = new Set<string>([node.id]);
    let parentId: string | undefined = node.parentId;
    while (parentId !== undefined && !seen.has(parentId)) {
      const parent = nodes.get(parentId);
      if (!parent || !isGroupKind(parent.kind)) break;
      chain.push(parent.id);
      seen.add(parent.id);
      parentId = parent.parentId;
    }
    if (chain.length > 0) result.set(node.id, chain);
  }
  return result;
}

