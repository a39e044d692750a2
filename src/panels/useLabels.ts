import { useShallow } from 'zustand/react/shallow';
import type { DiagramNode } from '../model/types.ts';
import { useEditor } from '../store/context.ts';

/** Each node's label by id, built once per node list: the panels name many components,
 *  and a lookup each would walk the whole list. */
const labelMaps = new WeakMap<readonly DiagramNode[], ReadonlyMap<string, string>>();
function labelsOf(nodes: readonly DiagramNode[]): ReadonlyMap<string, string> {
  let labels = labelMaps.get(nodes);
  if (!labels) labelMaps.set(nodes, (labels = new Map(nodes.map((node) => [node.id, node.label.trim()]))));
  return labels;
}

const noLabels: ReadonlyMap<string, string> = new Map();

/** The labels by id; re-renders only when some label changed, not on every edit (shallow
 *  compares the map's entries). With `wanted` false it reads nothing and compares nothing. */
export function useLabels(wanted = true): ReadonlyMap<string, string> {
  return useEditor(useShallow((state) => (wanted ? labelsOf(state.doc.nodes) : noLabels)));
}

/** A component's label, or its id when it has none. */
export function useLabel(): (id: string) => string {
  const labels = useLabels();
  return (id) => labels.get(id) || id;
}
