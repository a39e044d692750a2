import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComponent } from '../src/commands/editing.ts';
import { createTestEditor } from '../src/commands/testing.ts';
import { attachRoom } from '../src/collab/attach.ts';
import { newRoomKeys, type RoomKeys } from '../src/collab/capability.ts';
import { validateCandidate } from '../src/collab/guard.ts';
import { testLive } from '../src/collab/testing.ts';
import { readDiagram } from '../src/collab/ydiagram.ts';
import { addNode, connect, nodeById } from '../src/model/ops.ts';
import { emptyDiagram, type Diagram } from '../src/model/types.ts';
import { INVALID_CLOSE_CODE } from './collab-server.ts';
import { connectClient, eventually, startRedis, startTestServer, type TestClient } from './testing.ts';

// Two honest people whose edits cross, through a real server: one connects to a
// component while the other deletes it, or undoes its creation. The server refuses
// any update that makes the room invalid (room-check.ts), so a client that sent its
// half of such a race alone would be refused on every reconnect. Each client mends
// the race (src/collab/mend.ts) and sends the mend with, or after, its own change:
// both end with the same valid document, everything sent is acknowledged, and the
// undo is never refused at all.

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
const servers: TestServer[] = [];
const clients: TestClient[] = [];
const redises: Awaited<ReturnType<typeof startRedis>>[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.cleanup();
  for (const redis of redises.splice(0)) await redis.stop();
});

function startingDiagram(): Diagram {
  let doc = emptyDiagram('Crossed');
  doc = addNode(doc, 'service', { x: 0, y: 0 }, { id: 'api' });
  doc = addNode(doc, 'sql-database', { x: 300, y: 0 }, { id: 'db' });
  return connect(doc, 'api', 'db');
}

/** A person with an editor in the room, as the app attaches one (src/collab/session.ts). */
async function person(server: TestServer, keys: RoomKeys, seed?: Diagram) {
  const editor = createTestEditor();
  const client = connectClient(server.url, keys.room, keys.edit);
  clients.push(client);
  const closes: number[] = [];
  client.provider.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));
  if (!seed) await client.synced;
  const room = attachRoom(editor.store, client.doc, new Y.Doc(), { seed, live: testLive() });
  if (seed) await client.synced;
  return { ...editor, client, room, closes };
}

/** A server with a room that A shared and B joined. */
async function twoInARoom() {
  const server = await startTestServer();
  servers.push(server);
  const keys = await newRoomKeys();
  const a = await person(server, keys, startingDiagram());
  const b = await person(server, keys);
  return { server, keys, a, b };
}

/** The room as `server` keeps it, read by one who joins now. */
async function joinLate(server: TestServer, keys: RoomKeys): Promise<Y.Doc> {
  const late = connectClient(server.url, keys.room, keys.edit);
  clients.push(late);
  await late.synced;
  return late.doc;
}

async function converged(people: Awaited<ReturnType<typeof person>>[], what: string) {
  await eventually(
    () => people.every((one) => one.client.provider.unsyncedChanges === 0 && JSON.stringify(one.state().doc) === JSON.stringify(people[0]!.state().doc)),
    10_000,
    what,
  );
  for (const one of people) expect(validateCandidate(one.state().doc)).toEqual({ ok: true });
}

describe('two honest edits that cross, through the server', () => {
  it("undoes a component's creation after a peer connected to it, and the server takes it", async () => {
    const { a, b } = await twoInARoom();
    const added = addComponent(a.store, 'cache', { x: 100, y: 300 });
    await eventually(() => nodeById(b.state().doc, added) !== undefined, 3000, 'the cache to reach B');
    b.state().edit((doc) => connect(doc, 'api', added));
    await eventually(() => a.state().doc.edges.length === 2, 3000, 'the connection to reach A');

    a.run('undo');
    await converged([a, b], 'both to drop the cache and the connection to it');
    expect(nodeById(b.state().doc, added)).toBeUndefined();
    expect(b.state().doc.edges.map((edge) => edge.target)).toEqual(['db']);
    expect(a.closes).not.toContain(INVALID_CLOSE_CODE);
  }, 20_000);

  it('connects to a component a peer deletes meanwhile, and both end on one valid document', async () => {
    const { server, keys, a, b } = await twoInARoom();
    // B is cut off, connects to the database; A deletes the database meanwhile.
    const socket = b.client.provider.configuration.websocketProvider;
    socket.disconnect();
    await eventually(() => b.closes.length > 0, 3000, 'B to be cut off');
    b.state().edit((doc) => connect(doc, 'db', 'api'));
    a.state().select(['db']);
    a.run('delete');
    await eventually(() => a.client.provider.unsyncedChanges === 0, 3000, "A's deletion to be acknowledged");

    void socket.connect();
    await converged([a, b], 'both to end without the database and its connections');
    expect(nodeById(a.state().doc, 'db')).toBeUndefined();
    expect(a.state().doc.edges).toEqual([]);
    expect(b.state().notice).toMatchObject({ kind: 'info', text: expect.stringMatching(/crossed/) });
    const late = await joinLate(server, keys);
    expect(validateCandidate(readDiagram(late))).toEqual({ ok: true });
    expect((readDiagram(late) as Diagram).edges).toEqual([]);
  }, 20_000);

  it("races across two servers behind Redis, each of which took its own client's half", async () => {
    const redis = await startRedis();
    redises.push(redis);
    const first = await startTestServer({ redisUrl: redis.url });
    servers.push(first);
    const second = await startTestServer({ redisUrl: redis.url, dataDir: first.dataDir });
    servers.push(second);
    const keys = await newRoomKeys();
    const a = await person(first, keys, startingDiagram());
    const b = await person(second, keys);
    await eventually(() => b.state().doc.nodes.length === 2, 5000, 'the room to reach B');
    // Both halves at once, each valid on its own server's copy of the room.
    a.state().select(['db']);
    a.run('delete');
    b.state().edit((doc) => connect(doc, 'db', 'api'));
    await converged([a, b], 'both to end without the database and its connections');
    expect(a.state().doc.edges).toEqual([]);
    expect(nodeById(b.state().doc, 'db')).toBeUndefined();
    for (const server of [first, second]) {
      const late = await joinLate(server, keys);
      await eventually(() => (readDiagram(late) as Diagram).edges.length === 0, 5000, 'the room on each server to be mended');
      expect(validateCandidate(readDiagram(late))).toEqual({ ok: true });
    }
  }, 30_000);
});
