import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { Diagram } from '../model/types.ts';
import type { EditorStore, LiveState, LiveStatus } from '../store/editor.ts';
import { attachRoom, type AttachedRoom } from './attach.ts';
import { sharePresence } from './awareness.ts';
import { keysFromEditKey, newRoomKeys, type RoomKeys } from './capability.ts';
import { formatRoomLink, type RoomLink } from './link.ts';

// A live session: the provider that keeps the network Y.Doc in step with the
// server, and the room attached to the store. Loaded on demand (live.ts), so
// Yjs and the provider are not part of the first load.

const VIEW_ONLY = { mode: 'read-only', reason: 'this is a view-only link.' } as const;

function linksOf(keys: RoomKeys | null, link: RoomLink, base: string): Pick<LiveState, 'viewLink' | 'editLink'> {
  if (!keys) return { viewLink: formatRoomLink(base, { room: link.room, edit: '', view: link.key }, 'view', link.server), editLink: null };
  return { viewLink: formatRoomLink(base, keys, 'view', link.server), editLink: formatRoomLink(base, keys, 'edit', link.server) };
}

function connect(store: EditorStore, link: RoomLink, keys: RoomKeys | null, seed: Diagram | null): () => void {
  const network = new Y.Doc();
  const base = `${location.origin}${location.pathname}`;
  let room: AttachedRoom | null = null;
  let status: LiveStatus = 'connecting';
  let presence: ReturnType<typeof sharePresence> | null = null;
  const live = (): LiveState => ({ status, people: 1 + store.getState().peers.length, me: presence!.me(), canUndo: false, canRedo: false, ...linksOf(keys, link, base) });
  const attach = () => (room ??= attachRoom(store, network, { seed: seed ?? undefined, live: live() }));
  const provider = new HocuspocusProvider({
    url: link.server,
    name: link.room,
    document: network,
    token: link.key,
    onStatus: ({ status: next }) => {
      status = next as LiveStatus;
      store.getState().receiveLive(null, { status });
    },
    onAuthenticated: ({ scope }) => {
      if (scope === 'readonly') store.getState().setSaving(VIEW_ONLY);
    },
    onAuthenticationFailed: ({ reason }) => {
      store.getState().showNotice({ kind: 'error', text: `The live room refused this link (${reason}).` });
      leave();
    },
    // One who joins waits for the room's document; one who shares has it already.
    onSynced: () => attach(),
  });
  // Presence starts with being counted: an empty awareness state is never sent.
  presence = sharePresence(store, provider.awareness!);
  if (seed) attach();
  const openedAtJoin = store.getState().openCount;
  // Opening another diagram leaves the room; the library keeps what it held.
  const unsubscribe = store.subscribe(
    (state) => state.openCount,
    (count) => {
      if (count !== openedAtJoin) leave();
    },
  );
  let left = false;
  function leave() {
    if (left) return;
    left = true;
    unsubscribe();
    presence?.dispose();
    provider.destroy();
    room?.detach();
    network.destroy();
  }
  return leave;
}

let current: (() => void) | null = null;

/** Puts the open diagram in a new room on `server`; returns the edit link. */
export async function shareLive(store: EditorStore, server: string): Promise<string> {
  current?.();
  const keys = await newRoomKeys();
  const link: RoomLink = { room: keys.room, key: keys.edit, capability: 'edit', server };
  current = connect(store, link, keys, store.getState().doc);
  return formatRoomLink(`${location.origin}${location.pathname}`, keys, 'edit', server);
}

export async function joinLive(store: EditorStore, link: RoomLink): Promise<void> {
  current?.();
  const keys = link.capability === 'edit' ? await keysFromEditKey(link.key) : null;
  if (keys && keys.room !== link.room) {
    store.getState().showNotice({ kind: 'error', text: 'This live link is damaged: its key is not a key to its room.' });
    return;
  }
  current = connect(store, link, keys, null);
}

export function leaveLive(): void {
  current?.();
  current = null;
}
