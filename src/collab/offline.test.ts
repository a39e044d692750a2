import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestEditor } from '../commands/testing.ts';
import { addNode, nodeById, setLabel, setNodeProp } from '../model/ops.ts';
import { emptyDiagram, type Diagram } from '../model/types.ts';
import { attachRoom } from './attach.ts';
import { keepRoomOffline } from './offline.ts';
import { createRelay, joinTestRoom, testLive, type Relay } from './testing.ts';
import { readDiagram, rootsOf } from './ydiagram.ts';

// This browser's copy of a room in IndexedDB (fake-indexeddb here): what it keeps
// across a reload, and what it never keeps.

let rooms = 0;

function startingDiagram(): Diagram {
  let doc = emptyDiagram('Checkout');
  doc = addNode(doc, 'service', { x: 0, y: 0 }, { id: 'api' });
  return addNode(doc, 'sql-database', { x: 300, y: 0 }, { id: 'db' });
}

/** A person whose room doc is kept in IndexedDB, as in the browser; `network` is null
 *  while offline (a Y.Doc that reaches no one). */
async function openWithCopy(relay: Relay | null, room: string) {
  const editor = createTestEditor();
  const trusted = new Y.Doc();
  const copy = (await keepRoomOffline(room, trusted))!;
  const network = relay ? relay.connect() : new Y.Doc();
  const attached = attachRoom(editor.store, network, trusted, { live: testLive() });
  return {
    ...editor,
    copy,
    network,
    trusted,
    /** Closes the page: the copy is written, the docs go. */
    async close() {
      await copy.dispose();
      attached.detach();
      network.destroy();
    },
  };
}

/** What a modified client can do: write a dangling edge straight into its network doc, past its own guard. */
function writeDanglingEdge(network: Y.Doc): void {
  network.transact(() => {
    const edge = new Y.Map<unknown>();
    edge.set('source', 'api');
    edge.set('target', 'nowhere');
    edge.set('props', new Y.Map());
    rootsOf(network).edges.set('bad', edge);
    rootsOf(network).edgeOrder.push(['bad']);
  });
}

const node = (editor: { state(): { doc: Diagram } }, id: string) => nodeById(editor.state().doc, id)!;

describe("this browser's copy of a room", () => {
  it('keeps edits made offline across a reload and merges them when the connection is back', async () => {
    const room = `room-${++rooms}`;
    const relay = createRelay();
    const b = joinTestRoom(relay, startingDiagram());
    const first = await openWithCopy(relay, room);
    expect(first.copy.held).toBe(false);
    expect(first.state().doc).toEqual(b.state().doc);

    relay.disconnect(first.network);
    first.state().edit((doc) => setLabel(doc, 'api', 'Orders API'));
    b.state().edit((doc) => setNodeProp(doc, 'api', 'replicas', 3));
    expect(node(b, 'api').label).toBe('Service');
    await first.close();

    // The reload, still offline: the room's document, with the offline edit, is back.
    const again = await openWithCopy(null, room);
    expect(again.copy.held).toBe(true);
    expect(node(again, 'api').label).toBe('Orders API');
    expect(node(again, 'api').props.replicas).toBe(1);
    again.state().edit((doc) => setLabel(doc, 'db', 'Orders DB'));

    relay.connect(again.network);
    for (const person of [again, b]) {
      expect(node(person, 'api').label).toBe('Orders API');
      expect(node(person, 'api').props.replicas).toBe(3);
      expect(node(person, 'db').label).toBe('Orders DB');
    }
    expect(again.state().doc).toEqual(b.state().doc);
    await again.close();
  });

  it("never stores a peer's update that the guard refused, so a reload cannot bring it back", async () => {
    const room = `room-${++rooms}`;
    const relay = createRelay();
    const b = joinTestRoom(relay, startingDiagram());
    const a = await openWithCopy(relay, room);
    const shown: Diagram[] = [];
    a.store.subscribe((state) => shown.push(state.doc));
    const before = a.state().doc;

    writeDanglingEdge(b.network);
    // The update reached this client's network doc, and stopped there, with a notice.
    expect(rootsOf(a.network).edges.has('bad')).toBe(true);
    expect(rootsOf(a.trusted).edges.has('bad')).toBe(false);
    expect(a.state().notice?.text).toMatch(/refused/);
    expect(a.state().doc).toBe(before);
    // A valid edit after it still arrives.
    b.state().edit((doc) => setLabel(doc, 'db', 'Orders DB'));
    expect(node(a, 'db').label).toBe('Orders DB');
    // What the library saves is the store's document: it never held the edge.
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((doc) => doc.edges.length === 0)).toBe(true);
    await a.close();

    // Every update IndexedDB holds for the room, read back as a reload would.
    const stored = new Y.Doc();
    const reread = (await keepRoomOffline(room, stored))!;
    expect(reread.held).toBe(true);
    expect(rootsOf(stored).edges.size).toBe(0);
    expect(readDiagram(stored)).toMatchObject({ title: 'Checkout', edges: [] });
    await reread.dispose();

    const reloaded = await openWithCopy(null, room);
    expect(reloaded.state().doc.edges).toEqual([]);
    expect(node(reloaded, 'db').label).toBe('Orders DB');
    expect(reloaded.state().notice).toBeNull();
    await reloaded.close();
  });

  it("still takes everyone else's changes after a reload when the room holds a refused one", async () => {
    const room = `room-${++rooms}`;
    const relay = createRelay();
    const b = joinTestRoom(relay, startingDiagram());
    const hostile = joinTestRoom(relay);
    const a = await openWithCopy(relay, room);
    writeDanglingEdge(hostile.network);
    expect(a.state().notice?.text).toMatch(/refused/);
    relay.disconnect(a.network);
    await a.close();

    b.state().edit((doc) => setLabel(doc, 'db', 'Orders DB'));
    const again = await openWithCopy(null, room);
    // Back online, the room's state comes in one update: B's changes and the refused edge.
    relay.connect(again.network);
    expect(node(again, 'db').label).toBe('Orders DB');
    expect(again.state().doc.edges).toEqual([]);
    expect(again.state().notice?.text).toMatch(/refused/);
    expect(rootsOf(again.trusted).edges.has('bad')).toBe(false);
    await again.close();
  });

  it('keeps the count of unsent changes for the next visit', async () => {
    const room = `room-${++rooms}`;
    const doc = new Y.Doc();
    const copy = (await keepRoomOffline(room, doc))!;
    expect(copy.unsent()).toBe(0);
    copy.setUnsent(3);
    await copy.dispose();
    const next = (await keepRoomOffline(room, new Y.Doc()))!;
    expect(next.unsent()).toBe(3);
    await next.dispose();
  });
});
