import { edgeKindOf, replicasOf, type DiagramEdge, type DiagramNode } from '../model/types.ts';
import type { Graph } from './graph.ts';

// Small questions rules ask about the shape of a design.

/** A synchronous call: the caller waits for the answer. */
export function isRequestEdge(edge: DiagramEdge): boolean {
  return edgeKindOf(edge) === 'request';
}

/** The distinct components a component sends traffic to, in edge order. */
export function successors(graph: Graph, id: string): DiagramNode[] {
  return distinct(graph, graph.outgoing(id).map((edge) => edge.target));
}

/** The distinct components that send traffic to a component, in edge order. */
export function predecessors(graph: Graph, id: string): DiagramNode[] {
  return distinct(graph, graph.incoming(id).map((edge) => edge.source));
}

function distinct(graph: Graph, ids: readonly string[]): DiagramNode[] {
  return [...new Set(ids)].map((id) => graph.nodes.get(id)!);
}

/** Total instances over several components. */
export function instances(nodes: readonly DiagramNode[]): number {
  return nodes.reduce((sum, node) => sum + replicasOf(node), 0);
}

export function labels(graph: Graph, nodes: readonly { id: string }[]): string[] {
  return nodes.map((node) => graph.label(node.id));
}
