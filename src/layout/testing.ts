import ELK from 'elkjs/lib/elk.bundled.js';
import { containsRect, overlaps, type Rect } from '../model/geometry.ts';
import { isGroupKind, type Diagram, type DiagramNode, type Size } from '../model/types.ts';
import { applyLayout, COMPONENT_SIZE, toElkGraph, type LayoutOptions } from './elk-graph.ts';

// Only tests and scripts import this file: it loads the whole ELK engine in-process.

/** toElkGraph, ELK and applyLayout in this process, without a worker. */
export async function layOutInProcess(doc: Diagram, options: LayoutOptions = { direction: 'RIGHT' }): Promise<Diagram> {
  const result = await new ELK().layout(toElkGraph(doc, options));
  return applyLayout(doc, result);
}

export function sizeOf(node: DiagramNode): Size {
  return isGroupKind(node.kind) ? (node.size ?? { width: 0, height: 0 }) : COMPONENT_SIZE;
}

/** Where a node sits inside its parent. */
const rectOf = (node: DiagramNode): Rect => ({ ...node.position, ...sizeOf(node) });

/** What is wrong with a laid-out document: siblings that overlap, children that stick
 *  out of their group. Empty when the layout is tidy. */
export function layoutProblems(doc: Diagram): string[] {
  const problems: string[] = [];
  const byId = new Map(doc.nodes.map((node) => [node.id, node]));
  const siblings = new Map<string, DiagramNode[]>();
  for (const node of doc.nodes) {
    const parent = node.parentId ?? '';
    siblings.set(parent, [...(siblings.get(parent) ?? []), node]);
    const group = node.parentId ? byId.get(node.parentId) : undefined;
    if (!group) continue;
    if (!containsRect({ x: 0, y: 0, ...sizeOf(group) }, rectOf(node))) {
      problems.push(`${node.id} sticks out of ${group.id}`);
    }
  }
  for (const nodes of siblings.values()) {
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i]!;
        const b = nodes[j]!;
        if (overlaps(rectOf(a), rectOf(b))) problems.push(`${a.id} overlaps ${b.id}`);
      }
    }
  }
  return problems;
}
