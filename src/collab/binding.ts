import * as Y from 'yjs';
import type { Diagram } from '../model/types.ts';
import type { EditorStore, LiveDocument } from '../store/editor.ts';
import { createMirror, rootsOf, writeChanges } from './ydiagram.ts';

// Binds the editor store to the trusted Y.Doc of a room (see guard.ts): the store's
// edits become Y transactions with this client's origin, every change to the Y.Doc
// (this client's or a peer's) becomes the store's document, and undo is a
// Y.UndoManager that tracks only this client's origin, so it undoes your edits and
// leaves everyone else's alone. Each edit is one undo step, as when editing alone.

export const LOCAL_ORIGIN = Symbol('this person');

export interface Binding {
  liveDocument: LiveDocument;
  /** The Y.Doc's document as the store should show it. */
  current(): Diagram;
  dispose(): void;
}

export function bindStore(store: EditorStore, trusted: Y.Doc): Binding {
  const mirror = createMirror(trusted);
  const roots = rootsOf(trusted);
  const undoManager = new Y.UndoManager([roots.meta, roots.nodes, roots.edges, roots.nodeOrder, roots.edgeOrder], {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: 0,
  });
  // Only documents that passed the guard, or this client's own edits of one, are here.
  const current = () => mirror.read() as Diagram;
  const push = () => store.getState().receiveLive(current(), { canUndo: undoManager.canUndo(), canRedo: undoManager.canRedo() });
  // Once the transactions a change started are over: a change and its mend (guard.ts)
  // show as one document, never the one in between.
  let changed = false;
  const onUpdate = () => (changed = true);
  const afterAll = () => {
    if (!changed) return;
    changed = false;
    push();
  };
  trusted.on('update', onUpdate);
  trusted.on('afterAllTransactions', afterAll);

  const liveDocument: LiveDocument = {
    write(before, after) {
      trusted.transact(() => writeChanges(trusted, before, after), LOCAL_ORIGIN);
      undoManager.stopCapturing();
      // Also when nothing changed: a gesture's end shows what peers did meanwhile.
      push();
    },
    undo() {
      undoManager.undo();
      push();
    },
    redo() {
      undoManager.redo();
      push();
    },
  };
  return {
    liveDocument,
    current,
    dispose() {
      trusted.off('update', onUpdate);
      trusted.off('afterAllTransactions', afterAll);
      undoManager.destroy();
      mirror.dispose();
    },
  };
}
