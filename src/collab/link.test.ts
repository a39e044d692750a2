import { describe, expect, it } from 'vitest';
import { newRoomKeys } from './capability.ts';
import { formatRoomLink, parseRoomLink } from './link.ts';

describe('room links', () => {
  it('reads back the room, key and server it was written with', async () => {
    const keys = await newRoomKeys();
    const server = 'wss://collab.example:4650/rooms';
    for (const capability of ['edit', 'view'] as const) {
      const link = formatRoomLink('https://app.example/', keys, capability, server);
      expect(parseRoomLink(new URL(link).hash)).toEqual({ room: keys.room, key: keys[capability], capability, server });
    }
  });

  it('refuses links that lack a part or carry something else', async () => {
    const keys = await newRoomKeys();
    const server = encodeURIComponent('ws://127.0.0.1:4650');
    expect(parseRoomLink(`#room=${keys.room}&edit=${keys.edit}`)).toBeNull();
    expect(parseRoomLink(`#room=${keys.room}&server=${server}`)).toBeNull();
    expect(parseRoomLink(`#room=short&edit=${keys.edit}&server=${server}`)).toBeNull();
    expect(parseRoomLink(`#room=${keys.room}&edit=${keys.edit}&server=${encodeURIComponent('https://evil.example')}`)).toBeNull();
    expect(parseRoomLink(`#doc=abc`)).toBeNull();
  });
});
