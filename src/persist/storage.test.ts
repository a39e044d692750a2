import 'fake-indexeddb/auto';
import { createStore, del, get, set } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Diagram } from '../model/types.ts';
import { INDEX_KEY, LAST_OPEN_KEY, recordKey, revisionKey } from './records.ts';
import { openLibrary, STORE_NAME, type Library, type LibraryOptions } from './storage.ts';

let dbCount = 0;
let clock = 1000;

function diagram(title: string, components = 1): Diagram {
  return {
    format: 'faultline',
    version: 2,
    title,
    nodes: [
      { id: 'r', kind: 'region', label: 'R', position: { x: 0, y: 0 }, size: { width: 10, height: 10 }, props: {} },
      ...Array.from({ length: components }, (_, i) => ({ id: `s${i}`, kind: 'service' as const, label: `S${i}`, position: { x: i, y: 0 }, parentId: 'r', props: { replicas: 1 } })),
    ],
    edges: [],
  };
}

/** A fresh database; `tabs` libraries on it, as if opened by separate tabs. */
async function openTabs(tabs = 1, options: LibraryOptions = {}) {
  const name = `test-library-${++dbCount}`;
  const libraries: Library[] = [];
  for (let i = 0; i < tabs; i++) {
    const opened = await openLibrary({ name, now: () => clock++, ...options });
    if (!opened.ok) throw new Error(opened.message);
    libraries.push(opened.library);
  }
  return { name, libraries, raw: createStore(name, STORE_NAME) };
}

async function openOne() {
  const { libraries, raw } = await openTabs(1);
  return { library: libraries[0]!, raw };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a library', () => {
  it('creates, lists and loads diagrams', async () => {
    const { library } = await openOne();
    const created = await library.create(diagram('Shop', 3), { x: 1, y: 2, zoom: 1.5 });
    if (!created.ok) throw new Error(created.message);
    expect(created.revision).toBe(1);
    expect(await library.list()).toEqual([{ id: created.id, title: 'Shop', updatedAt: expect.any(Number), componentCount: 3 }]);
    expect(await library.load(created.id)).toEqual({
      ok: true,
      id: created.id,
      doc: diagram('Shop', 3),
      revision: 1,
      savedAt: expect.any(Number),
      viewport: { x: 1, y: 2, zoom: 1.5 },
    });
  });

  it('lists the most recently changed first', async () => {
    const { library } = await openOne();
    const a = await library.create(diagram('A'));
    await library.create(diagram('B'));
    if (!a.ok) throw new Error('create failed');
    await library.save(a.id, diagram('A2'), undefined, 1);
    expect((await library.list()).map((entry) => entry.title)).toEqual(['A2', 'B']);
  });

  it('saves over the revision it started from, and counts revisions up', async () => {
    const { library } = await openOne();
    const created = await library.create(diagram('v1'));
    if (!created.ok) throw new Error('create failed');
    expect(await library.save(created.id, diagram('v2'), { x: 0, y: 0, zoom: 2 }, 1)).toMatchObject({ ok: true, revision: 2 });
    expect(await library.save(created.id, diagram('v3'), undefined, 2)).toMatchObject({ ok: true, revision: 3 });
    expect(await library.load(created.id)).toMatchObject({ ok: true, revision: 3, doc: { title: 'v3' } });
  });

  it('saves a new diagram under a chosen id from revision 0', async () => {
    const { library } = await openOne();
    expect(await library.save('mine', diagram('New'), undefined, 0)).toMatchObject({ ok: true, revision: 1 });
    expect(await library.save('mine', diagram('Again'), undefined, 0)).toEqual({ ok: false, reason: 'conflict', current: 1 });
  });

  it('drops a viewport that is not worth restoring', async () => {
    const { library } = await openOne();
    await library.save('v', diagram('V'), { x: Number.NaN, y: 0, zoom: 1 }, 0);
    const loaded = await library.load('v');
    expect(loaded.ok && 'viewport' in loaded).toBe(false);
  });
});

describe('two tabs never silently overwrite each other', () => {
  it('a save from a stale revision is refused, and the newer work stays', async () => {
    const { libraries: [tabA, tabB] } = await openTabs(2);
    const created = await tabA!.create(diagram('Base'));
    if (!created.ok) throw new Error('create failed');
    expect(await tabA!.save(created.id, diagram('From A'), undefined, 1)).toMatchObject({ ok: true, revision: 2 });
    expect(await tabB!.save(created.id, diagram('From B'), undefined, 1)).toEqual({ ok: false, reason: 'conflict', current: 2 });
    expect(await tabB!.load(created.id)).toMatchObject({ ok: true, revision: 2, doc: { title: 'From A' } });
  });

  it('of two saves from the same revision at the same moment, exactly one wins', async () => {
    const { libraries: [tabA, tabB] } = await openTabs(2);
    await tabA!.save('d', diagram('Base'), undefined, 0);
    const results = await Promise.all([tabA!.save('d', diagram('A'), undefined, 1), tabB!.save('d', diagram('B'), undefined, 1)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: 'conflict', current: 2 }]);
    const winner = results[0]!.ok ? 'A' : 'B';
    expect(await tabA!.load('d')).toMatchObject({ doc: { title: winner } });
  });

  it('a save to a diagram another tab deleted is refused, not resurrected', async () => {
    const { libraries: [tabA, tabB] } = await openTabs(2);
    await tabA!.save('d', diagram('Base'), undefined, 0);
    await tabB!.remove('d');
    expect(await tabA!.save('d', diagram('Late edit'), undefined, 1)).toEqual({ ok: false, reason: 'conflict', current: 0 });
    expect(await tabA!.load('d')).toMatchObject({ ok: false, reason: 'missing' });
    expect(await tabA!.list()).toEqual([]);
  });

  it('a rename in one tab makes the other tab’s next save a conflict', async () => {
    const { libraries: [tabA, tabB] } = await openTabs(2);
    await tabA!.save('d', diagram('Base'), undefined, 0);
    expect(await tabB!.rename('d', 'Renamed')).toEqual({ ok: true, revision: 2 });
    expect(await tabA!.save('d', diagram('Edit'), undefined, 1)).toEqual({ ok: false, reason: 'conflict', current: 2 });
  });
});

describe('loading', () => {
  it('reports a missing diagram', async () => {
    const { library } = await openOne();
    expect(await library.load('nope')).toEqual({ ok: false, reason: 'missing', message: 'there is no saved diagram with id "nope"' });
  });

  it('reports a damaged document through the import checks, without throwing', async () => {
    const { library, raw } = await openOne();
    const broken = { ...diagram('Broken'), edges: [{ id: 'e1', source: 's0', target: 'ghost', props: {} }] };
    await set(recordKey('bad'), { id: 'bad', doc: broken, revision: 4, savedAt: 1 }, raw);
    const loaded = await library.load('bad');
    expect(loaded).toMatchObject({ ok: false, reason: 'corrupt', error: { kind: 'invalidDocument' } });
    expect(!loaded.ok && loaded.message).toContain('edge "e1" points at node "ghost", which does not exist');
  });

  it.each([
    ['no revision', { id: 'bad', doc: {} }],
    ['not an object', 'garbage'],
    ['a prototype key in the document', { id: 'bad', revision: 1, doc: JSON.parse('{"format":"faultline","version":1,"__proto__":{"x":1}}') as unknown }],
  ])('reports a damaged record (%s)', async (_name, value) => {
    const { library, raw } = await openOne();
    await set(recordKey('bad'), value, raw);
    expect(await library.load('bad')).toMatchObject({ ok: false, reason: 'corrupt', message: expect.any(String) });
  });

  it('keeps each revision beside its record, and still saves records stored without one', async () => {
    const { library, raw } = await openOne();
    await library.save('d', diagram('One'), undefined, 0);
    expect(await get(revisionKey('d'), raw)).toBe(1);
    // A record written before revisions were kept beside records.
    await del(revisionKey('d'), raw);
    expect(await library.save('d', diagram('Two'), undefined, 0)).toEqual({ ok: false, reason: 'conflict', current: 1 });
    expect(await library.save('d', diagram('Two'), undefined, 1)).toMatchObject({ ok: true, revision: 2 });
    expect(await get(revisionKey('d'), raw)).toBe(2);
    expect(await library.save('d', diagram('Three'), undefined, 1)).toEqual({ ok: false, reason: 'conflict', current: 2 });
    await library.remove('d');
    expect(await get(revisionKey('d'), raw)).toBeUndefined();
  });

  it('refuses to save over a damaged record', async () => {
    const { library, raw } = await openOne();
    await set(recordKey('bad'), 'garbage', raw);
    expect(await library.save('bad', diagram('X'), undefined, 0)).toEqual({ ok: false, reason: 'conflict', current: 0 });
    expect(await get(recordKey('bad'), raw)).toBe('garbage');
  });
});

describe('library management', () => {
  it('duplicates a diagram under a new id', async () => {
    const { library } = await openOne();
    const created = await library.create(diagram('Shop', 2));
    if (!created.ok) throw new Error('create failed');
    const copy = await library.duplicate(created.id);
    if (!copy.ok) throw new Error(copy.message);
    expect(copy.id).not.toBe(created.id);
    expect(await library.load(copy.id)).toMatchObject({ ok: true, revision: 1, doc: { title: 'Shop (copy)', nodes: diagram('Shop', 2).nodes } });
    expect(await library.duplicate('nope')).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('renames, in the document and in the list', async () => {
    const { library } = await openOne();
    await library.save('d', diagram('Old'), undefined, 0);
    expect(await library.rename('d', 'New')).toEqual({ ok: true, revision: 2 });
    expect(await library.load('d')).toMatchObject({ doc: { title: 'New' }, revision: 2 });
    expect((await library.list())[0]!.title).toBe('New');
    expect(await library.rename('nope', 'x')).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('removes a diagram, returns it for undo, and restores it above its old revision', async () => {
    const { library } = await openOne();
    await library.save('d', diagram('Keep me'), { x: 5, y: 5, zoom: 1 }, 0);
    await library.save('d', diagram('Keep me'), { x: 5, y: 5, zoom: 1 }, 1);
    await library.setLastOpen('d');
    const removed = await library.remove('d');
    if (!removed.ok) throw new Error(removed.message);
    expect(removed.removed).toMatchObject({ id: 'd', revision: 2, doc: diagram('Keep me'), viewport: { x: 5, y: 5, zoom: 1 } });
    expect(await library.list()).toEqual([]);
    expect(await library.getLastOpen()).toBeNull();
    expect(await library.remove('d')).toMatchObject({ ok: false, reason: 'missing' });

    expect(await library.restore(removed.removed)).toEqual({ ok: true, revision: 3 });
    expect(await library.load('d')).toMatchObject({ ok: true, revision: 3, doc: diagram('Keep me') });
    expect(await library.list()).toHaveLength(1);
    expect(await library.restore(removed.removed)).toMatchObject({ ok: false, reason: 'exists' });
  });

  it('remembers the last open diagram', async () => {
    const { library } = await openOne();
    expect(await library.getLastOpen()).toBeNull();
    await library.setLastOpen('d1');
    expect(await library.getLastOpen()).toBe('d1');
    await library.setLastOpen(null);
    expect(await library.getLastOpen()).toBeNull();
  });

  it('rebuilds a missing or damaged index from the records', async () => {
    const { library, raw } = await openOne();
    await library.save('a', diagram('A'), undefined, 0);
    await library.save('b', diagram('B'), undefined, 0);
    await del(INDEX_KEY, raw);
    expect((await library.list()).map((entry) => entry.id).sort()).toEqual(['a', 'b']);
    await set(INDEX_KEY, [{ id: 'a' }], raw);
    await library.save('c', diagram('C'), undefined, 0);
    expect((await library.list()).map((entry) => entry.id).sort()).toEqual(['a', 'b', 'c']);
    expect(await get(LAST_OPEN_KEY, raw)).toBeUndefined();
  });
});

describe('failures are values', () => {
  const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  it('a full disk on save: quota, and nothing changes', async () => {
    const { library } = await openOne();
    await library.save('d', diagram('Safe'), undefined, 0);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quotaError();
    });
    expect(await library.save('d', diagram('Lost'), undefined, 1)).toEqual({ ok: false, reason: 'quota', message: expect.any(String) });
    expect(await library.create(diagram('New'))).toMatchObject({ ok: false, reason: 'quota' });
    vi.restoreAllMocks();
    expect(await library.load('d')).toMatchObject({ ok: true, revision: 1, doc: { title: 'Safe' } });
  });

  it('a record and its index entry are written together or not at all', async () => {
    const { library } = await openOne();
    await library.save('d', diagram('Before'), undefined, 0);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (JSON.stringify(key) === JSON.stringify(INDEX_KEY)) throw quotaError();
      return put.call(this, value, key);
    });
    expect(await library.save('d', diagram('After'), undefined, 1)).toMatchObject({ ok: false, reason: 'quota' });
    vi.restoreAllMocks();
    expect(await library.load('d')).toMatchObject({ revision: 1, doc: { title: 'Before' } });
  });

  it('a document that cannot be stored is reported, not thrown', async () => {
    const { library } = await openOne();
    const doc = { ...diagram('Odd'), title: (() => 'x') as unknown as string };
    expect(await library.save('d', doc, undefined, 0)).toMatchObject({ ok: false, reason: 'unavailable', message: expect.stringMatching(/DataCloneError/) });
    expect(await library.list()).toEqual([]);
  });

  it('no IndexedDB at all: storage is off', async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect(await openLibrary({ name: 'x' })).toEqual({ ok: false, reason: 'unavailable', message: 'this browser offers no IndexedDB' });
  });

  it('reading indexedDB throws (Firefox with storage disabled): storage is off', async () => {
    Object.defineProperty(globalThis, 'indexedDB', { configurable: true, get: () => { throw new DOMException('denied', 'SecurityError'); } });
    try {
      expect(await openLibrary({ name: 'x' })).toMatchObject({ ok: false, reason: 'unavailable' });
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { configurable: true, writable: true, value: new IDBFactory() });
    }
  });

  it('open fails (private mode, sandbox): storage is off and says why', async () => {
    vi.stubGlobal('indexedDB', { open: () => { throw new DOMException('access denied', 'SecurityError'); } });
    expect(await openLibrary({ name: 'x' })).toEqual({ ok: false, reason: 'unavailable', message: expect.stringMatching(/SecurityError: access denied/) });
  });

  it('open never answers (blocked): storage is off after the timeout', async () => {
    vi.stubGlobal('indexedDB', { open: () => ({}) });
    expect(await openLibrary({ name: 'x', timeoutMs: 30 })).toMatchObject({ ok: false, reason: 'unavailable', message: expect.stringMatching(/did not answer/) });
  });

  it('no room even for the first write: storage is off for quota', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quotaError();
    });
    expect(await openLibrary({ name: `full-${++dbCount}` })).toMatchObject({ ok: false, reason: 'quota' });
  });
});
