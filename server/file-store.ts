import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { isRoomId } from '../src/collab/capability.ts';

// Each room on disk is two files:
//
//   <room id>.yjs   a snapshot of its Yjs state, written whole to a temporary file,
//                   flushed, and renamed over the old one (a crash mid-write leaves the
//                   previous snapshot, never half a file);
//   <room id>.<server>.log
//                   every update this server accepted since its last snapshot,
//                   appended and flushed (fdatasync) before the server acknowledges it. Each server process behind one Redis has a log of
//                   its own, named by `server` (by default its port), so one never
//                   empties another's; a server restarted under the same name takes
//                   its log back.
//
// The log is what makes an acknowledgement mean "on disk": the server acknowledges an
// update only once `append` has flushed it, and the provider counts a change as saved
// only when the server answers it, so a crash between two snapshots loses nothing a
// client was told was saved. Updates that arrive together share one flush.
//
// `store` writes a snapshot of the state Hocuspocus hands it merged with everything
// the log holds (the state was taken a moment before; the log may hold more), then empties the
// log. Appends and snapshots of one room run one after another, so no update can fall
// between the snapshot and the emptied log. `fetch` reads the snapshot and replays
// the log; a record cut short by a crash (never flushed, so never acknowledged) is
// dropped and cut off the file. Other servers' logs are replayed too, and left alone.
//
// Room ids are base64url, so they are safe file names; anything else is refused before
// it reaches the file system.

export interface FileStore {
  fetch(room: string): Promise<Uint8Array | null>;
  /** Resolves once `update` is flushed to the room's log. */
  append(room: string, update: Uint8Array): Promise<void>;
  store(room: string, state: Uint8Array): Promise<void>;
}

interface RoomFiles {
  /** Flushed to the log since the last snapshot. */
  logged: Uint8Array[];
  /** Waiting for the next flush. */
  batch: { update: Uint8Array; done: () => void; failed: (error: unknown) => void }[];
  flushQueued: boolean;
  /** Every file operation on the room, one after another. */
  queue: Promise<void>;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

async function readOrNull(file: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** The log's whole records, and how many bytes they take (a torn tail is not counted). */
export function readLog(bytes: Uint8Array): { updates: Uint8Array[]; length: number } {
  const decoder = decoding.createDecoder(bytes);
  const updates: Uint8Array[] = [];
  let length = 0;
  while (decoding.hasContent(decoder)) {
    try {
      const size = decoding.readVarUint(decoder);
      if (decoder.pos + size > bytes.length) break;
      updates.push(decoding.readUint8Array(decoder, size));
      length = decoder.pos;
    } catch {
      break;
    }
  }
  return { updates, length };
}

async function writeDurably(file: string, data: Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const SERVER_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** `server` names this process's logs; servers sharing `dir` need different names. */
export function createFileStore(dir: string, server = 'main'): FileStore {
  if (!SERVER_NAME.test(server)) throw new Error(`not a server name: ${JSON.stringify(server)}`);
  const checked = (room: string) => {
    if (!isRoomId(room)) throw new Error(`not a room id: ${JSON.stringify(room.slice(0, 40))}`);
    return room;
  };
  const fileOf = (room: string, extension: 'yjs' | 'log') => join(dir, `${checked(room)}.${extension === 'log' ? `${server}.log` : 'yjs'}`);
  const logsOf = async (room: string) => {
    try {
      return (await readdir(dir)).filter((name) => name.startsWith(`${checked(room)}.`) && name.endsWith('.log')).map((name) => join(dir, name));
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  };
  let made: Promise<unknown> | null = null;
  const ready = () => (made ??= mkdir(dir, { recursive: true }));
  const rooms = new Map<string, RoomFiles>();
  const filesOf = (room: string): RoomFiles => {
    let files = rooms.get(room);
    if (!files) rooms.set(room, (files = { logged: [], batch: [], flushQueued: false, queue: Promise.resolve() }));
    return files;
  };
  const enqueue = (files: RoomFiles, step: () => Promise<void>) => {
    const next = files.queue.then(step, step);
    files.queue = next.catch(() => {});
    return next;
  };

  const flush = async (room: string, files: RoomFiles) => {
    files.flushQueued = false;
    const batch = files.batch.splice(0);
    if (batch.length === 0) return;
    try {
      const encoder = encoding.createEncoder();
      for (const { update } of batch) encoding.writeVarUint8Array(encoder, update);
      await ready();
      const handle = await open(fileOf(room, 'log'), 'a');
      try {
        await handle.write(encoding.toUint8Array(encoder));
        await handle.datasync();
      } finally {
        await handle.close();
      }
      for (const { update, done } of batch) {
        files.logged.push(update);
        done();
      }
    } catch (error) {
      for (const { failed } of batch) failed(error);
    }
  };

  return {
    async fetch(room) {
      const snapshot = await readOrNull(fileOf(room, 'yjs'));
      const all = snapshot ? [snapshot] : [];
      const own = fileOf(room, 'log');
      for (const file of await logsOf(room)) {
        const log = await readOrNull(file);
        if (!log) continue;
        const { updates, length } = readLog(log);
        all.push(...updates);
        if (file !== own) continue;
        // Appends after a torn record would be unreadable behind it.
        if (length < log.length) await truncate(file, length);
        filesOf(room).logged = [...updates];
      }
      return all.length > 0 ? Y.mergeUpdates(all) : null;
    },
    append(room, update) {
      fileOf(room, 'log');
      const files = filesOf(room);
      const flushed = new Promise<void>((done, failed) => files.batch.push({ update, done, failed }));
      if (!files.flushQueued) {
        files.flushQueued = true;
        void enqueue(files, () => flush(room, files));
      }
      return flushed;
    },
    store(room, state) {
      const snapshotFile = fileOf(room, 'yjs');
      const logFile = fileOf(room, 'log');
      const files = filesOf(room);
      return enqueue(files, async () => {
        await ready();
        const merged = files.logged.length > 0 ? Y.mergeUpdates([state, ...files.logged]) : state;
        await writeDurably(snapshotFile, merged);
        await syncFolder(dir);
        // The snapshot holds every logged update now; only then does the log go.
        files.logged = [];
        try {
          await unlink(logFile);
        } catch (error) {
          if (!isMissing(error)) throw error;
        }
      });
    },
  };
}
