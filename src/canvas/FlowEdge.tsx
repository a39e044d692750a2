import { BaseEdge, EdgeLabelRenderer, Handle, Position, useStore, useStoreApi, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { EDGE_KIND_INFO } from '../model/catalogue.ts';
import { edgeKindOf } from '../model/types.ts';
import { edgeEnds, labelPoint, rectAround, type Rect } from '../model/geometry.ts';
import { EDGE_ANCHOR, type FlowEdge as FlowEdgeView } from './view.ts';
import { useCompact } from './detail.tsx';

/** A straight edge between the borders of its two nodes, styled by its kind. React
 *  Flow passes the centres of both ends (each node's one handle is at its centre). */
export const FlowEdge = memo(function FlowEdge({ id, source, target, sourceX, sourceY, targetX, targetY, data, selected }: EdgeProps<FlowEdgeView>) {
  // Below the readable zoom an arrowhead is a pixel or two, and each one is painted
  // on its own: the line alone says enough there.
  const compact = useCompact();
  const named = data ? (data.edge.label ?? (data.edge.props.protocol || '')) : '';
  const label = data?.rate ? (named ? `${named} · ${data.rate}` : data.rate) : named;
  const others = useOtherComponents(label !== '', source, target);
  if (!data) return null;
  const from = rectAround({ x: sourceX, y: sourceY }, data.sourceSize);
  const to = rectAround({ x: targetX, y: targetY }, data.targetSize);
  const { start, end } = edgeEnds(from, to);
  const kind = edgeKindOf(data.edge);
  const path = `M ${start.x},${start.y} L ${end.x},${end.y}`;
  const labelAt = label ? labelPoint(start, end, labelSize(label), [from, to, ...others]) : null;
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
const nodesOf = (state: ReactFlowState) => state.nodes;
const noNodes = () => null;

/** A zone's or region's title strip (styles.css `.group-title`): a label moved aside
 *  must not cover it, though it may sit anywhere else inside the group. */
const GROUP_TITLE_HEIGHT = 28;

/** What a labelled edge's label keeps off: the components other than the edge's two
 *  ends (those are added by the caller) and the groups' title strips. */
function useOtherComponents(labelled: boolean, source: string, target: string): readonly Rect[] {
  const flow = useStoreApi();
  // Node views change together when the document does; React Flow has placed them by then.
  const nodes = useStore(labelled ? nodesOf : noNodes);
  return useMemo(() => {
    const { nodeLookup } = flow.getState();
    if (!nodes || nodeLookup.size > LABEL_PLACEMENT_UP_TO) return noRects;
    const rects: Rect[] = [];
    for (const node of nodeLookup.values()) {
      if (node.id === source || node.id === target) continue;
      const { x, y } = node.internals.positionAbsolute;
      const width = node.measured.width ?? node.width ?? 0;
      if (node.type === 'group') rects.push({ x, y, width, height: GROUP_TITLE_HEIGHT });
      else if (node.type === 'component') rects.push({ x, y, width, height: node.measured.height ?? node.height ?? 0 });
    }
    return rects;
  }, [flow, nodes, source, target]);
}

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
