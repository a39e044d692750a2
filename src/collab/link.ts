import { isRoomId, isRoomKey, type Capability, type RoomKeys } from './capability.ts';

// Room links: https://host/app/#room=<room id>&edit=<edit key>&server=<ws url>
// (or view=<view key>). All of it sits in the fragment, which browsers never send
// to the web server; the key goes only to the collaboration server named in it.

export interface RoomLink {
  room: string;
  key: string;
  capability: Capability;
  server: string;
}

export const ROOM_PREFIX = '#room=';

export function formatRoomLink(base: string, keys: RoomKeys, capability: Capability, server: string): string {
  const key = capability === 'edit' ? keys.edit : keys.view;
  return `${base}#room=${keys.room}&${capability}=${key}&server=${encodeURIComponent(server)}`;
}

export function parseRoomLink(hash: string): RoomLink | null {
  if (!hash.startsWith(ROOM_PREFIX)) return null;
  const params = new URLSearchParams(hash.slice(1));
  const room = params.get('room') ?? '';
  const server = params.get('server') ?? '';
  const edit = params.get('edit');
  const view = params.get('view');
  const key = edit ?? view ?? '';
  if (!isRoomId(room) || !isRoomKey(key) || !/^wss?:\/\//.test(server)) return null;
  return { room, key, capability: edit ? 'edit' : 'view', server };
}

/** Where a new room is made: a server set in this browser, the build's, or port 4650 of this host. */
export function collabServerUrl(): string {
  try {
    const chosen = window.localStorage.getItem('faultline:collab-server');
    if (chosen) return chosen;
  } catch {
    // storage refused: use the default
  }
  const built = import.meta.env.VITE_COLLAB_URL as string | undefined;
  if (built) return built;
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.hostname}:4650`;
}
