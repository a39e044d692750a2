import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { Peer, PersonLook } from '../collab/presence.ts';
import { carryOver, type Clipboard } from '../model/ops.ts';
import { emptyDiagram, type Diagram } from '../model/types.ts';
import type { Point } from '../model/types.ts';
import type { Viewport } from '../model/viewport.ts';
import type { Theme } from '../theme/tokens.ts';
import { emptyAnalysis, type AnalysisView } from './analysisView.ts';
import { emptyHistory, record, redo, undo, type History } from './history.ts';

// The editor's state: the document (in the file format's model, not React Flow's
// objects) with its history, kept apart from UI state. Everything that changes the
// document goes through `edit` or a gesture, so every change is undoable. There is no
// public setter: UI state changes through the named actions below, so each change
// says what it is, and a test can find every writer of a field.

export type Dialog = 'shortcuts' | 'rules' | 'library' | 'templates' | 'delete-group' | null;

export type SavingState =
  | { mode: 'starting' }
  | { mode: 'on' }
  | { mode: 'off'; reason: string }
  | { mode: 'read-only'; reason: string };

export interface Notice {
  kind: 'error' | 'info';
  text: string;
  /** Lines a person may open below the text: an import's report, element by element. */
  details?: readonly string[];
}

/** While a live room is joined, the document lives in the room's Y.Doc (src/collab):
 *  edits, finished gestures and undo are written there, and the room hands back each
 *  merged document through `receiveLive`. */
export interface LiveDocument {
  write(before: Diagram, after: Diagram): void;
  undo(): void;
  redo(): void;
}

/** This person's side of presence in a room (src/collab/awareness.ts): what the canvas
 *  tells the others besides the selection and drags, which the room reads from the
 *  store itself. */
export interface LivePresence {
  /** Where the pointer is over the canvas, in flow coordinates; null when it left. */
  point(at: Point | null): void;
  rename(name: string): void;
}

export type LiveStatus = 'connecting' | 'connected' | 'disconnected';

export interface LiveState {
  status: LiveStatus;
  /** This person's changes the server has not confirmed yet (kept in this browser). */
  unsent: number;
  /** People in the room, this one included. */
  people: number;
  /** How the others see this person. */
  me: PersonLook;
  canUndo: boolean;
  canRedo: boolean;
  /** The view-only link, and the edit link when this person may edit. */
  viewLink: string;
  editLink: string | null;
}

/** What the canvas colours components by: how much of a client's downtime they cause,
 *  or how busy they are at the clients' peak (with each edge's rate). */
export type CanvasTint = 'none' | 'downtime' | 'load';

export interface EditorState {
  doc: Diagram;
  /** The room's side of the document; null when editing alone. */
  liveDocument: LiveDocument | null;
  live: LiveState | null;
  /** The others in the room, as validated; none when editing alone. */
  peers: readonly Peer[];
  presence: LivePresence | null;
  history: History;
  /** The document as it was when the current drag or resize began. */
  gestureBase: Diagram | null;
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  clipboard: Clipboard | null;
  pasteCount: number;
  /** The components a finding the pointer or focus is on is about, lit up on the canvas. */
  highlightedNodes: ReadonlySet<string>;
  /** The units the failure view fails together; none when it is closed. */
  blastUnits: readonly string[];
  editingLabel: string | null;
  dialog: Dialog;
  snapToGrid: boolean;
  showInfo: boolean;
  /** How the review panel lists findings: by severity, or under each component. */
  findingsGrouping: FindingsGrouping;
  /** What the canvas colours components by, besides their findings. */
  canvasTint: CanvasTint;
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
  layoutDirection: LayoutDirection;
  /** The theme the system asks for (prefers-color-scheme). */
  systemColorScheme: ColorScheme;
  /** The theme a person chose with the toggle, which wins over the system's; none until they do. */
  chosenColorScheme: ColorScheme | null;
}

export type { Viewport };

export type LayoutDirection = 'RIGHT' | 'DOWN';

export type FindingsGrouping = 'severity' | 'component';

/** The page's theme: the same two the design tokens define. */
export type ColorScheme = Theme;

export interface EditorActions {
  edit(change: (doc: Diagram) => Diagram, select?: { nodes?: string[]; edges?: string[] }): void;
  beginGesture(): void;
  updateGesture(change: (doc: Diagram) => Diagram): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
  select(nodes: Iterable<string>, edges?: Iterable<string>): void;
  clearSelection(): void;
  /** Replaces the node selection as React Flow reports it (the set is kept as given). */
  selectNodes(ids: ReadonlySet<string>): void;
  selectEdges(ids: ReadonlySet<string>): void;
  open(doc: Diagram, diagramId: string | null, viewport?: Viewport | null): void;
  /** Keeps copied components; the next paste lands one offset away from them. */
  setClipboard(clipboard: Clipboard): void;
  /** Counts a paste, so that the next one lands one offset further. */
  countPaste(): void;
  openDialog(dialog: Exclude<Dialog, null>): void;
  closeDialog(): void;
  showNotice(notice: Notice): void;
  dismissNotice(): void;
  setSnapToGrid(on: boolean): void;
  setShowInfo(on: boolean): void;
  setFindingsGrouping(grouping: FindingsGrouping): void;
  setCanvasTint(tint: CanvasTint): void;
  setLayoutDirection(direction: LayoutDirection): void;
  setLayoutRunning(running: boolean): void;
  setSystemColorScheme(scheme: ColorScheme): void;
  chooseColorScheme(scheme: ColorScheme | null): void;
  /** Lights up components on the canvas; none clears it. */
  highlightNodes(ids: readonly string[]): void;
  /** Shows what the loss of a failure unit takes down; null goes back to the diagram. */
  showBlast(unitIds: readonly string[]): void;
  startEditingLabel(nodeId: string): void;
  stopEditingLabel(): void;
  /** Asks the canvas to fit the view once more. */
  requestFit(): void;
  setSaving(saving: SavingState): void;
  setAnalysis(analysis: AnalysisView): void;
  setViewport(viewport: Viewport): void;
  /** Hands the document to a live room, starting from the room's document. */
  goLive(liveDocument: LiveDocument, doc: Diagram, live: LiveState): void;
  /** The room's merged document, or news of the room, or both. */
  receiveLive(doc: Diagram | null, live?: Partial<LiveState>): void;
  /** Editing alone again, from the document as the room left it. */
  leaveLive(): void;
  joinPresence(presence: LivePresence | null): void;
  receivePeers(peers: readonly Peer[]): void;
}

export type Editor = EditorState & EditorActions;
export type EditorStore = ReturnType<typeof createEditorStore>;

/** The theme the page shows: a person's choice, else the system's. */
export const colorSchemeOf = (state: EditorState): ColorScheme => state.chosenColorScheme ?? state.systemColorScheme;

const none: ReadonlySet<string> = new Set();
const noUnits: readonly string[] = Object.freeze([]);
const noPeers: readonly Peer[] = Object.freeze([]);

/** Whether undo has anything to undo: the room's own stack while live. */
export const canUndo = (state: EditorState) => (state.live ? state.live.canUndo : state.history.past.length > 0);
export const canRedo = (state: EditorState) => (state.live ? state.live.canRedo : state.history.future.length > 0);

export function initialState(doc: Diagram = emptyDiagram()): EditorState {
  return {
    doc,
    liveDocument: null,
    live: null,
    peers: noPeers,
    presence: null,
    history: emptyHistory,
    gestureBase: null,
    selectedNodes: none,
    selectedEdges: none,
    clipboard: null,
    pasteCount: 0,
    highlightedNodes: none,
    blastUnits: noUnits,
    editingLabel: null,
    dialog: null,
    snapToGrid: false,
    showInfo: true,
    findingsGrouping: 'severity',
    canvasTint: 'none',
    notice: null,
    diagramId: null,
    saving: { mode: 'starting' },
    fitRequest: 0,
    openCount: 0,
    viewport: null,
    analysis: emptyAnalysis,
    layoutRunning: false,
    layoutDirection: 'RIGHT',
    systemColorScheme: 'light',
    chosenColorScheme: null,
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
        if (state.liveDocument && !state.gestureBase) {
          state.liveDocument.write(state.doc, next);
          if (select) set({ selectedNodes: new Set(select.nodes ?? []), selectedEdges: new Set(select.edges ?? []) });
          return;
        }
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
        const { gestureBase, doc, history, liveDocument } = get();
        if (!gestureBase) return;
        if (liveDocument) {
          // Against the room's latest document: receiveLive moved the gesture onto it.
          set({ gestureBase: null });
          liveDocument.write(gestureBase, doc);
          return;
        }
        set({ gestureBase: null, history: gestureBase === doc ? history : record(history, gestureBase) });
      },

      undo() {
        const state = get();
        if (state.saving.mode === 'read-only') return;
        if (state.liveDocument) return state.liveDocument.undo();
        const step = undo(state.history, state.doc);
        if (step) set({ doc: step.doc, history: step.history, blastUnits: noUnits, ...pruneSelection(state, step.doc) });
      },

      redo() {
        const state = get();
        if (state.saving.mode === 'read-only') return;
        if (state.liveDocument) return state.liveDocument.redo();
        const step = redo(state.history, state.doc);
        if (step) set({ doc: step.doc, history: step.history, blastUnits: noUnits, ...pruneSelection(state, step.doc) });
      },

      select(nodes, edges = []) {
        set({ selectedNodes: new Set(nodes), selectedEdges: new Set(edges) });
      },

      clearSelection() {
        const state = get();
        if (state.selectedNodes.size || state.selectedEdges.size) set({ selectedNodes: none, selectedEdges: none });
      },

      selectNodes(ids) {
        set({ selectedNodes: ids });
      },

      selectEdges(ids) {
        set({ selectedEdges: ids });
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
          blastUnits: noUnits,
          editingLabel: null,
          openCount: get().openCount + 1,
        });
      },

      setClipboard: (clipboard) => set({ clipboard, pasteCount: 0 }),
      countPaste: () => set({ pasteCount: get().pasteCount + 1 }),
      openDialog: (dialog) => set({ dialog }),
      closeDialog: () => set({ dialog: null }),
      showNotice: (notice) => set({ notice }),
      dismissNotice: () => set({ notice: null }),
      setSnapToGrid: (snapToGrid) => set({ snapToGrid }),
      setShowInfo: (showInfo) => set({ showInfo }),
      setFindingsGrouping: (findingsGrouping) => set({ findingsGrouping }),
      setCanvasTint: (canvasTint) => set({ canvasTint }),
      setLayoutDirection: (layoutDirection) => set({ layoutDirection }),
      setLayoutRunning: (layoutRunning) => set({ layoutRunning }),
      setSystemColorScheme: (systemColorScheme) => set({ systemColorScheme }),
      chooseColorScheme: (chosenColorScheme) => set({ chosenColorScheme }),
      highlightNodes: (ids) => set({ highlightedNodes: ids.length === 0 ? none : new Set(ids) }),
      showBlast: (unitIds) => set({ blastUnits: unitIds.length === 0 ? noUnits : [...unitIds] }),
      startEditingLabel: (editingLabel) => set({ editingLabel }),
      stopEditingLabel: () => set({ editingLabel: null }),
      requestFit: () => set({ fitRequest: get().fitRequest + 1 }),
      setSaving: (saving) => set({ saving }),
      setAnalysis: (analysis) => set({ analysis }),
      setViewport: (viewport) => set({ viewport }),

      goLive(liveDocument, doc, live) {
        const state = get();
        set({ liveDocument, live, doc, history: emptyHistory, gestureBase: null, ...pruneSelection(state, doc) });
      },

      receiveLive(doc, live) {
        const state = get();
        if (!state.liveDocument) return;
        const next = live ? { live: { ...(state.live as LiveState), ...live } } : {};
        if (!doc || doc === state.doc || doc === state.gestureBase) return set(next);
        // A drag in progress goes on over the room's newer document: its own moves so
        // far on top, and that document as what endGesture writes them against.
        if (state.gestureBase) {
          const shown = carryOver(state.gestureBase, state.doc, doc);
          return set({ ...next, doc: shown, gestureBase: doc, ...pruneSelection(state, shown) });
        }
        set({ ...next, doc, ...pruneSelection(state, doc) });
      },

      leaveLive: () => set({ liveDocument: null, live: null, history: emptyHistory, peers: noPeers, presence: null }),
      joinPresence: (presence) => set({ presence }),
      receivePeers: (peers) => set({ peers: peers.length === 0 ? noPeers : peers }),
    })),
  );
}
