import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { Severity } from '../analysis/types.ts';
import { formatRate } from '../analysis/numbers/load-words.ts';
import type { AnalysisView } from '../store/analysisView.ts';
import type { Busy } from '../analysis/numbers/headroom.ts';
import type { CanvasTint } from '../store/editor.ts';
import { COMPONENT_SIZE, drawnSize } from '../model/catalogue.ts';
import { sameExceptPosition } from '../model/ops.ts';
import { isGroupKind, replicasOf, type Diagram, type DiagramEdge, type DiagramNode, type Size } from '../model/types.ts';
import { sameMarks, unmarked, type PeerMark } from './peers.ts';

// React Flow renders view objects derived from the document. A view object is
// rebuilt only when its document object or its selection changed, so React Flow
// and the memoised node components skip everything an edit did not touch.

/** How the canvas fits the whole diagram: never zoomed in past 100%. */
export const FIT_ALL = { padding: 0.15, maxZoom: 1 } as const;

export type Emphasis = 'dimmed' | 'affected' | undefined;

/** Everything a node shows besides its document object. Node components read it
 *  from their props, so an edit or a review re-renders only the nodes whose view
 *  changed. The one exception is the load colour (`busyClassOf`), which changes on
 *  every rps edit: nodes read it from the canvas's load store (`canvas/liveLoad.tsx`). */
export interface NodeDecor {
  selected: boolean;
  emphasis: Emphasis;
  /** A finding the pointer or focus is on is about it. */
  highlighted: boolean;
  editing: boolean;
  worst: Severity | undefined;
  findings: number;
  cap: 'CP' | 'AP' | undefined;
  /** The class the downtime tint gives the node: its share of downtime. */
  tint: string | undefined;
  /** The others in a live room who have it selected or in hand. */
  peerMarks: readonly PeerMark[];
}

export type ComponentNodeData = { node: DiagramNode; decor: NodeDecor };
export type FlowNode = Node<ComponentNodeData, 'component' | 'group'>;
/** The sizes of the two ends: with the centres React Flow passes in, they give the
 *  rectangles an edge runs between, without subscribing to either node. */
export type EdgeData = { edge: DiagramEdge; sourceSize: Size; targetSize: Size };
export type FlowEdge = Edge<EdgeData, 'flow'>;

/** What a node's decor reads from the review. */
export type DecorFigures = Pick<AnalysisView, 'worstByNode' | 'countByNode' | 'capByNode' | 'downtimeShareByNode'>;

const noFigures = new Map<never, never>();

/** The parts of the review the nodes show under `tint`, selected with shallow
 *  equality: the load figures, which come back on every rps edit, are not among them. */
export function decorFiguresOf(analysis: AnalysisView, tint: CanvasTint): DecorFigures {
  return {
    worstByNode: analysis.worstByNode,
    countByNode: analysis.countByNode,
    capByNode: analysis.capByNode,
    downtimeShareByNode: tint === 'downtime' ? analysis.downtimeShareByNode : noFigures,
  };
}

/** The load figures the canvas shows, which its nodes and edges read themselves
 *  (`canvas/liveLoad.tsx`): none unless it is coloured by load, and edge rates only
 *  while some client has a rate. */
export interface CanvasLoad {
  busyByNode: ReadonlyMap<string, Busy>;
  edgeRate: ReadonlyMap<string, number>;
}

const noLoad: CanvasLoad = { busyByNode: noFigures, edgeRate: noFigures };

export function canvasLoadOf({ canvasTint, analysis }: { canvasTint: CanvasTint; analysis: Pick<AnalysisView, 'busyByNode' | 'load'> }): CanvasLoad {
  if (canvasTint !== 'load') return noLoad;
  return { busyByNode: analysis.busyByNode, edgeRate: analysis.load?.active ? analysis.load.edgeRate : noFigures };
}

/** The load colour class of component `id`. */
export function busyClassOf(load: CanvasLoad, id: string): string | undefined {
  const busy = load.busyByNode.get(id);
  return busy && `busy-${busy}`;
}

/** The rate label of edge `id` ("1,200/s"). */
export function edgeRateOf(load: CanvasLoad, id: string): string | undefined {
  const rps = load.edgeRate.get(id);
  return rps === undefined ? undefined : `${formatRate(rps)}/s`;
}

/** What the canvas knows beyond the document when it builds node views. */
export interface ViewContext {
  selected: ReadonlySet<string>;
  /** Lost in the failure view. */
  dimmed: ReadonlySet<string>;
  /** Entries that lose something in the failure view. */
  affected: ReadonlySet<string>;
  highlighted: ReadonlySet<string>;
  analysis: DecorFigures;
  editingLabel: string | null;
  tint: CanvasTint;
  /** Who else in a live room has each component selected or in hand. */
  peerMarks?: ReadonlyMap<string, readonly PeerMark[]>;
}

const HANDLE = 9;

/** The handle every edge attaches to, at the centre of its node: React Flow passes its
 *  position to the edge, which draws from border to border. Every node draws it
 *  (`EdgeAnchor`), compact ones and groups included, because React Flow measures each
 *  node once it is on the page and from then on knows only the handles it found
 *  there; edges name it, so they never fall back to whichever handle comes first. */
export const EDGE_ANCHOR = 'centre';

/** Handles declared up front, so edges are placed before React Flow has measured
 *  anything: the edge anchor, then the side handles a full component draws for
 *  starting and finishing a connection. */
function makeHandles(width: number, height: number, sides: boolean): NodeHandle[] {
  const centre: NodeHandle = { id: EDGE_ANCHOR, type: 'source', position: Position.Top, x: width / 2, y: height / 2, width: 0, height: 0 };
  if (!sides) return [centre];
  const half = HANDLE / 2;
  const side = (position: Position, x: number, y: number): NodeHandle => ({ id: position, type: 'source', position, x: x - half, y: y - half, width: HANDLE, height: HANDLE });
  return [
    centre,
    side(Position.Top, width / 2, 0),
    side(Position.Right, width, height / 2),
    side(Position.Bottom, width / 2, height),
    side(Position.Left, 0, height / 2),
  ];
}

// Every component has the same size, so thousands of them share one handle list.
const COMPONENT_HANDLES = makeHandles(COMPONENT_SIZE.width, COMPONENT_SIZE.height, true);

export function decorOf(id: string, context: ViewContext): NodeDecor {
  const { analysis } = context;
  return {
    selected: context.selected.has(id),
    emphasis: context.dimmed.has(id) ? 'dimmed' : context.affected.has(id) ? 'affected' : undefined,
    highlighted: context.highlighted.has(id),
    editing: context.editingLabel === id,
    worst: analysis.worstByNode.get(id),
    findings: analysis.countByNode.get(id) ?? 0,
    cap: analysis.capByNode.get(id),
    tint: tintOf(id, context),
    peerMarks: context.peerMarks?.get(id) ?? unmarked,
  };
}

function tintOf(id: string, { tint, analysis }: ViewContext): string | undefined {
  if (tint !== 'downtime') return undefined;
  const share = analysis.downtimeShareByNode.get(id);
  return share && `tint-${share}`;
}

/** The memo test of the node components: re-render only when what is drawn changed.
 *  A node's position is React Flow's business, so a node that only moved is not drawn
 *  again. */
export function drawsTheSame(before: { id: string; data: ComponentNodeData }, after: { id: string; data: ComponentNodeData }): boolean {
  return before.id === after.id && before.data.decor === after.data.decor && sameExceptPosition(before.data.node, after.data.node);
}

/** Two versions of a node that React Flow and the node components draw the same: an
 *  edit to a property neither shows (a client's rps, a timeout) keeps the node's view,
 *  so React Flow has nothing to adopt and no node to draw again. A node's view keeps
 *  the version it was made from; only what is drawn is read from it. */
function drawnAlike(a: DiagramNode, b: DiagramNode): boolean {
  return a.kind === b.kind && a.label === b.label && a.parentId === b.parentId && a.position === b.position && a.size === b.size && replicasOf(a) === replicasOf(b);
}

/** Two documents the canvas draws the same: the same nodes in the same order, each
 *  drawn alike, and the very same edges. */
export function drawnTheSame(a: Diagram, b: Diagram): boolean {
  if (a === b) return true;
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const before = a.nodes[i]!;
    const after = b.nodes[i]!;
    if (before !== after && (before.id !== after.id || !drawnAlike(before, after))) return false;
  }
  return a.edges === b.edges || a.edges.every((edge, i) => edge === b.edges[i]);
}

/** A selector's memory of the document as last drawn: it answers with that document
 *  for as long as each newer one draws the same, so that a component reading the
 *  document through it (the canvas, the minimap) is not rendered again for an edit it
 *  does not show, such as a client's rps typed at 500 components. */
export function keepDrawn(): (doc: Diagram) => Diagram {
  let drawn: Diagram | null = null;
  return (doc) => (drawn !== null && drawnTheSame(drawn, doc) ? drawn : (drawn = doc));
}

function sameDecor(a: NodeDecor, b: NodeDecor): boolean {
  return a.selected === b.selected && a.emphasis === b.emphasis && a.highlighted === b.highlighted && a.editing === b.editing && a.worst === b.worst && a.findings === b.findings && a.cap === b.cap && a.tint === b.tint && sameMarks(a.peerMarks, b.peerMarks);
}

export function toFlowNode(node: DiagramNode, decor: NodeDecor): FlowNode {
  const group = isGroupKind(node.kind);
  const { width, height } = drawnSize(node);
  const view: FlowNode = {
    id: node.id,
    type: group ? 'group' : 'component',
    position: node.position,
    data: { node, decor },
    selected: decor.selected,
    width,
    height,
    // Known sizes let React Flow place edges without waiting to measure.
    measured: { width, height },
    className: [decor.emphasis && `is-${decor.emphasis}`, decor.highlighted && 'is-highlighted', decor.tint].filter(Boolean).join(' ') || undefined,
    ariaLabel: `${node.label}`,
  };
  view.handles = group ? makeHandles(width, height, false) : COMPONENT_HANDLES;
  if (node.parentId) view.parentId = node.parentId;
  if (group) view.zIndex = node.kind === 'region' ? -2 : -1;
  return view;
}

export function toFlowEdge(edge: DiagramEdge, selected: boolean, sourceSize: Size, targetSize: Size): FlowEdge {
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: EDGE_ANCHOR,
    targetHandle: EDGE_ANCHOR,
    type: 'flow',
    data: { edge, sourceSize, targetSize },
    selected,
  };
}

function sameFields(a: ViewContext, b: ViewContext): boolean {
  return a.selected === b.selected && a.dimmed === b.dimmed && a.affected === b.affected && a.highlighted === b.highlighted && a.analysis === b.analysis && a.editingLabel === b.editingLabel && a.tint === b.tint && a.peerMarks === b.peerMarks;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Keeps view objects stable across renders: same input, same object. */
export function createViewCache() {
  const nodes = new Map<string, { source: DiagramNode; decor: NodeDecor; view: FlowNode }>();
  const edges = new Map<string, FlowEdge>();
  let lastEdges: FlowEdge[] = [];
  let lastNodes: FlowNode[] = [];
  let lastContext: ViewContext | null = null;

  return {
    nodes(doc: Diagram, context: ViewContext): FlowNode[] {
      const sameContext = lastContext !== null && sameFields(context, lastContext);
      lastContext = context;
      const seen = new Set<string>();
      const views = doc.nodes.map((node) => {
        seen.add(node.id);
        const hit = nodes.get(node.id);
        // While only the document changes (a drag, every frame), decor stays as it was.
        const fresh = hit && sameContext ? hit.decor : decorOf(node.id, context);
        const decor = hit && sameDecor(hit.decor, fresh) ? hit.decor : fresh;
        if (hit && decor === hit.decor && (hit.source === node || drawnAlike(hit.source, node))) {
          hit.source = node;
          return hit.view;
        }
        const view = toFlowNode(node, decor);
        nodes.set(node.id, { source: node, decor, view });
        return view;
      });
      for (const id of nodes.keys()) if (!seen.has(id)) nodes.delete(id);
      // A review that changed no badge leaves React Flow with nothing to do.
      return (lastNodes = sameItems(views, lastNodes) ? lastNodes : views);
    },
    edges(doc: Diagram, selected: ReadonlySet<string>): FlowEdge[] {
      const seen = new Set<string>();
      const groups = new Map(doc.nodes.filter((node) => isGroupKind(node.kind)).map((node) => [node.id, drawnSize(node)]));
      const groupSize = (id: string) => groups.get(id) ?? COMPONENT_SIZE;
      const views = doc.edges.map((edge) => {
        seen.add(edge.id);
        const isSelected = selected.has(edge.id);
        const sourceSize = groupSize(edge.source);
        const targetSize = groupSize(edge.target);
        const hit = edges.get(edge.id);
        if (hit && hit.data!.edge === edge && hit.selected === isSelected && hit.data!.sourceSize === sourceSize && hit.data!.targetSize === targetSize) return hit;
        const view = toFlowEdge(edge, isSelected, sourceSize, targetSize);
        edges.set(edge.id, view);
        return view;
      });
      for (const id of edges.keys()) if (!seen.has(id)) edges.delete(id);
      // Moving a node leaves every edge view as it was: handing React Flow the same
      // array spares it re-indexing every connection on every frame of a drag.
      return (lastEdges = sameItems(views, lastEdges) ? lastEdges : views);
    },
  };
}
