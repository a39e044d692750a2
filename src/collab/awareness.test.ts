import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { addNode, moveNodes, nodeById } from '../model/ops.ts';
import { emptyDiagram } from '../model/types.ts';
import { NAME_KEY, sharePresence } from './awareness.ts';
import { guestName, type Peer } from './presence.ts';
import { createRelay, joinTestRoom } from './testing.ts';
import type { FrameClock } from './throttle.ts';

// Two people in one room, their documents through the in-memory relay and their
// awareness through a second relay, as the provider would carry both.

function frames() {
  let time = 0;
  const due: (() => void)[] = [];
  const clock: FrameClock = { now: () => time, request: (callback) => due.push(callback), cancel: () => {} };
  return {
    clock,
    run() {
      time += 100;
      for (const callback of due.splice(0)) callback();
    },
  };
}

function memoryStorage(entries: Record<string, string> = {}) {
  const map = new Map(Object.entries(entries));
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
    map,
  };
}

function linkAwareness(...all: Awareness[]) {
  for (const from of all) {
    from.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === 'relay') return;
      const update = encodeAwarenessUpdate(from, [...added, ...updated, ...removed]);
      for (const to of all) if (to !== from) applyAwarenessUpdate(to, update, 'relay');
    });
  }
}

/** An awareness whose client id is `id`, as a Y.Doc's would be. */
function awarenessOf(id?: number): Awareness {
  const doc = new Y.Doc();
  if (id !== undefined) doc.clientID = id;
  return new Awareness(doc);
}

function room(storageB = memoryStorage(), ids: [number?, number?] = []) {
  const relay = createRelay();
  const a = joinTestRoom(relay, addNode(addNode(emptyDiagram(), 'service', { x: 0, y: 0 }, { id: 'api' }), 'cache', { x: 300, y: 0 }, { id: 'cache' }));
  const b = joinTestRoom(relay);
  const awareA = awarenessOf(ids[0]);
  const awareB = awarenessOf(ids[1]);
  linkAwareness(awareA, awareB);
  const time = frames();
  const presenceA = sharePresence(a.store, awareA, { storage: memoryStorage(), clock: time.clock });
  const presenceB = sharePresence(b.store, awareB, { storage: storageB, clock: time.clock });
  return { a, b, awareA, awareB, presenceA, presenceB, time, storageB };
}

const peerOf = (editor: { state(): { peers: readonly Peer[] } }, id: number) => editor.state().peers.find((peer) => peer.clientId === id);

describe('presence in a room', () => {
  it('shows each person the other, as a guest until they give a name', () => {
    const { a, b, awareA, awareB } = room();
    expect(peerOf(a, awareB.clientID)?.name).toBe(guestName(awareB.clientID));
    expect(peerOf(b, awareA.clientID)?.name).toBe(guestName(awareA.clientID));
  });

  it('shows a new name to the others, keeps it for the next visit, and shows it to oneself', () => {
    const { a, b, awareB, storageB } = room();
    b.state().presence!.rename('  Bea  ');
    expect(peerOf(a, awareB.clientID)?.name).toBe('Bea');
    expect(storageB.map.get(NAME_KEY)).toBe('Bea');
    expect(b.state().live?.me.name).toBe('Bea');
    const again = room(storageB);
    expect(peerOf(again.a, again.awareB.clientID)?.name).toBe('Bea');
  });

  it('gives two people whose ids share a colour two colours: the later id moves to a free one', () => {
    // 3 and 11 both come to green (PEER_COLOURS[3]); the next free one is teal.
    const { a, b, presenceA, presenceB } = room(memoryStorage(), [3, 11]);
    expect(presenceA.me().colour).toBe('green');
    expect(presenceB.me().colour).toBe('teal');
    expect(b.state().live?.me.colour).toBe('teal');
    expect(peerOf(a, 11)?.colour).toBe('teal');
    expect(peerOf(b, 3)?.colour).toBe('green');
  });

  it('shows where the other points, a frame later, and nothing once they leave the canvas', () => {
    const { a, b, awareB, time } = room();
    b.state().presence!.point({ x: 40, y: 60 });
    expect(peerOf(a, awareB.clientID)).toMatchObject({ cursor: null });
    time.run();
    expect(peerOf(a, awareB.clientID)).toMatchObject({ cursor: { x: 40, y: 60 } });
    b.state().presence!.point(null);
    time.run();
    expect(peerOf(a, awareB.clientID)).toMatchObject({ cursor: null });
  });

  it('shows what the other selected', () => {
    const { a, b, awareB } = room();
    b.state().select(['cache']);
    expect(peerOf(a, awareB.clientID)).toMatchObject({ selection: ['cache'] });
  });

  it('sends a drag through awareness while it lasts and the move through the document on release', async () => {
    const { a, b, awareB, time } = room();
    b.state().beginGesture();
    b.state().updateGesture((doc) => moveNodes(doc, new Map([['api', { x: 50, y: 80 }]])));
    time.run();
    expect([...peerOf(a, awareB.clientID)!.drag!]).toEqual([['api', { x: 50, y: 80 }]]);
    // The document has not moved yet: nothing is written while the drag lasts.
    expect(nodeById(a.state().doc, 'api')!.position).toEqual({ x: 0, y: 0 });
    b.state().endGesture();
    expect(nodeById(a.state().doc, 'api')!.position).toEqual({ x: 50, y: 80 });
    await Promise.resolve();
    expect(peerOf(a, awareB.clientID)).toMatchObject({ drag: null });
  });

  it('shows a hostile peer’s state only as far as it is well formed', () => {
    const { a } = room();
    const hostile = new Awareness(new Y.Doc());
    hostile.setLocalState({ user: { name: '<b>x</b>'.repeat(500), colour: 'url(javascript:1)' }, cursor: { x: 'NaN', y: 1 }, selection: ['api', 'nope'], drag: 'everything' });
    // Through A's own awareness, as the provider would hand it.
    const awareA = new Awareness(new Y.Doc());
    const presence = sharePresence(a.store, awareA, { storage: null });
    applyAwarenessUpdate(awareA, encodeAwarenessUpdate(hostile, [hostile.clientID]), 'relay');
    expect(peerOf(a, hostile.clientID)).toMatchObject({ name: guestName(hostile.clientID), cursor: null, selection: ['api'], drag: null });
    presence.dispose();
  });

  it('counts the people it lists, and a state that is not a person’s as nobody', () => {
    const { a, awareA } = room();
    expect(a.state().live?.people).toBe(2);
    const junk = new Awareness(new Y.Doc());
    junk.setLocalState(42 as unknown as Record<string, unknown>);
    applyAwarenessUpdate(awareA, encodeAwarenessUpdate(junk, [junk.clientID]), 'relay');
    const third = new Awareness(new Y.Doc());
    third.setLocalState({ present: true });
    applyAwarenessUpdate(awareA, encodeAwarenessUpdate(third, [third.clientID]), 'relay');
    expect(a.state().peers).toHaveLength(2);
    expect(a.state().live?.people).toBe(3);
  });

  it('forgets the others on leaving', () => {
    const { a, presenceA } = room();
    expect(a.state().peers).toHaveLength(1);
    presenceA.dispose();
    expect(a.state().peers).toHaveLength(0);
    expect(a.state().presence).toBeNull();
  });

  it('forgets the others when the room is left, whichever goes first', () => {
    const { b } = room();
    expect(b.state().peers).toHaveLength(1);
    b.room.detach();
    expect(b.state().peers).toHaveLength(0);
    expect(b.state().presence).toBeNull();
  });
});
