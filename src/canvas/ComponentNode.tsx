import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { kindInfo } from '../model/catalogue.ts';
import { replicasOf } from '../model/types.ts';
import { useEditor } from '../store/context.ts';
import { ICONS } from './icons.ts';
import { LabelEditor } from './LabelEditor.tsx';
import { FindingBadge } from './FindingBadge.tsx';
import { countRender } from './renderCount.ts';
import type { FlowNode } from './view.ts';

const SIDES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;

export const ComponentNode = memo(function ComponentNode({ id, data, selected }: NodeProps<FlowNode>) {
  countRender();
  const { node } = data;
  const info = kindInfo(node.kind);
  const Icon = ICONS[info.icon];
  const editing = useEditor((state) => state.editingLabel === id);
  const cap = useEditor((state) => state.analysis.capByNode.get(id));
  const replicas = replicasOf(node);
  return (
    <div className={`component-node kind-${node.kind}${selected ? ' is-selected' : ''}`} data-testid={`node-${id}`} data-parent={node.parentId}>
      {SIDES.map((side) => (
        <Handle key={side} id={side} type="source" position={side} className="handle" aria-label={`Connect from ${side}`} />
      ))}
      <Icon className="component-icon" aria-hidden size={22} />
      <div className="component-text">
        {editing ? <LabelEditor id={id} label={node.label} /> : <div className="component-label">{node.label}</div>}
        <div className="component-kind">{info.name}</div>
      </div>
      <div className="component-badges">
        {replicas > 1 && <span className="badge replicas" title={`${replicas} replicas`}>×{replicas}</span>}
        {cap && <span className={`badge cap cap-${cap.toLowerCase()}`} title={`Behaves as ${cap} during a partition`}>{cap}</span>}
      </div>
      <FindingBadge id={id} />
    </div>
  );
});
