import {
  Background,
  ConnectionMode,
  Controls,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type PointerEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NODE_KINDS } from '../model/catalogue.ts';
import { connect, moveNodes } from '../model/ops.ts';
import type { NodeKind } from '../model/types.ts';
import { sameViewport, type Viewport } from '../model/viewport.ts';
import { addComponent } from '../commands/editing.ts';
import type { CommandContext } from '../commands/registry.ts';
import { useEditor, useEditorStore } from '../store/context.ts';
import { colorSchemeOf } from '../store/editor.ts';
import { useBlastRadius } from './useBlastRadius.ts';
import { ComponentNode } from './ComponentNode.tsx';
import { GroupNode } from './GroupNode.tsx';
import { EdgeMarkers, FlowEdge } from './FlowEdge.tsx';
import { applyNodeEdit, readNodeChanges } from './changes.ts';
import { placeDropped, reparentDropped } from './drop.ts';
import { applySelection } from './selection.ts';
import { createMoveBatch } from './moveBatch.ts';
import { DetailLevel } from './detail.tsx';
import { Minimap } from './Minimap.tsx';
import { PeerCursors } from './PeerCursors.tsx';
import { usePeerView } from './usePeerView.ts';
import { EmptyCanvasHint } from './EmptyCanvasHint.tsx';
import { openingViewport } from './opening.ts';
import { createViewCache, decorFiguresOf, FIT_ALL, keepDrawn, type FlowNode } from './view.ts';
import { LiveLoad } from './liveLoad.tsx';

export const KIND_MIME = 'application/x-faultline-kind';

const nodeTypes = { component: ComponentNode, group: GroupNode };
const edgeTypes = { flow: FlowEdge };
const GRID: [number, number] = [16, 16];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const none: ReadonlySet<string> = new Set();
const PRO_OPTIONS = { hideAttribution: true };

function isKind(value: string): value is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(value);
}

export function Canvas({ context, onFilesDropped }: { context: CommandContext; onFilesDropped(files: File[]): void }) {
  const store = useEditorStore();
  const flow = useReactFlow();
  const flowStore = useStoreApi<FlowNode>();
  // What the canvas draws, not every edit: a client's rps typed in the form leaves the
  // canvas alone, and so do load figures it does not show.
  const [drawn] = useState(keepDrawn);
  const doc = useEditor((state) => drawn(state.doc));
  const selectedNodes = useEditor((state) => state.selectedNodes);
  const selectedEdges = useEditor((state) => state.selectedEdges);
  const snapToGrid = useEditor((state) => state.snapToGrid);
  const fitRequest = useEditor((state) => state.fitRequest);
  const openCount = useEditor((state) => state.openCount);
  const readOnly = useEditor((state) => state.saving.mode === 'read-only');
  const figures = useEditor(useShallow((state) => decorFiguresOf(state.analysis, state.canvasTint)));
  const editingLabel = useEditor((state) => state.editingLabel);
  const tint = useEditor((state) => state.canvasTint);
  const highlighted = useEditor((state) => state.highlightedNodes);
  const showInfo = useEditor((state) => state.showInfo);
  const colorScheme = useEditor(colorSchemeOf);
  const blast = useBlastRadius();
  const presence = useEditor((state) => state.presence);
  const { shown, marked } = usePeerView(doc);
  const [cache] = useState(createViewCache);

  const nodes = useMemo(
    () =>
      cache.nodes(shown, {
        selected: selectedNodes,
        dimmed: blast?.lostSet ?? none,
        affected: blast?.affectedSet ?? none,
        highlighted,
        analysis: figures,
        editingLabel,
        tint,
        peerMarks: marked,
      }),
    [cache, shown, selectedNodes, blast, figures, editingLabel, tint, highlighted, marked],
  );
  const edges = useMemo(() => cache.edges(shown, selectedEdges), [cache, shown, selectedEdges]);

  useEffect(() => {
    // An empty canvas keeps its zoom, so the first component does not fill the screen.
    if (fitRequest > 0 && store.getState().doc.nodes.length > 0) {
      requestAnimationFrame(() => void flow.fitView(FIT_ALL));
    }
  }, [fitRequest, flow, store]);

  useEffect(() => {
    if (openCount === 0) return;
    const { viewport, doc: opened } = store.getState();
    if (viewport) void flow.setViewport(viewport);
    else if (opened.nodes.length > 0) {
      // A frame later the pane has its size even when the app has only just started.
      requestAnimationFrame(() => {
        const { width, height } = flowStore.getState();
        const first = openingViewport(store.getState().doc, { width, height });
        void (first ? flow.setViewport(first) : flow.fitView(FIT_ALL));
      });
    } else void flow.setViewport({ x: 0, y: 0, zoom: 1 });
  }, [openCount, flow, flowStore, store]);

  const [dragMoves] = useState(() => createMoveBatch((positions) => store.getState().updateGesture((current) => moveNodes(current, positions))));
  useEffect(() => () => dragMoves.flush(), [dragMoves]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const state = store.getState();
      const selected = applySelection(state.selectedNodes, changes);
      if (selected) state.selectNodes(selected);
      for (const edit of readNodeChanges(changes, dragMoves.add)) {
        // Positions set outright come after any still gathered from the drag.
        if (edit.type === 'move') dragMoves.flush();
        state.updateGesture((current) => applyNodeEdit(current, edit));
      }
    },
    [store, dragMoves],
  );

  // Removal goes through commands, so only selection changes matter here.
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selected = applySelection(store.getState().selectedEdges, changes);
      if (selected) store.getState().selectEdges(selected);
    },
    [store],
  );

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: FlowNode, dragged: FlowNode[]) => {
      dragMoves.flush();
      const state = store.getState();
      const movedIds = new Set(dragged.map((node) => node.id));
      state.updateGesture((current) => reparentDropped(current, movedIds));
      state.endGesture();
    },
    [store, dragMoves],
  );

  // Every handler keeps its identity across renders: React Flow hands them to each
  // node's wrapper, and a new function would re-render all of them on every frame.
  const onNodeDragStart = useCallback(() => store.getState().beginGesture(), [store]);
  const onNodeDoubleClick = useCallback((_event: unknown, node: FlowNode) => store.getState().startEditingLabel(node.id), [store]);
  const onMoveEnd = useCallback(
    (_event: unknown, viewport: Viewport) => {
      // Restoring a saved viewport (when opening, or taking another tab's save) ends a
      // "move" too. Stored again, it would count as an edit, be saved, and send the
      // other tab reloading in turn, until one of them had unsaved work and stopped.
      if (!sameViewport(store.getState().viewport, viewport)) store.getState().setViewport(viewport);
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => store.getState().edit((current) => connect(current, connection.source, connection.target)),
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(KIND_MIME) || event.dataTransfer.types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const files = [...event.dataTransfer.files];
      if (files.length > 0) return onFilesDropped(files);
      const kind = event.dataTransfer.getData(KIND_MIME);
      if (!isKind(kind) || store.getState().saving.mode === 'read-only') return;
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const { at, parentId } = placeDropped(store.getState().doc, kind, point);
      addComponent(store, kind, at, parentId);
    },
    [flow, store, onFilesDropped],
  );

  // In a live room the others see this pointer, wherever it is over the diagram;
  // panning or zooming under a still pointer moves it over the diagram too.
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const onPointerMove = useCallback(
    (event: PointerEvent) => {
      pointer.current = { x: event.clientX, y: event.clientY };
      presence?.point(flow.screenToFlowPosition(pointer.current));
    },
    [presence, flow],
  );
  const onPointerLeave = useCallback(() => {
    pointer.current = null;
    presence?.point(null);
  }, [presence]);
  const onMove = useCallback(() => {
    if (pointer.current) presence?.point(flow.screenToFlowPosition(pointer.current));
  }, [presence, flow]);

  return (
    <div
      className={`canvas${showInfo ? '' : ' hide-info'}`}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onPointerMove={presence ? onPointerMove : undefined}
      onPointerLeave={presence ? onPointerLeave : undefined}
    >
      <EdgeMarkers />
      <DetailLevel>
        <LiveLoad>
          <ReactFlow<FlowNode>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onNodeDragStart={onNodeDragStart}
            onNodeDragStop={onNodeDragStop}
            onNodeDoubleClick={onNodeDoubleClick}
            onConnect={onConnect}
            onMove={presence ? onMove : undefined}
            onMoveEnd={onMoveEnd}
            connectionMode={ConnectionMode.Loose}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={MULTI_SELECT_KEYS}
            snapToGrid={snapToGrid}
            snapGrid={GRID}
            colorMode={colorScheme}
            minZoom={0.05}
            onlyRenderVisibleElements={nodes.length > 400}
            proOptions={PRO_OPTIONS}
            aria-label="Diagram canvas"
          >
            <Background gap={GRID[0]} />
            <Minimap />
            <Controls showInteractive={false} />
            <PeerCursors />
          </ReactFlow>
        </LiveLoad>
      </DetailLevel>
      <EmptyCanvasHint context={context} />
    </div>
  );
}
