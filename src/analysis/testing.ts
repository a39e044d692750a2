import {
  CURRENT_VERSION,
  FORMAT_TAG,
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
  type EdgeProps,
  type NodeKind,
  type Props,
} from '../model/types.ts';
import { buildGraph } from './graph.ts';
import type { Finding, Rule } from './types.ts';

// Terse documents for tests: `diagram(node('web', 'client'), node('api', 'service'), edge('web', 'api'))`.
// Only tests and benchmarks import this file.

export function node(
  id: string,
  kind: NodeKind,
  props: Props = {},
  options: { parentId?: string; label?: string } = {},
): DiagramNode {
  const result: DiagramNode = { id, kind, label: options.label ?? id, position: { x: 0, y: 0 }, props };
  if (options.parentId) result.parentId = options.parentId;
  return result;
}

/** An edge with id `source>target` unless given. */
export function edge(source: string, target: string, props: EdgeProps = {}, id = `${source}>${target}`): DiagramEdge {
  return { id, source, target, props };
}

type Item = DiagramNode | DiagramEdge;

/** Nodes and edges, loose or in arrays (no spreading: a 100,000-item spread overflows the stack). */
export function diagram(...parts: readonly (Item | readonly Item[])[]): Diagram {
  const items = parts.flat();
  return {
    format: FORMAT_TAG,
    version: CURRENT_VERSION,
    title: 'Test',
    nodes: items.filter((item): item is DiagramNode => 'kind' in item),
    edges: items.filter((item): item is DiagramEdge => 'source' in item),
  };
}

/** Edges `a>b`, `b>c`, ... along the given ids. */
export function path(ids: readonly string[], props: EdgeProps = {}): DiagramEdge[] {
  return ids.slice(1).map((id, i) => edge(ids[i]!, id, props));
}

export function runRule(rule: Rule, doc: Diagram): Finding[] {
  return rule.check({ doc, graph: buildGraph(doc) });
}
