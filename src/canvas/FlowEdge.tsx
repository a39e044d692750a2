import { BaseEdge, EdgeLabelRenderer, useInternalNode, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { EDGE_KIND_INFO } from '../model/catalogue.ts';
import { edgeKindOf } from '../model/types.ts';
import { borderPoint, centre, type Rect } from '../model/geometry.ts';
import type { FlowEdge as FlowEdgeView } from './view.ts';

function rectOf(node: ReturnType<typeof useInternalNode>): Rect | undefined {
  if (!node) return undefined;
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width ?? node.width ?? 0, height: node.measured.height ?? node.height ?? 0 };
}

/** A straight edge between the borders of its two nodes, styled by its kind. */
export const FlowEdge = memo(function FlowEdge({ id, source, target, data, selected }: EdgeProps<FlowEdgeView>) {
  const from = rectOf(useInternalNode(source));
  const to = rectOf(useInternalNode(target));
  if (!from || !to || !data) return null;
  const start = borderPoint(from, centre(to));
  const end = borderPoint(to, centre(from));
  const kind = edgeKindOf(data.edge);
  const path = `M ${start.x},${start.y} L ${end.x},${end.y}`;
  const label = data.edge.label ?? (data.edge.props.protocol || '');
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={`url(#arrow-${selected ? 'selected' : kind})`}
        className={`flow-edge edge-${kind}${selected ? ' is-selected' : ''}`}
        style={{ strokeDasharray: EDGE_KIND_INFO[kind].dash || undefined }}
        interactionWidth={16}
      />
      {label && (
        <EdgeLabelRenderer>
          <div
            className="edge-label nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${(start.x + end.x) / 2}px, ${(start.y + end.y) / 2}px)` }}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

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
