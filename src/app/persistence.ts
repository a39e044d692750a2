import { createAutosave, bindLifecycleFlush } from '../persist/autosave.ts';
import { openLibrary, type Library } from '../persist/storage.ts';
import { createTabSync } from '../persist/tabsync.ts';
import { clearJournal, takeJournal, writeJournal, type KeyValueStorage } from '../persist/journal.ts';
import { decodeShareLink } from '../io/share.ts';
import { describeImportError } from '../io/import.ts';
import { setTitle } from '../model/ops.ts';
import { emptyDiagram, type Diagram } from '../model/types.ts';
import type { EditorStore, SavingState } from '../store/editor.ts';

// Connects the editor to IndexedDB: opens the last diagram, saves every change
// within half a second, flushes when the page is hidden, and never lets two tabs
// overwrite each other (each save names the revision it was based on).

export interface Persistence {
  start(): Promise<void>;
  stop(): void;
  /** Adds a document to the library and opens it; the open diagram is kept as it was. */
  openAsNew(doc: Diagram): Promise<void>;
  createNew(doc?: Diagram): Promise<void>;
  open(id: string): Promise<void>;
  library(): Library | null;
  /** Writes pending changes now. */
  flush(): Promise<void>;
  /** Renames the open diagram (one undoable edit, saved like any other). */
  rename(title: string): Promise<void>;
  /** Deletes a saved diagram; deleting the open one opens the most recent other one. */
  remove(id: string): Promise<void>;
}

const SHARE_PREFIX = '#doc=';
const READ_ONLY: SavingState = { mode: 'read-only', reason: 'another tab changed this diagram. Reload it to keep editing.' };

function localStore(): KeyValueStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function listen(target: EventTarget, type: string, listener: () => void): () => void {
  target.addEventListener(type, listener);
  return () => target.removeEventListener(type, listener);
}

export function createPersistence(store: EditorStore): Persistence {
  let library: Library | null = null;
  let revision = 0;
  let lastSaved: Diagram | null = null;
  let lastViewport = store.getState().viewport;
  const cleanups: (() => void)[] = [];
  const tabs = createTabSync('faultline');
  const local = localStore();
  const unsaved = () => {
    const { doc, viewport } = store.getState();
    return doc !== lastSaved || viewport !== lastViewport;
  };

  /** Synchronously keeps unsaved work for the next start, as the page goes away. */
  const journalNow = () => {
    const { doc, viewport, diagramId, saving } = store.getState();
    if (!diagramId || saving.mode !== 'on' || !unsaved()) return;
    writeJournal(local, tabs.tabId, { id: diagramId, baseRevision: revision, doc, viewport: viewport ?? undefined });
  };
  const onHide = () => {
    if (document.visibilityState === 'hidden') journalNow();
  };

  const setOff = (reason: string) => store.getState().setSaving({ mode: 'off', reason });

  const save = async () => {
    const { doc, viewport, diagramId, saving } = store.getState();
    if (!library || !diagramId || saving.mode !== 'on') return;
    if (!unsaved()) return;
    const started = performance.now();
    const result = await library.save(diagramId, doc, viewport ?? undefined, revision);
    performance.measure?.('faultline:autosave', { start: started });
    if (result.ok) {
      revision = result.revision;
      lastSaved = doc;
      lastViewport = viewport;
      tabs.post({ type: 'saved', id: diagramId, revision });
      clearJournal(local, tabs.tabId);
    } else if (result.reason === 'conflict') {
      // In a live room, another tab in the same room saved first. Both hold the
      // room's document, so this one saves again over it rather than stop editing.
      const current = store.getState().liveDocument ? await library.load(diagramId) : null;
      if (current?.ok) {
        revision = current.revision;
        autosave.schedule();
      } else {
        store.getState().setSaving(READ_ONLY);
      }
    } else {
      setOff(result.reason === 'quota' ? 'storage is full. Export your work to keep it.' : result.message);
    }
  };
  const autosave = createAutosave({ save, delayMs: 500 });

  const show = async (id: string) => {
    if (!library) return;
    await autosave.flush();
    const loaded = await library.load(id);
    if (!loaded.ok) {
      store.getState().showNotice({ kind: 'error', text: `Could not open the saved diagram: ${loaded.message}` });
      return;
    }
    revision = loaded.revision;
    lastSaved = loaded.doc;
    lastViewport = loaded.viewport ?? null;
    // Recorded before the diagram renders: a large one keeps the page busy for a
    // while, and a reload in that time must still come back to it.
    await library.setLastOpen(id);
    store.getState().open(loaded.doc, id, loaded.viewport ?? null);
    store.getState().setSaving({ mode: 'on' });
  };

  const addAndOpen = async (doc: Diagram) => {
    if (!library) {
      store.getState().open(doc, null);
      return;
    }
    await autosave.flush();
    const created = await library.create(doc);
    if (!created.ok) {
      store.getState().open(doc, null);
      setOff(created.message);
      return;
    }
    await show(created.id);
  };

  const fromShareLink = async (): Promise<Diagram | null> => {
    if (!location.hash.startsWith(SHARE_PREFIX)) return null;
    const result = await decodeShareLink(location.hash.slice(1));
    history.replaceState(null, '', location.pathname + location.search);
    if (result.ok) return result.doc;
    store.getState().showNotice({ kind: 'error', text: `Could not open the shared link: ${describeImportError(result.error)}` });
    return null;
  };

  return {
    async start() {
      const shared = await fromShareLink();
      const opened = await openLibrary();
      if (!opened.ok) {
        store.getState().open(shared ?? emptyDiagram(), null);
        setOff(opened.reason === 'quota' ? 'storage is full.' : 'this browser does not let the app store data (private window?).');
        return;
      }
      library = opened.library;
      // Work journaled as a previous page went away; the revision check drops any
      // entry whose diagram was saved since.
      for (const entry of takeJournal(local)) await library.save(entry.id, entry.doc, entry.viewport, entry.baseRevision);
      const lastId = await library.getLastOpen();
      if (shared) await addAndOpen(shared);
      else if (lastId && (await library.list()).some((entry) => entry.id === lastId)) await show(lastId);
      else await addAndOpen(emptyDiagram());

      cleanups.push(
        store.subscribe(
          (state) => [state.doc, state.viewport] as const,
          () => autosave.schedule(),
          { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
        ),
        bindLifecycleFlush(autosave, window),
        listen(window, 'pagehide', journalNow),
        listen(document, 'visibilitychange', onHide),
        tabs.subscribe((message) => {
          const { diagramId } = store.getState();
          if (message.id !== diagramId || message.revision <= revision) return;
          // In a live room the room is what this tab shows, and another tab in it
          // saves the same document: only its revision is news.
          if (store.getState().liveDocument) {
            revision = message.revision;
            return;
          }
          // Another tab saved this diagram. Take its version when nothing here is
          // unsaved; otherwise stop editing rather than overwrite either side.
          if (autosave.pending() || unsaved()) {
            store.getState().setSaving(READ_ONLY);
          } else {
            void show(message.id);
          }
        }),
      );
    },
    stop() {
      void autosave.flush();
      autosave.dispose();
      for (const cleanup of cleanups.splice(0)) cleanup();
    },
    openAsNew: addAndOpen,
    createNew: (doc = emptyDiagram()) => addAndOpen(doc),
    open: show,
    library: () => library,
    flush: () => autosave.flush(),
    async rename(title) {
      store.getState().edit((doc) => setTitle(doc, title));
      await autosave.flush();
    },
    async remove(id) {
      if (!library) return;
      if (store.getState().diagramId === id) {
        // The open diagram is going: what it has not saved goes with it.
        lastSaved = store.getState().doc;
        lastViewport = store.getState().viewport;
      }
      await library.remove(id);
      if (store.getState().diagramId !== id) return;
      const [next] = (await library.list()).sort((a, b) => b.updatedAt - a.updatedAt);
      if (next) await show(next.id);
      else await addAndOpen(emptyDiagram());
    },
  };
}
