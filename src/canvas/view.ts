import type { Edge, Node } from '@xyflow/react';
import { COMPONENT_SIZE } from '../model/catalogue.ts';
import { isGroupKind, type Diagram, type DiagramEdge, type DiagramNode } from '../model/types.ts';

// React Flow renders view objects derived from the document. A view object is
// rebuilt only when its document object or its selection changed, so React Flow
// and the memoised node components skip everything an edit did not touch.


/** How the canvas fits the whole diagram: never zoomed in past 100%. */
export const FIT_ALL = { padding: 0.15, maxZoom: 1 } as const;

export type ComponentNodeData = { node: DiagramNode };
export type FlowNode = Node<ComponentNodeData, 'component' | 'group'>;
export type EdgeData = { edge: DiagramEdge };
export type FlowEdge = Edge<EdgeData, 'flow'>;

export type Emphasis = 'dimmed' | 'affected' | undefined;

export function toFlowNode(node: DiagramNode, selected: boolean, emphasis: Emphasis): FlowNode {
  const group = isGroupKind(node.kind);
  const width = group ? (node.size?.width ?? 300) : COMPONENT_SIZE.width;
  const height = group ? (node.size?.height ?? 200) : COMPONENT_SIZE.height;
  const view: FlowNode = {
    id: node.id,
    type: group ? 'group' : 'component',
    position: node.position,
    data: { node },
    selected,
    width,
    height,
    // Known sizes let React Flow place edges without waiting to measure.
    measured: { width, height },
    className: emphasis ? `is-${emphasis}` : undefined,
    ariaLabel: `${node.label}`,
  };
  if (node.parentId) view.parentId = node.parentId;
  if (group) view.zIndex = node.kind === 'region' ? -2 : -1;
  return view;
}

export function toFlowEdge(edge: DiagramEdge, selected: boolean): FlowEdge {
  return { id: edge.id, source: edge.source, target: edge.target, type: 'flow', data: { edge }, selected };
}

interface Cached<V> {
  source: object;
  selected: boolean;
  emphasis: Emphasis;
  view: V;
}

/** Keeps view objects stable across renders: same input, same object. */
export function createViewCache() {
  const nodes = new Map<string, Cached<FlowNode>>();
  const edges = new Map<string, Cached<FlowEdge>>();

  return {
    /** `dimmed`: lost in the failure view; `affected`: entries that lose something. */
    nodes(doc: Diagram, selected: ReadonlySet<string>, dimmed: ReadonlySet<string>, affected: ReadonlySet<string> = new Set()): FlowNode[] {
      const seen = new Set<string>();
      const views = doc.nodes.map((node) => {
        seen.add(node.id);
        const isSelected = selected.has(node.id);
        const emphasis: Emphasis = dimmed.has(node.id) ? 'dimmed' : affected.has(node.id) ? 'affected' : undefined;
        const hit = nodes.get(node.id);
        if (hit && hit.source === node && hit.selected === isSelected && hit.emphasis === emphasis) return hit.view;
        const view = toFlowNode(node, isSelected, emphasis);
        nodes.set(node.id, { source: node, selected: isSelected, emphasis, view });
        return view;
      });
      for (const id of nodes.keys()) if (!seen.has(id)) nodes.delete(id);
      return views;
    },
    edges(doc: Diagram, selected: ReadonlySet<string>): FlowEdge[] {
      const seen = new Set<string>();
      const views = doc.edges.map((edge) => {
        seen.add(edge.id);
        const isSelected = selected.has(edge.id);
        const hit = edges.get(edge.id);
        if (hit && hit.source === edge && hit.selected === isSelected) return hit.view;
        const view = toFlowEdge(edge, isSelected);
        edges.set(edge.id, { source: edge, selected: isSelected, emphasis: undefined, view });
        return view;
      });
      for (const id of edges.keys()) if (!seen.has(id)) edges.delete(id);
      return views;
    },
  };
}
