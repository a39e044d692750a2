import type { ElkExtendedEdge, ElkNode, LayoutOptions as ElkLayoutOptions } from 'elkjs/lib/elk-api';
import { COMPONENT_SIZE } from '../model/catalogue.ts';
import { isGroupKind, type Diagram, type DiagramNode } from '../model/types.ts';

// The pure half of auto layout: the document as an ELK graph, and ELK's answer back
// into the document. Only types come from elkjs here, so this file costs the main
// bundle nothing; the 1.6 MB engine itself is loaded by the worker alone.

/** The size every component is drawn at: one constant, in the model, for the canvas and ELK. */
export { COMPONENT_SIZE };

export type LayoutDirection = 'RIGHT' | 'DOWN';

export interface LayoutOptions {
  /** The way requests flow: left to right, or top to bottom. */
  direction: LayoutDirection;
}

/** Room inside a group for its label above the first row of children. */
export const GROUP_PADDING = { top: 48, left: 24, bottom: 24, right: 24 } as const;
/** An empty group still needs room to be seen and dropped into. */
export const EMPTY_GROUP_SIZE = { width: 240, height: 140 } as const;

// ELK's cost grows fast with size and with edges that cross group borders. Measured
// with bench/layout.ts, these tiers keep 100 components near 150 ms and 500 under a
// second; small diagrams, the common case, get the most careful layout.
/** Up to this many components, ELK keeps the document's order where it has a free
 *  choice (stable, familiar results); its cost climbs steeply beyond (500: 1 s -> 12 s). */
export const MODEL_ORDER_LIMIT = 60;
/** Above this many, crossing minimisation makes fewer attempts. */
export const MEDIUM_GRAPH = 60;
/** Above this many, a single attempt and no greedy-switch refinement. */
export const LARGE_GRAPH = 300;
/** Above this many, each group is laid out on its own. */
export const HUGE_GRAPH = 1_000;

const ROOT_ID = '__faultline-root__';

/** Where one node goes: relative to its parent, as the document stores it. */
export interface Placement {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function layoutOptionsFor(componentCount: number, direction: LayoutDirection): ElkLayoutOptions {
  const options: ElkLayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': direction,
    // One layout over the whole hierarchy, so edges into and out of groups shape the
    // layers and the order of the groups too.
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    // The canvas draws its own straight edges; ELK's routes are never used.
    'elk.edgeRouting': 'POLYLINE',
    'elk.spacing.nodeNode': '40',
    'elk.layered.spacing.nodeNodeBetweenLayers': '80',
    'elk.spacing.componentComponent': '80',
    'elk.padding': '[top=24,left=24,bottom=24,right=24]',
  };
  if (componentCount <= MODEL_ORDER_LIMIT) {
    options['elk.layered.considerModelOrder.strategy'] = 'NODES_AND_EDGES';
  }
  if (componentCount > MEDIUM_GRAPH) options['elk.layered.thoroughness'] = '3';
  if (componentCount > LARGE_GRAPH) {
    options['elk.layered.thoroughness'] = '1';
    options['elk.layered.crossingMinimization.greedySwitch.type'] = 'OFF';
    options['elk.layered.crossingMinimization.greedySwitchHierarchical.type'] = 'OFF';
  }
  if (componentCount > HUGE_GRAPH) {
    // Each group is laid out on its own, inside out: edges that cross a group's border
    // no longer steer the layout, but 2,000 components take about 1.5 s instead of 8 s.
    options['elk.hierarchyHandling'] = 'SEPARATE_CHILDREN';
  }
  return options;
}

/** The groups a node can really sit in: an existing group, with no cycle above it. */
function effectiveParents(doc: Diagram): Map<string, string | undefined> {
  const byId = new Map<string, DiagramNode>();
  for (const node of doc.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const parents = new Map<string, string | undefined>();
  for (const node of byId.values()) {
    const parent = node.parentId !== undefined ? byId.get(node.parentId) : undefined;
    parents.set(node.id, parent && isGroupKind(parent.kind) ? parent.id : undefined);
  }
  // A parent chain that loops (only a damaged file can hold one) is cut at the node.
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

function ancestorsOf(id: string, parents: ReadonlyMap<string, string | undefined>): string[] {
  const chain: string[] = [];
  for (let up = parents.get(id); up !== undefined; up = parents.get(up)) chain.push(up);
  return chain;
}

/** The innermost group holding both ends, or the root; `null` when one end holds the other. */
function edgeContainer(source: string, target: string, parents: ReadonlyMap<string, string | undefined>): string | null {
  const sourceUp = ancestorsOf(source, parents);
  const targetUp = new Set(ancestorsOf(target, parents));
  if (targetUp.has(source) || sourceUp.includes(target)) return null;
  return sourceUp.find((group) => targetUp.has(group)) ?? ROOT_ID;
}

export function toElkGraph(doc: Diagram, options: LayoutOptions): ElkNode {
  const parents = effectiveParents(doc);
  const elkNodes = new Map<string, ElkNode>();
  const root: ElkNode = { id: ROOT_ID, children: [], edges: [] };
  elkNodes.set(ROOT_ID, root);

  let components = 0;
  for (const node of doc.nodes) {
    if (elkNodes.has(node.id)) continue;
    if (isGroupKind(node.kind)) {
      elkNodes.set(node.id, {
        id: node.id,
        children: [],
        edges: [],
        layoutOptions: {
          'elk.padding': `[top=${GROUP_PADDING.top},left=${GROUP_PADDING.left},bottom=${GROUP_PADDING.bottom},right=${GROUP_PADDING.right}]`,
          'elk.nodeSize.constraints': 'MINIMUM_SIZE',
          'elk.nodeSize.minimum': `(${EMPTY_GROUP_SIZE.width},${EMPTY_GROUP_SIZE.height})`,
        },
      });
    } else {
      components++;
      elkNodes.set(node.id, { id: node.id, width: COMPONENT_SIZE.width, height: COMPONENT_SIZE.height });
    }
  }
  // Attach in document order: ELK keeps the model order where it has a free choice.
  for (const [id, elkNode] of elkNodes) {
    if (id === ROOT_ID) continue;
    const parent = elkNodes.get(parents.get(id) ?? ROOT_ID)!;
    parent.children!.push(elkNode);
  }

  const edgeIds = new Set<string>();
  for (const edge of doc.edges) {
    if (edge.source === edge.target || edgeIds.has(edge.id)) continue;
    if (!elkNodes.has(edge.source) || !elkNodes.has(edge.target)) continue;
    if (edge.source === ROOT_ID || edge.target === ROOT_ID) continue;
    const container = edgeContainer(edge.source, edge.target, parents);
    if (container === null) continue;
    edgeIds.add(edge.id);
    const elkEdge: ElkExtendedEdge = { id: edge.id, sources: [edge.source], targets: [edge.target] };
    elkNodes.get(container)!.edges!.push(elkEdge);
  }

  root.layoutOptions = layoutOptionsFor(components, options.direction);
  return root;
}

/** Every node ELK placed, relative to its parent (ELK's own convention, and the document's). */
export function placementsOf(result: ElkNode): Placement[] {
  const placements: Placement[] = [];
  const stack: ElkNode[] = [...(result.children ?? [])];
  while (stack.length > 0) {
    const node = stack.pop()!;
    placements.push({
      id: node.id,
      x: Math.round(node.x ?? 0),
      y: Math.round(node.y ?? 0),
      width: Math.round(node.width ?? 0),
      height: Math.round(node.height ?? 0),
    });
    if (node.children) stack.push(...node.children);
  }
  return placements;
}

/** The document with every placed node moved, and every placed group resized: one new
 *  document, so the whole layout is a single undo step. Nodes ELK did not place keep
 *  their place, and untouched nodes keep their identity. */
export function applyPlacements(doc: Diagram, placements: readonly Placement[]): Diagram {
  const byId = new Map(placements.map((placement) => [placement.id, placement]));
  const nodes = doc.nodes.map((node) => {
    const placed = byId.get(node.id);
    if (!placed) return node;
    const moved = node.position.x !== placed.x || node.position.y !== placed.y;
    const group = isGroupKind(node.kind);
    const resized = group && (node.size?.width !== placed.width || node.size?.height !== placed.height);
    if (!moved && !resized) return node;
    const next: DiagramNode = { ...node, position: { x: placed.x, y: placed.y } };
    if (group) next.size = { width: placed.width, height: placed.height };
    return next;
  });
  return { ...doc, nodes };
}

export function applyLayout(doc: Diagram, result: ElkNode): Diagram {
  return applyPlacements(doc, placementsOf(result));
}
