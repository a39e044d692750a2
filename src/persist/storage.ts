import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { describeImportError, importValue, type ImportError } from '../io/import.ts';
import { newId } from '../model/ids.ts';
import type { Diagram } from '../model/types.ts';
import { storageFailure, transact, type StorageFailure } from './idb.ts';
import {
  INDEX_KEY,
  indexFromRecords,
  LAST_OPEN_KEY,
  PROBE_KEY,
  readIndex,
  readRecord,
  recordKey,
  revisionKey,
  recordRange,
  sortedEntries,
  type LibraryEntry,
  type LibraryRecord,
  type Viewport,
} from './records.ts';
import { updateIndex, withViewport, writeRecord } from './writes.ts';

// The diagram library in IndexedDB (idb-keyval's createStore, one object store).
//
//   const opened = await openLibrary();
//   if (!opened.ok) -> opened.reason: 'unavailable' | 'quota' (+ message): keep
//                      working without saving, and say so
//   const { library } = opened;
//   library.list()                                   LibraryEntry[], newest first
//   library.load(id)                                 { ok, doc, revision, viewport? } or
//                                                    missing / corrupt (+ message, error)
//   library.save(id, doc, viewport, baseRevision)    { ok, revision } or
//                                                    conflict (+ current) / quota / unavailable
//   library.create(doc, viewport?)                   { ok, id, revision }
//   library.duplicate(id)                            { ok, id, revision } (title + " (copy)")
//   library.rename(id, title)                        { ok, revision }
//   library.remove(id)                               { ok, removed } -> library.restore(removed) undoes it
//   library.getLastOpen() / setLastOpen(id | null)
//
// Every method resolves; expected failures are values, never exceptions.
//
// No silent overwrite: every write is one transaction that reads the record's
// revision and writes only if it equals the caller's `baseRevision`, then stores
// revision + 1 together with the index entry. A tab that saves from a stale revision
// gets `{ ok: false, reason: 'conflict', current }` (current 0: the diagram was
// deleted) and must reload or fork; it never replaces the other tab's work.
// Loads go through io's importValue, the same path as files, so a damaged record
// is reported, not crashed on.

export type { LibraryEntry, LibraryRecord, Viewport };
export type { StorageFailure };

export type StorageOffReason = 'unavailable' | 'quota';
export type OpenResult = { ok: true; library: Library } | { ok: false; reason: StorageOffReason; message: string };

export type SaveResult = { ok: true; revision: number; savedAt: number } | { ok: false; reason: 'conflict'; current: number } | StorageFailure;
export type LoadResult =
  | { ok: true; id: string; doc: Diagram; revision: number; savedAt: number; viewport?: Viewport }
  | { ok: false; reason: 'missing'; message: string }
  | { ok: false; reason: 'corrupt'; message: string; error?: ImportError }
  | StorageFailure;
export type CreateResult = { ok: true; id: string; revision: number } | StorageFailure;
type Missing = { ok: false; reason: 'missing'; message: string };
export type DuplicateResult = CreateResult | Missing | { ok: false; reason: 'corrupt'; message: string };
export type RenameResult = { ok: true; revision: number } | Missing | StorageFailure;
export type RemoveResult = { ok: true; removed: LibraryRecord } | Missing | StorageFailure;
export type RestoreResult = { ok: true; revision: number } | { ok: false; reason: 'exists'; message: string } | StorageFailure;

export interface Library {
  list(): Promise<LibraryEntry[]>;
  load(id: string): Promise<LoadResult>;
  save(id: string, doc: Diagram, viewport: Viewport | undefined, baseRevision: number): Promise<SaveResult>;
  create(doc: Diagram, viewport?: Viewport): Promise<CreateResult>;
  duplicate(id: string): Promise<DuplicateResult>;
  rename(id: string, title: string): Promise<RenameResult>;
  remove(id: string): Promise<RemoveResult>;
  /** Puts a removed record back (undo), at a revision above the one it had. */
  restore(record: LibraryRecord): Promise<RestoreResult>;
  getLastOpen(): Promise<string | null>;
  setLastOpen(id: string | null): Promise<void>;
}

export interface LibraryOptions {
  /** IndexedDB database name; tests use their own. */
  name?: string;
  /** How long to wait for IndexedDB to open before calling storage off. */
  timeoutMs?: number;
  now?: () => number;
  makeId?: () => string;
}

export const DB_NAME = 'faultline-library';
export const STORE_NAME = 'library';

const missing = (id: string): Missing => ({ ok: false, reason: 'missing', message: `there is no saved diagram with id ${JSON.stringify(id)}` });

function createLibrary(store: UseStore, now: () => number, makeId: () => string): Library {
  const attempt = async <T>(run: () => Promise<T>): Promise<T | StorageFailure> => {
    try {
      return await run();
    } catch (error) {
      return storageFailure(error);
    }
  };

  const readRaw = (id: string) => get<unknown>(recordKey(id), store);

  const create = async (doc: Diagram, viewport?: Viewport): Promise<CreateResult> =>
    attempt(async () => {
      // A fresh id cannot collide in practice; if it ever does, try another.
      for (;;) {
        const id = makeId();
        const result = await writeRecord(store, {
          id,
          baseRevision: 0,
          build: (_current, revision) => withViewport({ id, doc, revision, savedAt: now() }, viewport),
        });
        if (result.ok) return { ok: true as const, id, revision: result.record.revision };
      }
    });

  const library: Library = {
    async list() {
      try {
        const index = readIndex(await get(INDEX_KEY, store));
        if (index) return sortedEntries(index);
        const records = await transact(store, 'readonly', (tx) => {
          let values: unknown[] = [];
          tx.step(tx.store.getAll(recordRange()), (result) => (values = result));
          return () => values;
        });
        return sortedEntries(indexFromRecords(records));
      } catch {
        // The list is a convenience; the page can still edit and save the open diagram.
        return [];
      }
    },

    async load(id) {
      let raw: unknown;
      try {
        raw = await readRaw(id);
      } catch (error) {
        return storageFailure(error);
      }
      if (raw === undefined) return missing(id);
      const record = readRecord(raw);
      if (!record) return { ok: false, reason: 'corrupt', message: 'the saved record is damaged (it has no valid revision)' };
      const imported = importValue(record.doc);
      if (!imported.ok) return { ok: false, reason: 'corrupt', message: describeImportError(imported.error), error: imported.error };
      return { ok: true, id, doc: imported.doc, revision: record.revision, savedAt: record.savedAt, ...(record.viewport ? { viewport: record.viewport } : {}) };
    },

    save: (id, doc, viewport, baseRevision) =>
      attempt(async () => {
        const result = await writeRecord(store, {
          id,
          baseRevision,
          build: (_current, revision) => withViewport({ id, doc, revision, savedAt: now() }, viewport),
        });
        return result.ok
          ? { ok: true as const, revision: result.record.revision, savedAt: result.record.savedAt }
          : { ok: false as const, reason: 'conflict' as const, current: result.current };
      }),

    create,

    async duplicate(id) {
      const loaded = await library.load(id);
      if (!loaded.ok) return loaded.reason === 'corrupt' ? { ok: false, reason: 'corrupt', message: loaded.message } : loaded;
      return create({ ...loaded.doc, title: `${loaded.doc.title} (copy)` }, loaded.viewport);
    },

    rename: (id, title) =>
      attempt(async () => {
        for (;;) {
          const raw = await readRaw(id);
          const current = raw === undefined ? null : readRecord(raw);
          if (!current) return missing(id);
          const result = await writeRecord(store, {
            id,
            baseRevision: current.revision,
            needsCurrent: true,
            build: (latest, revision) => ({ ...latest!, doc: { ...latest!.doc, title }, revision, savedAt: now() }),
          });
          if (result.ok) return { ok: true as const, revision: result.record.revision };
          // Another tab wrote in between: rename its version instead.
        }
      }),

    remove: (id) =>
      attempt(() =>
        transact(store, 'readwrite', (tx) => {
          let outcome: RemoveResult = missing(id);
          tx.step(tx.store.get(recordKey(id)), (raw) => {
            if (raw === undefined) return;
            const removed = readRecord(raw) ?? { id, doc: (raw as { doc?: Diagram }).doc as Diagram, revision: 0, savedAt: 0 };
            tx.step(tx.store.delete(recordKey(id)));
            tx.step(tx.store.delete(revisionKey(id)));
            updateIndex(tx, (index) => index.delete(id));
            tx.step(tx.store.get(LAST_OPEN_KEY), (last) => {
              if (last === id) tx.step(tx.store.delete(LAST_OPEN_KEY));
            });
            outcome = { ok: true, removed };
          });
          return () => outcome;
        }),
      ),

    restore: (record) =>
      attempt(async () => {
        const result = await writeRecord(store, {
          id: record.id,
          baseRevision: 0,
          // Above the revision it had, so a tab still holding that revision cannot write over it.
          build: () => withViewport({ id: record.id, doc: record.doc, revision: record.revision + 1, savedAt: now() }, record.viewport),
        });
        return result.ok
          ? { ok: true as const, revision: result.record.revision }
          : { ok: false as const, reason: 'exists' as const, message: `a diagram with id ${JSON.stringify(record.id)} already exists` };
      }),

    async getLastOpen() {
      try {
        const id = await get<unknown>(LAST_OPEN_KEY, store);
        return typeof id === 'string' ? id : null;
      } catch {
        return null;
      }
    },

    async setLastOpen(id) {
      try {
        if (id === null) await del(LAST_OPEN_KEY, store);
        else await set(LAST_OPEN_KEY, id, store);
      } catch {
        // Only a convenience for the next start; not worth reporting.
      }
    },
  };
  return library;
}

/** `work`, or 'timeout' when it takes longer than `ms`. */
async function within<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function hasIndexedDb(): boolean {
  try {
    // Firefox with storage disabled throws on merely reading `indexedDB`.
    return typeof indexedDB !== 'undefined' && indexedDB !== null;
  } catch {
    return false;
  }
}

/**
 * Opens the library, proving that it can write (a private window or a full disk
 * fails here rather than on the first save). Never throws.
 */
export async function openLibrary(options: LibraryOptions = {}): Promise<OpenResult> {
  const { name = DB_NAME, timeoutMs = 5000, now = Date.now, makeId = () => newId('diagram') } = options;
  if (!hasIndexedDb()) {
    return { ok: false, reason: 'unavailable', message: 'this browser offers no IndexedDB' };
  }
  const store = createStore(name, STORE_NAME);
  const probe = async () => {
    try {
      await transact(store, 'readwrite', (tx) => {
        tx.step(tx.store.put(now(), PROBE_KEY));
        tx.step(tx.store.delete(PROBE_KEY));
        return () => undefined;
      });
      return null;
    } catch (error) {
      return storageFailure(error);
    }
  };
  const result = await within(probe(), timeoutMs);
  if (result === 'timeout') return { ok: false, reason: 'unavailable', message: 'the browser’s storage did not answer (it may be blocked)' };
  if (result) return { ok: false, reason: result.reason, message: result.message };
  return { ok: true, library: createLibrary(store, now, makeId) };
}
