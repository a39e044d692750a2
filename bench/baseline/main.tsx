// The benchmark's baseline: the same graph in bare React Flow, default nodes and
// no app code, so our frame times can be read as a ratio to it.
import { applyNodeChanges, ReactFlow, type Edge, type Node, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

interface BenchGraph {
  nodes: { id: string; label: string; x: number; y: number }[];
  edges: { id: string; source: string; target: string }[];
}

const { __benchGraph: graph, __benchSelectAll: selectAll = false } = window as unknown as { __benchGraph: BenchGraph; __benchSelectAll?: boolean };

function Baseline() {
  const [nodes, setNodes] = useState<Node[]>(() =>
    graph.nodes.map((node) => ({ id: node.id, position: { x: node.x, y: node.y }, data: { label: node.label }, width: 180, height: 64, selected: selectAll })),
  );
  const [edges] = useState<Edge[]>(() => graph.edges.map((edge) => ({ ...edge })));
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={(changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current))}
      onlyRenderVisibleElements={nodes.length > 400}
      minZoom={0.05}
      fitView
    />
  );
}

createRoot(document.getElementById('root')!).render(<Baseline />);
