import { describe, expect, it } from 'vitest';
import { addNode } from '../model/ops.ts';
import { emptyDiagram } from '../model/types.ts';
import { clearJournal, JOURNAL_PREFIX, takeJournal, writeJournal, type KeyValueStorage } from './journal.ts';

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

const doc = addNode(emptyDiagram('Journal'), 'service', { x: 1, y: 2 }, { id: 's' });

describe('journal', () => {
  it('round-trips entries from every tab and empties itself', () => {
    const storage = memoryStorage();
    expect(writeJournal(storage, 'tab-a', { id: 'd1', baseRevision: 3, doc, viewport: { x: 1, y: 2, zoom: 1.5 } })).toBe(true);
    writeJournal(storage, 'tab-b', { id: 'd2', baseRevision: 7, doc });
    storage.setItem('unrelated', 'keep');
    const entries = takeJournal(storage);
    expect(entries).toEqual([
      { id: 'd1', baseRevision: 3, doc, viewport: { x: 1, y: 2, zoom: 1.5 } },
      { id: 'd2', baseRevision: 7, doc },
    ]);
    expect([...storage.map.keys()]).toEqual(['unrelated']);
  });

  it('drops entries that are not valid documents', () => {
    const storage = memoryStorage();
    storage.setItem(`${JOURNAL_PREFIX}x`, '{not json');
    storage.setItem(`${JOURNAL_PREFIX}y`, JSON.stringify({ id: 'd', baseRevision: 1, doc: { format: 'other' } }));
    storage.setItem(`${JOURNAL_PREFIX}z`, JSON.stringify({ id: 'd', baseRevision: 1.5, doc }));
    expect(takeJournal(storage)).toEqual([]);
    expect(storage.map.size).toBe(0);
  });

  it('reports failure when storage is full or missing, and clears', () => {
    const full = { ...memoryStorage(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(writeJournal(full, 't', { id: 'd', baseRevision: 1, doc })).toBe(false);
    expect(writeJournal(undefined, 't', { id: 'd', baseRevision: 1, doc })).toBe(false);
    const storage = memoryStorage();
    writeJournal(storage, 't', { id: 'd', baseRevision: 1, doc });
    clearJournal(storage, 't');
    expect(storage.map.size).toBe(0);
  });
});
