import { describe, expect, it } from 'vitest';
import { addNode, moveNodes, setTitle } from '../model/ops.ts';
import { emptyDiagram } from '../model/types.ts';
import { summarise } from './analysisView.ts';
import { createEditorStore, initialState, type Editor, type EditorState } from './editor.ts';

const twoNodes = addNode(addNode(emptyDiagram(), 'client', { x: 0, y: 0 }, { id: 'web' }), 'service', { x: 300, y: 0 }, { id: 'api' });

/** A store with one step to undo and one to redo, then made read-only. */
function readOnlyStore() {
  const store = createEditorStore(twoNodes);
  store.getState().edit((doc) => setTitle(doc, 'First'));
  store.getState().edit((doc) => setTitle(doc, 'Second'));
  store.getState().undo();
  store.getState().setSaving({ mode: 'read-only', reason: 'another tab changed this diagram.' });
  return store;
}

describe('read-only mode in the store', () => {
  it('ignores edit, undo and redo', () => {
    const store = readOnlyStore();
    const { doc, history } = store.getState();
    expect(history.past).toHaveLength(1);
    expect(history.future).toHaveLength(1);
    store.getState().edit((current) => setTitle(current, 'Third'));
    store.getState().undo();
    store.getState().redo();
    expect(store.getState().doc).toBe(doc);
    expect(store.getState().history).toBe(history);
    expect(store.getState().doc.title).toBe('First');
  });

  it('ignores a gesture, and its end records no step', () => {
    const store = readOnlyStore();
    const { doc, history } = store.getState();
    store.getState().beginGesture();
    store.getState().updateGesture((current) => moveNodes(current, new Map([['web', { x: 50, y: 50 }]])));
    store.getState().endGesture();
    expect(store.getState().doc).toBe(doc);
    expect(store.getState().history).toBe(history);
    expect(store.getState().gestureBase).toBeNull();
  });

  it('still changes what is not the document: selection and view', () => {
    const store = readOnlyStore();
    store.getState().select(['web']);
    store.getState().showBlast(['web']);
    expect([...store.getState().selectedNodes]).toEqual(['web']);
    expect(store.getState().blastUnits).toEqual(['web']);
  });
});

/** The fields whose values differ between two states. */
function changedFields(before: EditorState, after: EditorState): Partial<EditorState> {
  const changed: Partial<Record<keyof EditorState, unknown>> = {};
  for (const key of Object.keys(initialState()) as (keyof EditorState)[]) if (before[key] !== after[key]) changed[key] = after[key];
  return changed as Partial<EditorState>;
}

const view = summarise([]);
const ACTIONS: readonly [string, (editor: Editor) => void, Partial<EditorState>][] = [
  ['openDialog', (editor) => editor.openDialog('rules'), { dialog: 'rules' }],
  ['showNotice', (editor) => editor.showNotice({ kind: 'info', text: 'Saved.' }), { notice: { kind: 'info', text: 'Saved.' } }],
  ['setSnapToGrid', (editor) => editor.setSnapToGrid(true), { snapToGrid: true }],
  ['setShowInfo', (editor) => editor.setShowInfo(false), { showInfo: false }],
  ['setCanvasTint', (editor) => editor.setCanvasTint('load'), { canvasTint: 'load' }],
  ['setLayoutDirection', (editor) => editor.setLayoutDirection('DOWN'), { layoutDirection: 'DOWN' }],
  ['setLayoutRunning', (editor) => editor.setLayoutRunning(true), { layoutRunning: true }],
  ['showBlast', (editor) => editor.showBlast(['web']), { blastUnits: ['web'] }],
  ['highlightNodes', (editor) => editor.highlightNodes(['web']), { highlightedNodes: new Set(['web']) }],
  ['startEditingLabel', (editor) => editor.startEditingLabel('api'), { editingLabel: 'api' }],
  ['requestFit', (editor) => editor.requestFit(), { fitRequest: 1 }],
  ['setSaving', (editor) => editor.setSaving({ mode: 'on' }), { saving: { mode: 'on' } }],
  ['setAnalysis', (editor) => editor.setAnalysis(view), { analysis: view }],
  ['setViewport', (editor) => editor.setViewport({ x: 1, y: 2, zoom: 3 }), { viewport: { x: 1, y: 2, zoom: 3 } }],
  ['selectNodes', (editor) => editor.selectNodes(new Set(['web'])), { selectedNodes: new Set(['web']) }],
  ['selectEdges', (editor) => editor.selectEdges(new Set(['e'])), { selectedEdges: new Set(['e']) }],
  ['setClipboard', (editor) => editor.setClipboard({ nodes: [], edges: [] }), { clipboard: { nodes: [], edges: [] } }],
  ['countPaste', (editor) => editor.countPaste(), { pasteCount: 1 }],
];

describe('named store actions', () => {
  it.each(ACTIONS)('%s changes only its own field', (_name, act, expected) => {
    const store = createEditorStore(twoNodes);
    const before = store.getState();
    act(before);
    expect(changedFields(before, store.getState())).toEqual(expected);
  });

  it('undoes each showing action with its pair', () => {
    const store = createEditorStore(twoNodes);
    const before = store.getState();
    const editor = () => store.getState();
    editor().openDialog('library');
    editor().closeDialog();
    editor().showNotice({ kind: 'error', text: 'Broken.' });
    editor().dismissNotice();
    editor().startEditingLabel('web');
    editor().stopEditingLabel();
    editor().showBlast(['web']);
    editor().showBlast([]);
    expect(changedFields(before, store.getState())).toEqual({});
  });

  it('offers no raw setter', () => {
    const state = createEditorStore().getState() as unknown as Record<string, unknown>;
    expect(state.set).toBeUndefined();
    expect(state.setState).toBeUndefined();
  });
});
