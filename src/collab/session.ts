import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { Diagram } from '../model/types.ts';
import type { EditorStore, LiveState, LiveStatus } from '../store/editor.ts';
import { attachRoom, type AttachedRoom } from './attach.ts';
import { sharePresence } from './awareness.ts';
import { keysFromEditKey, newRoomKeys, type RoomKeys } from './capability.ts';
import { rememberDiagramOfRoom } from './copies.ts';
import { FROM_NETWORK } from './guard.ts';
import { formatRoomLink, ROOM_PREFIX, type RoomLink } from './link.ts';
import { keepRoomOffline } from './offline.ts';

// A live session: the provider that keeps the network Y.Doc in step with the
// server, this browser's copy of the room (offline.ts), and the room attached to
// the store. Loaded on demand (live.ts), so Yjs, the provider and y-indexeddb are
// not part of the first load.

/** The longest wait between two attempts to reconnect (Hocuspocus waits up to 30 s):
 *  one who comes back online is back in the room within a few seconds. */
const RECONNECT_MAX_MS = 4000;

const VIEW_ONLY = { mode: 'read-only', reason: 'this is a view-only link.' } as const;

function linksOf(keys: RoomKeys | null, link: RoomLink, base: string): Pick<LiveState, 'viewLink' | 'editLink'> {
  if (!keys) return { viewLink: formatRoomLink(base, { room: link.room, edit: '', view: link.key }, 'view', link.server), editLink: null };
  return { viewLink: formatRoomLink(base, keys, 'view', link.server), editLink: formatRoomLink(base, keys, 'edit', link.server) };
}

/** Statuses as a person reads them: once a connection is lost, each new attempt is
 *  still "offline" until one succeeds, so the bar does not flicker through retries. */
function nextStatus(previous: LiveStatus, reported: string): LiveStatus {
  if (reported === 'connecting') return previous === 'connecting' ? 'connecting' : 'disconnected';
  return reported === 'connected' ? 'connected' : 'disconnected';
}

/** Keeps the room's link in the address bar while in the room, so a reload comes back to it. */
function showLinkInAddressBar(link: string | null): void {
  const bare = location.pathname + location.search;
  if (link) history.replaceState(null, '', link);
  else if (location.hash.startsWith(ROOM_PREFIX)) history.replaceState(null, '', bare);
}

async function connect(store: EditorStore, link: RoomLink, keys: RoomKeys | null, seed: Diagram | null): Promise<() => void> {
  const network = new Y.Doc();
  const trusted = new Y.Doc();
  const base = `${location.origin}${location.pathname}`;
  const links = linksOf(keys, link, base);
  const diagramId = store.getState().diagramId;
  if (diagramId) rememberDiagramOfRoom(link.room, diagramId);
  showLinkInAddressBar(links.editLink ?? links.viewLink);
  const openedAtJoin = store.getState().openCount;
  // Before the seed goes in, so that the copy stores it too.
  const copy = await keepRoomOffline(link.room, trusted);
  // Another diagram opened while the copy loaded: this room is left before it began.
  if (store.getState().openCount !== openedAtJoin) {
    await copy?.dispose();
    trusted.destroy();
    showLinkInAddressBar(null);
    return () => {};
  }
  let room: AttachedRoom | null = null;
  let status: LiveStatus = 'connecting';
  let presence: ReturnType<typeof sharePresence> | null = null;
  const unsent = () => copy?.unsent() ?? 0;
  const live = (): LiveState => ({ status, unsent: unsent(), people: 1 + store.getState().peers.length, me: presence!.me(), canUndo: false, canRedo: false, ...links });
  const attach = () => (room ??= attachRoom(store, network, trusted, { seed: seed ?? undefined, live: live() }));
  const socket = new HocuspocusProviderWebsocket({ url: link.server, maxDelay: RECONNECT_MAX_MS });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: link.room,
    document: network,
    token: link.key,
    onStatus: ({ status: reported }) => {
      status = nextStatus(status, reported);
      store.getState().receiveLive(null, { status });
    },
    onAuthenticated: ({ scope }) => {
      if (scope === 'readonly') store.getState().setSaving(VIEW_ONLY);
    },
    onAuthenticationFailed: ({ reason }) => {
      store.getState().showNotice({ kind: 'error', text: `The live room refused this link (${reason}).` });
      leave();
    },
    // The server confirmed everything sent so far, offline edits included.
    onUnsyncedChanges: ({ number }) => {
      if (number === 0 && status === 'connected') countUnsent(0);
    },
    // One who joins waits for the room's document; one who shares has it already.
    onSynced: () => attach(),
  });
  provider.attach();
  const countUnsent = (count: number) => {
    copy?.setUnsent(count);
    store.getState().receiveLive(null, { unsent: unsent() });
  };
  // Every change of this person's (edits, undo, the seed) waits for the server's word.
  const onTrustedUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== FROM_NETWORK) countUnsent(unsent() + 1);
  };
  trusted.on('update', onTrustedUpdate);
  // Presence starts with being counted: an empty awareness state is never sent.
  presence = sharePresence(store, provider.awareness!);
  // One who shares, or who kept a copy of the room here, can edit before the server answers.
  if (seed || copy?.held) attach();
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
    trusted.off('update', onTrustedUpdate);
    presence?.dispose();
    provider.destroy();
    socket.destroy();
    room?.detach();
    void copy?.dispose();
    if (!room) trusted.destroy();
    network.destroy();
    showLinkInAddressBar(null);
  }
  return leave;
}

let current: (() => void) | null = null;

/** Puts the open diagram in a new room on `server`; returns the edit link. */
export async function shareLive(store: EditorStore, server: string): Promise<string> {
  current?.();
  const keys = await newRoomKeys();
  const link: RoomLink = { room: keys.room, key: keys.edit, capability: 'edit', server };
  current = await connect(store, link, keys, store.getState().doc);
  return formatRoomLink(`${location.origin}${location.pathname}`, keys, 'edit', server);
}

export async function joinLive(store: EditorStore, link: RoomLink): Promise<void> {
  current?.();
  const keys = link.capability === 'edit' ? await keysFromEditKey(link.key) : null;
  if (keys && keys.room !== link.room) {
    store.getState().showNotice({ kind: 'error', text: 'This live link is damaged: its key is not a key to its room.' });
    return;
  }
  current = await connect(store, link, keys, null);
}

export function leaveLive(): void {
  current?.();
  current = null;
}
