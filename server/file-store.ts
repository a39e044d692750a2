import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isRoomId } from '../src/collab/capability.ts';

// Each room's Yjs state as one file, <dir>/<room id>.yjs, written whole to a
// temporary file and renamed over the old one, so a crash mid-write leaves the
// previous state rather than half a file. Room ids are base64url, so they are safe
// file names; anything else is refused before it reaches the file system.

export interface FileStore {
  fetch(room: string): Promise<Uint8Array | null>;
  store(room: string, state: Uint8Array): Promise<void>;
}

export function createFileStore(dir: string): FileStore {
  const fileOf = (room: string) => {
    if (!isRoomId(room)) throw new Error(`not a room id: ${JSON.stringify(room.slice(0, 40))}`);
    return join(dir, `${room}.yjs`);
  };
  let made: Promise<unknown> | null = null;
  const ready = () => (made ??= mkdir(dir, { recursive: true }));
  // Writes to one room run one after another: two renames racing could put the older state last.
  const queues = new Map<string, Promise<void>>();

  return {
    async fetch(room) {
      try {
        return new Uint8Array(await readFile(fileOf(room)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    store(room, state) {
      const file = fileOf(room);
      const write = async () => {
        await ready();
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, state);
        await rename(temporary, file);
      };
      const next = (queues.get(room) ?? Promise.resolve()).then(write, write);
      queues.set(room, next);
      return next;
    },
  };
}
