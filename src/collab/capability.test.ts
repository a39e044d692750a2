import { describe, expect, it } from 'vitest';
import { capabilityOf, isRoomId, isRoomKey, keysFromEditKey, newRoomKeys } from './capability.ts';

describe('room keys', () => {
  it('makes a different room with well-formed keys every time', async () => {
    const rooms = await Promise.all(Array.from({ length: 50 }, () => newRoomKeys()));
    expect(new Set(rooms.map((keys) => keys.room)).size).toBe(50);
    for (const keys of rooms) {
      expect(isRoomId(keys.room)).toBe(true);
      expect(isRoomKey(keys.edit) && isRoomKey(keys.view)).toBe(true);
      expect(keys.view).not.toBe(keys.edit);
    }
  });

  it('derives the view key and the room from the edit key, the same way each time', async () => {
    const keys = await newRoomKeys();
    expect(await keysFromEditKey(keys.edit)).toEqual(keys);
  });

  it('tells an edit key from a view key, and refuses anything else', async () => {
    const keys = await newRoomKeys();
    const other = await newRoomKeys();
    expect(await capabilityOf(keys.room, keys.edit)).toBe('edit');
    expect(await capabilityOf(keys.room, keys.view)).toBe('view');
    expect(await capabilityOf(keys.room, other.edit)).toBeNull();
    expect(await capabilityOf(keys.room, other.view)).toBeNull();
    expect(await capabilityOf(keys.room, keys.room)).toBeNull();
    expect(await capabilityOf(keys.room, '')).toBeNull();
    expect(await capabilityOf('../../etc/passwd', keys.edit)).toBeNull();
  });
});
