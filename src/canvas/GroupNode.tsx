import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { kindInfo } from '../model/catalogue.ts';
import { FindingBadge } from './FindingBadge.tsx';
import { EdgeAnchor } from './FlowEdge.tsx';
import { LabelEditor } from './LabelEditor.tsx';
import { countRender } from './renderCount.ts';
import { PeerMarks } from './PeerMarks.tsx';
import { drawsTheSame, type FlowNode } from './view.ts';

export const GroupNode = memo(function GroupNode({ id, data }: NodeProps<FlowNode>) {
  countRender();
  const { node, decor } = data;
  return (
    <div className={`group-node kind-${node.kind}${decor.selected ? ' is-selected' : ''}`} data-testid={`node-${id}`} data-parent={node.parentId}>
      <EdgeAnchor />
      <NodeResizer isVisible={decor.selected} minWidth={160} minHeight={100} />
      <div className="group-title">
        <span className="group-kind">{kindInfo(node.kind).name}</span>
        {decor.editing ? <LabelEditor id={id} label={node.label} /> : <span className="group-label">{node.label}</span>}
      </div>
      <FindingBadge decor={decor} />
      <PeerMarks marks={decor.peerMarks} />
    </div>
  );
}, drawsTheSame);
