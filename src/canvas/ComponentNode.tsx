import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { kindInfo } from '../model/catalogue.ts';
import { replicasOf } from '../model/types.ts';
import { ICONS } from './icons.ts';
import { LabelEditor } from './LabelEditor.tsx';
import { FindingBadge } from './FindingBadge.tsx';
import { EdgeAnchor } from './FlowEdge.tsx';
import { useCompact } from './detail.tsx';
import { countRender } from './renderCount.ts';
import { PeerMarks } from './PeerMarks.tsx';
import { useLiveLoad } from './liveLoad.tsx';
import { busyClassOf, drawsTheSame, type FlowNode } from './view.ts';

const SIDES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;

export const ComponentNode = memo(function ComponentNode({ id, data }: NodeProps<FlowNode>) {
  countRender();
  const { node, decor } = data;
  const compact = useCompact() && !decor.editing;
  const busy = useLiveLoad((load) => busyClassOf(load, id));
  const info = kindInfo(node.kind);
  const className = `component-node kind-${node.kind}${decor.selected ? ' is-selected' : ''}${compact ? ' is-compact' : ''}${busy ? ` ${busy}` : ''}`;
  if (compact) {
    return (
      <div className={className} data-testid={`node-${id}`} data-parent={node.parentId} title={`${node.label} (${info.name})`}>
        <EdgeAnchor />
        <div className="component-label">{node.label}</div>
        <FindingBadge decor={decor} />
        <PeerMarks marks={decor.peerMarks} />
      </div>
    );
  }
  const Icon = ICONS[info.icon];
  const replicas = replicasOf(node);
  return (
    <div className={className} data-testid={`node-${id}`} data-parent={node.parentId}>
      <EdgeAnchor />
      {SIDES.map((side) => (
        <Handle key={side} id={side} type="source" position={side} className="handle" />
      ))}
      <Icon className="component-icon" aria-hidden size={20} />
      <div className="component-text">
        {decor.editing ? <LabelEditor id={id} label={node.label} /> : <div className="component-label">{node.label}</div>}
        {/* The badges share the kind's line, leaving the label the node's whole width. */}
        <div className="component-meta">
          <span className="component-kind">{info.name}</span>
          {replicas > 1 && <span className="badge replicas" title={`${replicas} replicas`}>×{replicas}</span>}
          {decor.cap && <span className={`badge cap cap-${decor.cap.toLowerCase()}`} title={`Behaves as ${decor.cap} during a partition`}>{decor.cap}</span>}
        </div>
      </div>
      <FindingBadge decor={decor} />
      <PeerMarks marks={decor.peerMarks} />
    </div>
  );
}, drawsTheSame);
