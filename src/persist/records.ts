import { isGroupKind, type Diagram, type NodeKind } from '../model/types.ts';
import { isViewport, type Viewport } from '../model/viewport.ts';

// What the library keeps in IndexedDB, and the checks applied when reading it back.
// Everything read from storage is treated as untrusted: another version of the app,
// a browser bug or a person with devtools may have written it.
//
// Keys (IndexedDB array keys in one object store):
//   ['diagram', id]    LibraryRecord
//   ['meta', 'index']  LibraryEntry[]   (one entry per record, kept in the same
//                                        transaction as every record change)
//   ['meta', 'lastOpen'] string

export type { Viewport };

export interface LibraryRecord {
  id: string;
  /** As saved; it goes through io's importValue when loaded. */
  doc: Diagram;
  /** Rises by one with every write; a save must name the revision it started from. */
  revision: number;
  /** Milliseconds since the epoch. */
  savedAt: number;
  viewport?: Viewport;
}

export interface LibraryEntry {
  id: string;
  title: string;
  /** Milliseconds since the epoch. */
  updatedAt: number;
  componentCount: number;
}

export const recordKey = (id: string): IDBValidKey => ['diagram', id];
/** The revision of a record, beside it: a save checks this number instead of reading
 *  the whole diagram back. Written and removed together with the record. */
export const revisionKey = (id: string): IDBValidKey => ['revision', id];
export const INDEX_KEY: IDBValidKey = ['meta', 'index'];
export const LAST_OPEN_KEY: IDBValidKey = ['meta', 'lastOpen'];
export const PROBE_KEY: IDBValidKey = ['meta', 'probe'];
/** Every record key, and nothing else. */
export const recordRange = (): IDBKeyRange => IDBKeyRange.bound(['diagram'], ['diagram', []]);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A viewport worth restoring, or undefined (a bad one is not worth failing over). */
export function cleanViewport(value: unknown): Viewport | undefined {
  return isViewport(value) ? { x: value.x, y: value.y, zoom: value.zoom } : undefined;
}

/** The record's envelope when it is well formed (its `doc` is checked separately). */
export function readRecord(value: unknown): LibraryRecord | null {
  if (!isObject(value) || typeof value.id !== 'string') return null;
  if (!isFiniteNumber(value.revision) || !Number.isInteger(value.revision) || value.revision < 1) return null;
  const record: LibraryRecord = {
    id: value.id,
    doc: value.doc as Diagram,
    revision: value.revision,
    savedAt: isFiniteNumber(value.savedAt) ? value.savedAt : 0,
  };
  const viewport = cleanViewport(value.viewport);
  if (viewport) record.viewport = viewport;
  return record;
}

function titleOf(doc: unknown): string {
  return isObject(doc) && typeof doc.title === 'string' ? doc.title : 'Untitled diagram';
}

function componentCountOf(doc: unknown): number {
  if (!isObject(doc) || !Array.isArray(doc.nodes)) return 0;
  return doc.nodes.filter((node: unknown) => isObject(node) && typeof node.kind === 'string' && !isGroupKind(node.kind as NodeKind)).length;
}

export function entryOf(record: LibraryRecord): LibraryEntry {
  return { id: record.id, title: titleOf(record.doc), updatedAt: record.savedAt, componentCount: componentCountOf(record.doc) };
}

function readEntry(value: unknown): LibraryEntry | null {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.title !== 'string') return null;
  if (!isFiniteNumber(value.updatedAt) || !isFiniteNumber(value.componentCount)) return null;
  return { id: value.id, title: value.title, updatedAt: value.updatedAt, componentCount: value.componentCount };
}

/** The stored index as a Map, or null when it is missing or damaged (then rebuild it). */
export function readIndex(value: unknown): Map<string, LibraryEntry> | null {
  if (!Array.isArray(value)) return null;
  const index = new Map<string, LibraryEntry>();
  for (const item of value) {
    const entry = readEntry(item);
    if (!entry) return null;
    index.set(entry.id, entry);
  }
  return index;
}

export function indexFromRecords(values: readonly unknown[]): Map<string, LibraryEntry> {
  const index = new Map<string, LibraryEntry>();
  for (const value of values) {
    const record = readRecord(value);
    if (record) index.set(record.id, entryOf(record));
  }
  return index;
}

/** Newest first. */
export function sortedEntries(index: ReadonlyMap<string, LibraryEntry>): LibraryEntry[] {
  return [...index.values()].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
