import { BaseEdge, EdgeLabelRenderer, Handle, Position, useStore, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { EDGE_KIND_INFO } from '../model/catalogue.ts';
import { edgeKindOf } from '../model/types.ts';
import { edgeEnds, labelPoint, rectAround, type Rect } from '../model/geometry.ts';
import { useLiveLoad } from './liveLoad.tsx';
import { EDGE_ANCHOR, edgeRateOf, type FlowEdge as FlowEdgeView } from './view.ts';
import { useCompact } from './detail.tsx';

/** A straight edge between the borders of its two nodes, styled by its kind. React
 *  Flow passes the centres of both ends (each node's one handle is at its centre). */
export const FlowEdge = memo(function FlowEdge({ id, sourceX, sourceY, targetX, targetY, data, selected }: EdgeProps<FlowEdgeView>) {
  // Below the readable zoom an arrowhead is a pixel or two and a label's text is
  // smaller than that, and each one is laid out and painted on its own: the line alone
  // says enough there.
  const compact = useCompact();
  const named = data && !compact ? (data.edge.label ?? (data.edge.props.protocol || '')) : '';
  const rate = useLiveLoad((load) => (compact ? undefined : edgeRateOf(load, id)));
  const label = rate ? (named ? `${named} · ${rate}` : rate) : named;
  const obstacles = useStore(label !== '' ? labelObstacles : noObstacles);
  const from = data && rectAround({ x: sourceX, y: sourceY }, data.sourceSize);
  const to = data && rectAround({ x: targetX, y: targetY }, data.targetSize);
  const ends = from && to ? edgeEnds(from, to) : undefined;
  // Placed again only when the line, the label's length or what it keeps off changed:
  // a new rate of the same length keeps its spot.
  const labelAt = useMemo(
    () => (ends && from && to && label ? labelPoint(ends.start, ends.end, labelSize(label), [from, to, ...obstacles]) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the points by value, the label by length
    [ends?.start.x, ends?.start.y, ends?.end.x, ends?.end.y, label.length, obstacles],
  );
  if (!data || !ends) return null;
  const { start, end } = ends;
  const kind = edgeKindOf(data.edge);
  const path = `M ${start.x},${start.y} L ${end.x},${end.y}`;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={compact ? undefined : `url(#arrow-${selected ? 'selected' : kind})`}
        className={`flow-edge edge-${kind}${selected ? ' is-selected' : ''}`}
        style={{ strokeDasharray: EDGE_KIND_INFO[kind].dash || undefined }}
        interactionWidth={16}
      />
      {labelAt && (
        <EdgeLabelRenderer>
          <div
            className="edge-label nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelAt.x}px, ${labelAt.y}px)` }}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

// Sizes of a label in canvas pixels, near enough to keep it off other components
// (13 px text, styles.css `.edge-label`).
const LABEL_CHAR_WIDTH = 7.5;
const LABEL_HEIGHT = 20;
const labelSize = (text: string) => ({ width: text.length * LABEL_CHAR_WIDTH + 10, height: LABEL_HEIGHT });
/** Past this many nodes, labels stay in the middle: looking for a clear spot would
 *  cost every labelled edge a pass over all nodes on each frame of a drag. */
const LABEL_PLACEMENT_UP_TO = 1000;
const noRects: readonly Rect[] = [];

/** A zone's or region's title strip (styles.css `.group-title`): a label moved aside
 *  must not cover it, though it may sit anywhere else inside the group. */
const GROUP_TITLE_HEIGHT = 28;

/** What every label keeps off: each component (its own edge's two ends among them) and
 *  each group's title strip, from React Flow's placed nodes. */
function obstaclesOf({ nodeLookup }: ReactFlowState): readonly Rect[] {
  if (nodeLookup.size > LABEL_PLACEMENT_UP_TO) return noRects;
  const rects: Rect[] = [];
  for (const node of nodeLookup.values()) {
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? node.width ?? 0;
    if (node.type === 'group') rects.push({ x, y, width, height: GROUP_TITLE_HEIGHT });
    else if (node.type === 'component') rects.push({ x, y, width, height: node.measured.height ?? node.height ?? 0 });
  }
  return rects;
}

const sameRects = (a: readonly Rect[], b: readonly Rect[]) =>
  a.length === b.length && a.every((r, i) => r.x === b[i]!.x && r.y === b[i]!.y && r.width === b[i]!.width && r.height === b[i]!.height);

/** The obstacles, worked out once per change to React Flow's nodes however many edges
 *  ask, and the same array while every rectangle is the same: an edit that recolours
 *  nodes or changes a rate leaves the labels' edges alone. */
const labelObstacles = (() => {
  let nodes: ReactFlowState['nodes'] | undefined;
  let rects: readonly Rect[] = noRects;
  return (state: ReactFlowState): readonly Rect[] => {
    if (state.nodes === nodes) return rects;
    nodes = state.nodes;
    const next = obstaclesOf(state);
    if (!sameRects(next, rects)) rects = next;
    return rects;
  };
})();
const noObstacles = () => noRects;

/** The point every edge of a node attaches to: an invisible handle at its centre,
 *  drawn by every node at every zoom so React Flow finds it when it measures. */
export function EdgeAnchor() {
  return <Handle id={EDGE_ANCHOR} type="source" position={Position.Top} className="edge-anchor" isConnectable={false} />;
}

/** Arrowheads, one per edge kind plus the selected colour. */
export function EdgeMarkers() {
  return (
    <svg className="edge-markers" aria-hidden width="0" height="0">
      <defs>
        {['request', 'async', 'replication', 'selected'].map((name) => (
          <marker key={name} id={`arrow-${name}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className={`arrow arrow-${name}`} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
