import { toBase64Url } from '../io/bytes.ts';

// Room ids and the two keys to a room, derived one from the other so that the
// server needs no list of rooms to tell an edit key from a view key:
//
//   edit key  24 random bytes (crypto.getRandomValues), base64url
//   view key  SHA-256("faultline/view\0" + edit key), 24 bytes, base64url
//   room id   SHA-256("faultline/room\0" + view key), 16 bytes (128 bits), base64url
//
// The edit key gives the view key and the view key gives the room id, never the
// other way round: a view link cannot be turned into an edit link, and a room id
// seen in the server's files or logs opens nothing. The server checks which key a
// connection holds and makes a view connection read-only there (server/auth.ts).
// Links carry both in the fragment, which browsers never send to a web server.
// Runs in the browser and in Node (globalThis.crypto in both).

export type Capability = 'edit' | 'view';

export interface RoomKeys {
  room: string;
  edit: string;
  view: string;
}

const EDIT_KEY_BYTES = 24;
const VIEW_KEY_BYTES = 24;
const ROOM_ID_BYTES = 16;
/** Room ids and keys are base64url text of these lengths, nothing else. */
const ROOM_ID = /^[A-Za-z0-9_-]{22}$/;
const KEY = /^[A-Za-z0-9_-]{32}$/;

async function derive(label: string, key: string, bytes: number): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`faultline/${label}\0${key}`));
  return toBase64Url(new Uint8Array(digest).subarray(0, bytes));
}

export const viewKeyOf = (editKey: string) => derive('view', editKey, VIEW_KEY_BYTES);
export const roomIdOf = (viewKey: string) => derive('room', viewKey, ROOM_ID_BYTES);

export async function keysFromEditKey(edit: string): Promise<RoomKeys> {
  const view = await viewKeyOf(edit);
  return { room: await roomIdOf(view), edit, view };
}

/** A new room: 192 random bits behind the edit key, 128 in the room id. */
export function newRoomKeys(): Promise<RoomKeys> {
  return keysFromEditKey(toBase64Url(crypto.getRandomValues(new Uint8Array(EDIT_KEY_BYTES))));
}

export const isRoomId = (text: string) => ROOM_ID.test(text);
export const isRoomKey = (text: string) => KEY.test(text);

/** What `key` lets its holder do in `room`, or null when it is no key to that room. */
export async function capabilityOf(room: string, key: string): Promise<Capability | null> {
  if (!isRoomId(room) || !isRoomKey(key)) return null;
  if ((await roomIdOf(await viewKeyOf(key))) === room) return 'edit';
  if ((await roomIdOf(key)) === room) return 'view';
  return null;
}
