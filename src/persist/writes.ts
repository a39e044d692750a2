import type { UseStore } from 'idb-keyval';
import { transact, type Transaction } from './idb.ts';
import { cleanViewport, entryOf, INDEX_KEY, indexFromRecords, readIndex, readRecord, recordKey, recordRange, revisionKey, type LibraryEntry, type LibraryRecord } from './records.ts';

// How records are written. Every change to a record happens in one transaction that
// checks the revision it expects, writes the record, and keeps the index in step.

/** Reads the index in `tx` (rebuilding it from the records if it is missing or
 *  damaged), lets `change` edit it, and writes it back. */
export function updateIndex(tx: Transaction, change: (index: Map<string, LibraryEntry>) => void): void {
  const write = (index: Map<string, LibraryEntry>) => {
    change(index);
    tx.step(tx.store.put([...index.values()], INDEX_KEY));
  };
  tx.step(tx.store.get(INDEX_KEY), (raw) => {
    const index = readIndex(raw);
    if (index) write(index);
    else tx.step(tx.store.getAll(recordRange()), (records) => write(indexFromRecords(records)));
  });
}

export interface Write {
  id: string;
  /** The revision the caller started from; 0 when the record must not exist yet. */
  baseRevision: number;
  /** The record to store, given the next revision and, when `needsCurrent` is set,
   *  the current record (otherwise null). */
  build(current: LibraryRecord | null, revision: number): LibraryRecord;
  /** Read the stored record for `build`. Without it only the revision is read, so
   *  an autosave does not pay for reading the whole diagram back. */
  needsCurrent?: boolean;
}

export type WriteOutcome = { ok: true; record: LibraryRecord } | { ok: false; current: number };

/** The one way a record is written: in one transaction, only over `baseRevision`,
 *  and always together with its revision and its index entry. `current` is 0 when
 *  the record is gone or unreadable. A record stored before revisions were kept beside
 *  records has no revision entry; then the record itself is read. */
export function writeRecord(store: UseStore, write: Write): Promise<WriteOutcome> {
  return transact(store, 'readwrite', (tx) => {
    let outcome: WriteOutcome = { ok: false, current: 0 };
    const commit = (current: LibraryRecord | null, currentRevision: number) => {
      if (currentRevision !== write.baseRevision) {
        outcome = { ok: false, current: currentRevision };
        return;
      }
      const record = write.build(current, currentRevision + 1);
      tx.step(tx.store.put(record, recordKey(write.id)));
      tx.step(tx.store.put(record.revision, revisionKey(write.id)));
      updateIndex(tx, (index) => index.set(record.id, entryOf(record)));
      outcome = { ok: true, record };
    };
    const fromRecord = () =>
      tx.step(tx.store.get(recordKey(write.id)), (raw) => {
        const current = raw === undefined ? null : readRecord(raw);
        // A damaged record is never written over.
        if (raw !== undefined && !current) outcome = { ok: false, current: 0 };
        else commit(current, current?.revision ?? 0);
      });
    if (write.needsCurrent) fromRecord();
    else tx.step(tx.store.get(revisionKey(write.id)), (revision) => (Number.isInteger(revision) ? commit(null, revision as number) : fromRecord()));
    return () => outcome;
  });
}

export function withViewport(record: LibraryRecord, viewport: unknown): LibraryRecord {
  const clean = cleanViewport(viewport);
  return clean ? { ...record, viewport: clean } : record;
}
