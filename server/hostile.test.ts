import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { newRoomKeys, type RoomKeys } from '../src/collab/capability.ts';
import { validateCandidate } from '../src/collab/guard.ts';
import { readDiagram, rootsOf, seedDiagram } from '../src/collab/ydiagram.ts';
import { addNode, connect } from '../src/model/ops.ts';
import { emptyDiagram } from '../src/model/types.ts';
import { INVALID_CLOSE_CODE, MALFORMED_CLOSE_CODE } from './collab-server.ts';
import { connectClient, eventually, rawSocket, startTestServer, syncMessage, type TestClient } from './testing.ts';

// A hostile peer in a room with two honest ones: it sends bytes that are no message, an
// update over the size limit, and well-formed Yjs updates that would make the document
// invalid (an edge to a component that does not exist, a component of a kind that does
// not exist). The server closes each of its connections, keeps serving the honest
// clients, and the room stays a valid document, for the clients in it, for one who joins
// later, and on disk.

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
const servers: TestServer[] = [];
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const socket of sockets.splice(0)) socket.terminate();
  for (const server of servers.splice(0)) await server.cleanup();
});

function join(server: TestServer, keys: RoomKeys): TestClient {
  const client = connectClient(server.url, keys.room, keys.edit);
  clients.push(client);
  return client;
}

/** A raw WebSocket holding an edit key to the room sends something; resolves with the code it is closed with. */
async function hostile(server: TestServer, keys: RoomKeys, message: Uint8Array): Promise<number> {
  const socket = await rawSocket(server.url, keys.room, keys.edit);
  sockets.push(socket);
  const closed = new Promise<number>((resolve) => socket.once('close', resolve));
  socket.send(message);
  return closed;
}

/** An edge from `source` to `target` under `id`, written as a client would. */
function addEdge(doc: Y.Doc, id: string, source: string, target: string): void {
  const edge = new Y.Map<unknown>();
  edge.set('source', source);
  edge.set('target', target);
  edge.set('props', new Y.Map());
  rootsOf(doc).edges.set(id, edge);
  rootsOf(doc).edgeOrder.push([id]);
}

/** A well-formed update on top of `base` that `change` makes. */
function updateOn(base: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  doc.transact(() => change(doc));
  return Y.encodeStateAsUpdate(doc, before);
}

const isValid = (doc: Y.Doc) => validateCandidate(readDiagram(doc)).ok;

function nodeOf(fields: Record<string, unknown>): Y.Map<unknown> {
  const node = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) node.set(key, value);
  node.set('props', new Y.Map());
  return node;
}

describe('a hostile peer', () => {
  it('cannot crash the server, stop the room, or make the document invalid', async () => {
    const server = await startTestServer({ maxMessageBytes: 64 * 1024 });
    servers.push(server);
    const keys = await newRoomKeys();
    const a = join(server, keys);
    const b = join(server, keys);
    await Promise.all([a.synced, b.synced]);
    let diagram = addNode(emptyDiagram('Checkout'), 'service', { x: 0, y: 0 }, { id: 'api' });
    diagram = connect(addNode(diagram, 'sql-database', { x: 300, y: 0 }, { id: 'db' }), 'api', 'db');
    seedDiagram(a.doc, diagram);
    await eventually(() => rootsOf(b.doc).nodes.size === 2, 3000, 'the seed to reach b');

    // Garbage: not even a document name. Hocuspocus itself closes this one (4401), before any hook.
    expect(await hostile(server, keys, new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 1]))).toBeGreaterThanOrEqual(1000);
    // A sync message whose update does not decode.
    expect(await hostile(server, keys, syncMessage(keys.room, new Uint8Array([1, 200, 7, 255, 255, 3, 9])))).toBe(MALFORMED_CLOSE_CODE);
    // Over the size limit.
    const big = updateOn(b.doc, (doc) => rootsOf(doc).meta.set('title', 'x'.repeat(100 * 1024)));
    expect(await hostile(server, keys, syncMessage(keys.room, big))).toBe(1009);
    // A dangling edge.
    const dangling = updateOn(b.doc, (doc) => addEdge(doc, 'evil-edge', 'api', 'nowhere'));
    expect(await hostile(server, keys, syncMessage(keys.room, dangling))).toBe(INVALID_CLOSE_CODE);
    // A kind no catalogue has, sent as the second step of the sync a provider would do.
    const unknownKind = updateOn(b.doc, (doc) => {
      rootsOf(doc).nodes.set('warp', nodeOf({ kind: 'warp-drive', label: 'Warp', position: { x: 9, y: 9 } }));
      rootsOf(doc).nodeOrder.push(['warp']);
    });
    expect(await hostile(server, keys, syncMessage(keys.room, unknownKind, 'step2'))).toBe(INVALID_CLOSE_CODE);

    // The honest clients carry on, and saw none of it.
    rootsOf(a.doc).meta.set('title', 'Still here');
    await eventually(() => rootsOf(b.doc).meta.get('title') === 'Still here', 3000, 'the room to keep working');
    for (const client of [a, b]) {
      expect(isValid(client.doc)).toBe(true);
      expect(rootsOf(client.doc).nodes.has('warp')).toBe(false);
      expect(rootsOf(client.doc).edges.has('evil-edge')).toBe(false);
    }
    // One who joins later gets a valid room, and so does one after a restart (from disk).
    const late = join(server, keys);
    await late.synced;
    expect(isValid(late.doc)).toBe(true);
    expect(rootsOf(late.doc).nodes.size).toBe(2);
    await server.stop();
    const again = await startTestServer({ dataDir: server.dataDir });
    servers.push(again);
    const afterRestart = connectClient(again.url, keys.room, keys.edit);
    clients.push(afterRestart);
    await afterRestart.synced;
    expect(isValid(afterRestart.doc)).toBe(true);
    expect(rootsOf(afterRestart.doc).meta.get('title')).toBe('Still here');
    expect([...rootsOf(afterRestart.doc).nodes.keys()].sort()).toEqual(['api', 'db']);
  });

  it('still lets an honest edit through after a refused one, and a valid room stays editable by everyone', async () => {
    const server = await startTestServer();
    servers.push(server);
    const keys = await newRoomKeys();
    const a = join(server, keys);
    await a.synced;
    seedDiagram(a.doc, addNode(emptyDiagram('Checkout'), 'service', { x: 0, y: 0 }, { id: 'api' }));
    const dangling = updateOn(a.doc, (doc) => addEdge(doc, 'e', 'api', 'ghost'));
    await eventually(() => a.provider.unsyncedChanges === 0, 3000, 'the seed to be acknowledged');
    expect(await hostile(server, keys, syncMessage(keys.room, dangling))).toBe(INVALID_CLOSE_CODE);
    const b = join(server, keys);
    await b.synced;
    rootsOf(b.doc).meta.set('title', 'Renamed');
    await eventually(() => rootsOf(a.doc).meta.get('title') === 'Renamed', 3000, 'b’s edit to reach a');
    expect(rootsOf(b.doc).edges.size).toBe(0);
  });
});
