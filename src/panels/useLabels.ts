import type { DiagramNode } from '../model/types.ts';
import { useEditor } from '../store/context.ts';

/** Each node's label by id, built once per node list: the panels name many components,
 *  and a lookup each would walk the whole list. A node list whose ids and labels are
 *  those of the last one gets the last one's map, so the panels that name components
 *  compare one reference per edit, not every entry of a map each. */
const labelMaps = new WeakMap<readonly DiagramNode[], ReadonlyMap<string, string>>();
let last: { nodes: readonly DiagramNode[]; labels: ReadonlyMap<string, string> } | null = null;

function sameLabels(a: readonly DiagramNode[], b: readonly DiagramNode[]): boolean {
  return a.length === b.length && a.every((node, i) => node === b[i] || (node.id === b[i]!.id && node.label === b[i]!.label));
}

function labelsOf(nodes: readonly DiagramNode[]): ReadonlyMap<string, string> {
  let labels = labelMaps.get(nodes);
  if (labels) return labels;
  labels = last && sameLabels(last.nodes, nodes) ? last.labels : new Map(nodes.map((node) => [node.id, node.label.trim()]));
  labelMaps.set(nodes, labels);
  last = { nodes, labels };
  return labels;
}

const noLabels: ReadonlyMap<string, string> = new Map();

/** The labels by id; re-renders only when some label changed, not on every edit. With
 *  `wanted` false it reads nothing. */
export function useLabels(wanted = true): ReadonlyMap<string, string> {
  return useEditor((state) => (wanted ? labelsOf(state.doc.nodes) : noLabels));
}

/** A component's label, or its id when it has none. */
export function useLabel(): (id: string) => string {
  const labels = useLabels();
  return (id) => labels.get(id) || id;
}
