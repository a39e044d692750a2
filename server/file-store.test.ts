import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newRoomKeys } from '../src/collab/capability.ts';
import { createFileStore, readLog } from './file-store.ts';

const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An update that sets meta[key] = value on a document of its own. */
function edit(key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('meta').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

function metaOf(state: Uint8Array | null): Record<string, unknown> {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getMap('meta').toJSON();
}

describe('the file store', () => {
  it('keeps an appended update with no snapshot, as a crash right after the acknowledgement would leave it', async () => {
    const dir = folder();
    const { room } = await newRoomKeys();
    await createFileStore(dir, 'a').append(room, edit('title', 'Logged'));
    // A new process under the same name: only the files are left.
    expect(metaOf(await createFileStore(dir, 'a').fetch(room))).toEqual({ title: 'Logged' });
  });

  it('snapshots the state merged with every logged update, then empties the log', async () => {
    const dir = folder();
    const { room } = await newRoomKeys();
    const store = createFileStore(dir, 'a');
    const first = edit('title', 'One');
    await store.append(room, first);
    const second = edit('owner', 'Ana');
    await store.append(room, second);
    // The state Hocuspocus hands over may lack an update that is logged and not yet applied.
    await store.store(room, first);
    expect(readdirSync(dir).filter((name) => name.endsWith('.log'))).toEqual([]);
    expect(metaOf(await createFileStore(dir, 'a').fetch(room))).toEqual({ title: 'One', owner: 'Ana' });
  });

  it('drops a record cut short by a crash and cuts it off the log, so later appends stay readable', async () => {
    const dir = folder();
    const { room } = await newRoomKeys();
    await createFileStore(dir, 'a').append(room, edit('title', 'Whole'));
    const log = join(dir, `${room}.a.log`);
    appendFileSync(log, new Uint8Array([200, 1, 7, 7])); // says 200 bytes follow; 3 do
    const restarted = createFileStore(dir, 'a');
    expect(metaOf(await restarted.fetch(room))).toEqual({ title: 'Whole' });
    await restarted.append(room, edit('owner', 'Ana'));
    expect(readLog(readFileSync(log)).updates).toHaveLength(2);
    expect(metaOf(await createFileStore(dir, 'a').fetch(room))).toEqual({ title: 'Whole', owner: 'Ana' });
  });

  it('replays another server’s log and leaves it alone', async () => {
    const dir = folder();
    const { room } = await newRoomKeys();
    await createFileStore(dir, 'b').append(room, edit('owner', 'Bo'));
    const a = createFileStore(dir, 'a');
    const state = await a.fetch(room);
    expect(metaOf(state)).toEqual({ owner: 'Bo' });
    await a.store(room, Y.mergeUpdates([state!, edit('title', 'Mine')]));
    expect(existsSync(join(dir, `${room}.b.log`))).toBe(true);
    expect(metaOf(await createFileStore(dir, 'c').fetch(room))).toEqual({ owner: 'Bo', title: 'Mine' });
  });

  it('refuses a room id or server name that is not safe as a file name', async () => {
    const store = createFileStore(folder(), 'a');
    await expect(store.fetch('../etc/passwd')).rejects.toThrow(/not a room id/);
    expect(() => createFileStore(folder(), '../x')).toThrow(/not a server name/);
  });
});
