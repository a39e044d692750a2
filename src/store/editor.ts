import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { Clipboard } from '../model/ops.ts';
import { emptyDiagram, type Diagram } from '../model/types.ts';
import type { Viewport } from '../model/viewport.ts';
import { emptyAnalysis, type AnalysisView } from './analysisView.ts';
import { emptyHistory, record, redo, undo, type History } from './history.ts';

// The editor's state: the document (in the file format's model, not React Flow's
// objects) with its history, kept apart from UI state. Everything that changes the
// document goes through `edit` or a gesture, so every change is undoable.

export type Dialog = 'shortcuts' | 'rules' | 'library' | 'templates' | 'delete-group' | null;

export type SavingState =
  | { mode: 'starting' }
  | { mode: 'on' }
  | { mode: 'off'; reason: string }
  | { mode: 'read-only'; reason: string };

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export interface EditorState {
  doc: Diagram;
  history: History;
  /** The document as it was when the current drag or resize began. */
  gestureBase: Diagram | null;
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  clipboard: Clipboard | null;
  pasteCount: number;
  /** The failure unit whose loss the canvas is showing, if any. */
  blastUnit: string | null;
  editingLabel: string | null;
  dialog: Dialog;
  snapToGrid: boolean;
  showInfo: boolean;
  notice: Notice | null;
  diagramId: string | null;
  saving: SavingState;
  /** Bumped when the canvas should fit the view (a diagram opened, a layout applied). */
  fitRequest: number;
  /** Bumped each time a diagram is opened, so the canvas restores its viewport. */
  openCount: number;
  viewport: Viewport | null;
  analysis: AnalysisView;
  layoutRunning: boolean;
  layoutDirection: 'RIGHT' | 'DOWN';
}

export type { Viewport };

export interface EditorActions {
  edit(change: (doc: Diagram) => Diagram, select?: { nodes?: string[]; edges?: string[] }): void;
  beginGesture(): void;
  updateGesture(change: (doc: Diagram) => Diagram): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
  select(nodes: Iterable<string>, edges?: Iterable<string>): void;
  clearSelection(): void;
  open(doc: Diagram, diagramId: string | null, viewport?: Viewport | null): void;
  set(partial: Partial<EditorState>): void;
}

export type Editor = EditorState & EditorActions;
export type EditorStore = ReturnType<typeof createEditorStore>;

const none: ReadonlySet<string> = new Set();

export function initialState(doc: Diagram = emptyDiagram()): EditorState {
  return {
    doc,
    history: emptyHistory,
    gestureBase: null,
    selectedNodes: none,
    selectedEdges: none,
    clipboard: null,
    pasteCount: 0,
    blastUnit: null,
    editingLabel: null,
    dialog: null,
    snapToGrid: false,
    showInfo: true,
    notice: null,
    diagramId: null,
    saving: { mode: 'starting' },
    fitRequest: 0,
    openCount: 0,
    viewport: null,
    analysis: emptyAnalysis,
    layoutRunning: false,
    layoutDirection: 'RIGHT',
  };
}

/** Drops selected ids that no longer exist in the document. */
function pruneSelection(state: EditorState, doc: Diagram): Partial<EditorState> {
  if (state.selectedNodes.size === 0 && state.selectedEdges.size === 0) return {};
  const nodeIds = new Set(doc.nodes.map((node) => node.id));
  const edgeIds = new Set(doc.edges.map((edge) => edge.id));
  return {
    selectedNodes: new Set([...state.selectedNodes].filter((id) => nodeIds.has(id))),
    selectedEdges: new Set([...state.selectedEdges].filter((id) => edgeIds.has(id))),
  };
}

export function createEditorStore(doc?: Diagram) {
  return createStore<Editor>()(
    subscribeWithSelector((set, get) => ({
      ...initialState(doc),

      edit(change, select) {
        const state = get();
        if (state.saving.mode === 'read-only') return;
        const base = state.gestureBase ?? state.doc;
        const next = change(state.doc);
        if (next === state.doc) return;
        const selection = select
          ? { selectedNodes: new Set(select.nodes ?? []), selectedEdges: new Set(select.edges ?? []) }
          : pruneSelection(state, next);
        set({
          doc: next,
          history: state.gestureBase ? state.history : record(state.history, base),
          ...selection,
        });
      },

      beginGesture() {
        if (!get().gestureBase) set({ gestureBase: get().doc });
      },

      updateGesture(change) {
        const state = get();
        if (state.saving.mode === 'read-only') return;
        const next = change(state.doc);
        if (next !== state.doc) set({ doc: next, gestureBase: state.gestureBase ?? state.doc });
      },

      endGesture() {
        const { gestureBase, doc, history } = get();
        if (!gestureBase) return;
        set({ gestureBase: null, history: gestureBase === doc ? history : record(history, gestureBase) });
      },

      undo() {
        const state = get();
        if (state.saving.mode === 'read-only') return;
        const step = undo(state.history, state.doc);
        if (step) set({ doc: step.doc, history: step.history, blastUnit: null, ...pruneSelection(state, step.doc) });
      },

      redo() {
        const state = get();
        if (state.saving.mode === 'read-only') return;
        const step = redo(state.history, state.doc);
        if (step) set({ doc: step.doc, history: step.history, blastUnit: null, ...pruneSelection(state, step.doc) });
      },

      select(nodes, edges = []) {
        set({ selectedNodes: new Set(nodes), selectedEdges: new Set(edges) });
      },

      clearSelection() {
        const state = get();
        if (state.selectedNodes.size || state.selectedEdges.size) set({ selectedNodes: none, selectedEdges: none });
      },

      open(next, diagramId, viewport = null) {
        set({
          viewport,
          doc: next,
          diagramId,
          history: emptyHistory,
          gestureBase: null,
          selectedNodes: none,
          selectedEdges: none,
          blastUnit: null,
          editingLabel: null,
          openCount: get().openCount + 1,
        });
      },

      set(partial) {
        set(partial);
      },
    })),
  );
}
