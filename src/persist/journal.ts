import { importValue } from '../io/import.ts';
import type { Diagram } from '../model/types.ts';
import { isViewport, type Viewport } from '../model/viewport.ts';

// A write-ahead journal in localStorage for the moment the page goes away. An
// IndexedDB write started in `pagehide` may be aborted when the document is torn
// down; localStorage writes synchronously. The next start replays each entry
// through the library's revision check, so an entry never overwrites a newer save
// (for instance one that the IndexedDB flush did finish, or another tab's).

export const JOURNAL_PREFIX = 'faultline:journal:';

export interface JournalEntry {
  id: string;
  /** The revision the unsaved changes were made on. */
  baseRevision: number;
  doc: Diagram;
  viewport?: Viewport;
}

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Writes synchronously; false when storage is missing or full (the IndexedDB flush still runs). */
export function writeJournal(storage: KeyValueStorage | undefined, tabId: string, entry: JournalEntry): boolean {
  try {
    storage?.setItem(JOURNAL_PREFIX + tabId, JSON.stringify(entry));
    return storage !== undefined;
  } catch {
    return false;
  }
}

export function clearJournal(storage: KeyValueStorage | undefined, tabId: string): void {
  try {
    storage?.removeItem(JOURNAL_PREFIX + tabId);
  } catch {
    // Nothing to clear where storage is blocked.
  }
}

/** Takes every journal entry out of storage; entries that fail validation are dropped. */
export function takeJournal(storage: KeyValueStorage | undefined): JournalEntry[] {
  if (!storage) return [];
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(JOURNAL_PREFIX)) keys.push(key);
    }
  } catch {
    return [];
  }
  const entries: JournalEntry[] = [];
  for (const key of keys) {
    const text = storage.getItem(key);
    storage.removeItem(key);
    const entry = text === null ? null : parseEntry(text);
    if (entry) entries.push(entry);
  }
  return entries;
}

function parseEntry(text: string): JournalEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { id, baseRevision, doc, viewport } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof baseRevision !== 'number' || !Number.isInteger(baseRevision)) return null;
  const imported = importValue(doc);
  if (!imported.ok) return null;
  const entry: JournalEntry = { id, baseRevision, doc: imported.doc };
  if (isViewport(viewport)) entry.viewport = viewport;
  return entry;
}
