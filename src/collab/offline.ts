import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

// This browser's copy of a room: the trusted Y.Doc (guard.ts) kept in IndexedDB by
// y-indexeddb, one database per room id, so edits made while the connection is down
// survive a reload and go to the room when it comes back. Only the trusted doc is
// kept, never the network one: a peer's update the guard refused is not in it, so it
// cannot come back from storage after a reload. The count of this person's changes
// the server has not confirmed is kept beside it, for the live bar.

const UNSENT_KEY = 'unsent';

export interface OfflineCopy {
  /** Whether this browser held a copy of the room before this visit. */
  held: boolean;
  /** This person's changes the server has not confirmed, counted across reloads. */
  unsent(): number;
  setUnsent(count: number): void;
  /** Stops storing; resolves once what was stored is written. */
  dispose(): Promise<void>;
}

export const roomDatabaseName = (room: string) => `faultline-room:${room}`;

/** Loads the room's copy into `trusted` and keeps it stored from then on; null when
 *  this browser stores nothing (a private window, storage refused): the room then
 *  works online only. */
export async function keepRoomOffline(room: string, trusted: Y.Doc): Promise<OfflineCopy | null> {
  let persistence: IndexeddbPersistence;
  try {
    persistence = new IndexeddbPersistence(roomDatabaseName(room), trusted);
  } catch {
    return null;
  }
  // y-indexeddb never reports a database that fails to open; its 'synced' never comes.
  const opened = (persistence as unknown as { _db: Promise<unknown> })._db;
  const loaded = await Promise.race([persistence.whenSynced.then(() => true), opened.then(() => new Promise<boolean>(() => {}), () => false)]);
  if (!loaded) {
    void persistence.destroy().catch(() => {});
    return null;
  }
  let unsent = Number(await persistence.get(UNSENT_KEY).catch(() => 0)) || 0;
  return {
    held: trusted.store.clients.size > 0,
    unsent: () => unsent,
    setUnsent(count) {
      if (count === unsent) return;
      unsent = count;
      void persistence.set(UNSENT_KEY, count).catch(() => {});
    },
    dispose: () => persistence.destroy(),
  };
}
