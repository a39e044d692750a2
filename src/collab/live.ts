import type { EditorStore } from '../store/editor.ts';
import { diagramOfRoom } from './copies.ts';
import { collabServerUrl, parseRoomLink, ROOM_PREFIX } from './link.ts';

// The first-load side of live rooms: nothing here imports Yjs or the provider;
// session.ts loads when someone shares or opens a room link. Nothing is sent
// anywhere before that.

const session = () => import('./session.ts');

export async function shareLive(store: EditorStore): Promise<void> {
  const { shareLive: share } = await session();
  const link = await share(store, collabServerUrl());
  try {
    await navigator.clipboard.writeText(link);
    store.getState().showNotice({ kind: 'info', text: 'Live: the edit link is copied. Anyone with it can edit this diagram with you.' });
  } catch {
    store.getState().showNotice({ kind: 'info', text: 'Live: copy the edit link from the bar above the canvas.' });
  }
}

/** Where a room's diagram opens: the library's diagram that already holds this
 *  browser's copy of it, or a new one. */
export interface RoomDiagrams {
  /** Opens the saved diagram `id`; false when the library no longer has it. */
  reopen(id: string): Promise<boolean>;
  openNew(): Promise<void>;
}

/** Joins the room a link at the page's address names, in its diagram of the library. */
export async function joinFromLocation(store: EditorStore, diagrams: RoomDiagrams): Promise<void> {
  if (!location.hash.startsWith(ROOM_PREFIX)) return;
  const link = parseRoomLink(location.hash);
  history.replaceState(null, '', location.pathname + location.search);
  if (!link) {
    store.getState().showNotice({ kind: 'error', text: 'This live link is damaged: it lacks a room, a key or a server.' });
    return;
  }
  const kept = diagramOfRoom(link.room);
  if (!kept || !(await diagrams.reopen(kept))) await diagrams.openNew();
  const { joinLive } = await session();
  await joinLive(store, link);
}
