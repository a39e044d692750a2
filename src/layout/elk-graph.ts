import type { ElkExtendedEdge, ElkNode, LayoutOptions as ElkLayoutOptions } from 'elkjs/lib/elk-api';
import { COMPONENT_SIZE, hasTrait } from '../model/catalogue.ts';
import { ancestorsIn, effectiveParents } from '../model/tree.ts';
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

/** Room between components, and between layers for an edge and its label. ELK reads
 *  spacing per nested graph, so every group carries it too. */
const SPACING: ElkLayoutOptions = {
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '100',
};

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
    ...SPACING,
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
    // no longer steer the layout, but 2,000 components take about 1.2 s instead of 8 s.
    options['elk.hierarchyHandling'] = 'SEPARATE_CHILDREN';
  }
  return options;
}

/** The innermost group holding both ends, or the root; `null` when one end holds the other. */
function edgeContainer(source: string, target: string, parents: ReadonlyMap<string, string | undefined>): string | null {
  const sourceUp = ancestorsIn(source, parents);
  const targetUp = new Set(ancestorsIn(target, parents));
  if (targetUp.has(source) || sourceUp.includes(target)) return null;
  return sourceUp.find((group) => targetUp.has(group)) ?? ROOT_ID;
}

interface LinkLike {
  id: string;
  source: string;
  target: string;
}

/** The edges ELK should see reversed so that traffic flows away from the clients.
 *
 *  ELK breaks cycles on its own, but knows nothing of where traffic starts, so in a
 *  design with a feedback loop (a stream delivering back to the WebSocket servers that
 *  published to it) it may put half the design before the clients. Only edges inside a
 *  cycle (within one strongly connected component) are candidates; among those, an
 *  edge is reversed when it leads to a node closer to the clients (breadth-first hops,
 *  then document order). That order is total, so what ELK receives has no cycle. The
 *  canvas draws every edge the right way round regardless. */
export function feedbackEdges(doc: Diagram, edges: readonly LinkLike[]): Set<string> {
  const order = new Map<string, number>();
  doc.nodes.forEach((node, i) => {
    if (!order.has(node.id)) order.set(node.id, i);
  });
  const out = new Map<string, string[]>();
  for (const edge of edges) {
    const list = out.get(edge.source);
    if (list) list.push(edge.target);
    else out.set(edge.source, [edge.target]);
  }

  const hops = new Map<string, number>();
  const queue = doc.nodes.filter((node) => hasTrait(node.kind, 'entry')).map((node) => node.id);
  for (const id of queue) hops.set(id, 0);
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    for (const next of out.get(id) ?? []) {
      if (hops.has(next)) continue;
      hops.set(next, hops.get(id)! + 1);
      queue.push(next);
    }
  }

  const component = stronglyConnected([...order.keys()], out);
  const before = (a: string, b: string) => {
    const ha = hops.get(a) ?? Infinity;
    const hb = hops.get(b) ?? Infinity;
    return ha !== hb ? ha < hb : order.get(a)! < order.get(b)!;
  };
  const feedback = new Set<string>();
  for (const edge of edges) {
    if (component.get(edge.source) === component.get(edge.target) && before(edge.target, edge.source)) {
      feedback.add(edge.id);
    }
  }
  return feedback;
}

/** Tarjan's strongly connected components, with an explicit stack so that a long
 *  chain cannot overflow the call stack. Maps each node to its component's number. */
function stronglyConnected(ids: readonly string[], out: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const frames: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const targets = out.get(frame.id) ?? [];
      if (frame.next < targets.length) {
        const next = targets[frame.next++]!;
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          frames.push({ id: next, next: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(next)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.set(member, components);
        } while (member !== frame.id);
        components++;
      }
    }
  }
  return component;
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
          ...SPACING,
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
  const usable: { id: string; source: string; target: string; container: string }[] = [];
  for (const edge of doc.edges) {
    if (edge.source === edge.target || edgeIds.has(edge.id)) continue;
    if (!elkNodes.has(edge.source) || !elkNodes.has(edge.target)) continue;
    if (edge.source === ROOT_ID || edge.target === ROOT_ID) continue;
    const container = edgeContainer(edge.source, edge.target, parents);
    if (container === null) continue;
    edgeIds.add(edge.id);
    usable.push({ id: edge.id, source: edge.source, target: edge.target, container });
  }
  const feedback = feedbackEdges(doc, usable);
  for (const edge of usable) {
    const backwards = feedback.has(edge.id);
    const elkEdge: ElkExtendedEdge = {
      id: edge.id,
      sources: [backwards ? edge.target : edge.source],
      targets: [backwards ? edge.source : edge.target],
    };
    elkNodes.get(edge.container)!.edges!.push(elkEdge);
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
