import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { newRoomKeys, type RoomKeys } from '../src/collab/capability.ts';
import { holdAcknowledgements, MALFORMED_CLOSE_CODE, type Sender } from './collab-server.ts';
import { connectClient, eventually, rawSocket as openRawSocket, startTestServer, syncMessage, type TestClient } from './testing.ts';

// The server in-process on a free port, with real providers over real WebSockets.

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
const servers: TestServer[] = [];
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];

async function serve(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}

function join(server: TestServer, keys: RoomKeys, key: string): TestClient {
  const client = connectClient(server.url, keys.room, key);
  clients.push(client);
  return client;
}

const titleOf = (client: TestClient) => client.doc.getMap('meta').get('title');

async function rawSocket(server: TestServer, room: string, key: string): Promise<WebSocket> {
  const socket = await openRawSocket(server.url, room, key);
  sockets.push(socket);
  return socket;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const socket of sockets.splice(0)) if (socket.readyState === WebSocket.OPEN) socket.terminate();
  for (const server of servers.splice(0)) await server.cleanup();
});

describe('the collaboration server', () => {
  it('passes an edit from one edit-key client to another', async () => {
    const server = await serve();
    const keys = await newRoomKeys();
    const a = join(server, keys, keys.edit);
    const b = join(server, keys, keys.edit);
    expect(await a.scope).toBe('read-write');
    await Promise.all([a.synced, b.synced]);
    a.doc.getMap('meta').set('title', 'Checkout');
    await eventually(() => titleOf(b) === 'Checkout', 3000, 'the edit to reach b');
  });

  it('lets a view key read, and drops what a view connection writes, even from a modified client', async () => {
    const server = await serve();
    const keys = await newRoomKeys();
    const editor = join(server, keys, keys.edit);
    await editor.synced;
    editor.doc.getMap('meta').set('title', 'Before');
    const viewer = join(server, keys, keys.view);
    expect(await viewer.scope).toBe('readonly');
    await eventually(() => titleOf(viewer) === 'Before', 3000, 'the viewer to read the room');

    // The provider sends any local change; only the server stands in the way.
    viewer.doc.getMap('meta').set('title', 'Vandalised');
    viewer.doc.getMap('meta').set('extra', 'x');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(titleOf(editor)).toBe('Before');
    expect(editor.doc.getMap('meta').has('extra')).toBe(false);
    const late = join(server, keys, keys.edit);
    await late.synced;
    expect(titleOf(late)).toBe('Before');
  });

  it('refuses a key to another room and a room id used as a key', async () => {
    const server = await serve();
    const keys = await newRoomKeys();
    const other = await newRoomKeys();
    await expect(join(server, keys, other.edit).scope).rejects.toThrow();
    await expect(join(server, keys, keys.room).scope).rejects.toThrow();
  });

  it('keeps a room on disk across a restart', async () => {
    const first = await startTestServer();
    const keys = await newRoomKeys();
    const a = connectClient(first.url, keys.room, keys.edit);
    await a.synced;
    a.doc.getMap('meta').set('title', 'Kept');
    await new Promise((resolve) => setTimeout(resolve, 50));
    a.close();
    await first.stop();

    const second = await serve({ dataDir: first.dataDir, port: first.port });
    const b = join(second, keys, keys.edit);
    await b.synced;
    await eventually(() => titleOf(b) === 'Kept', 3000, 'the stored room to load');
  });

  it('closes a connection that sends a malformed update, and carries on serving the room', async () => {
    const server = await serve();
    const keys = await newRoomKeys();
    const a = join(server, keys, keys.edit);
    const b = join(server, keys, keys.edit);
    await Promise.all([a.synced, b.synced]);
    const hostile = await rawSocket(server, keys.room, keys.edit);
    const closed = new Promise<number>((resolve) => hostile.once('close', resolve));
    hostile.send(syncMessage(keys.room, new Uint8Array([1, 200, 7, 255, 255, 255, 3, 9, 9])));
    expect(await closed).toBe(MALFORMED_CLOSE_CODE);

    a.doc.getMap('meta').set('title', 'Still here');
    await eventually(() => titleOf(b) === 'Still here', 3000, 'the room to keep working');
  });

  it('closes a connection whose message is over the size limit', async () => {
    const server = await serve({ maxMessageBytes: 64 * 1024 });
    const keys = await newRoomKeys();
    const a = join(server, keys, keys.edit);
    await a.synced;
    const hostile = await rawSocket(server, keys.room, keys.edit);
    const closed = new Promise<number>((resolve) => hostile.once('close', resolve));
    const big = new Y.Doc();
    big.getMap('meta').set('title', 'x'.repeat(100 * 1024));
    hostile.send(syncMessage(keys.room, Y.encodeStateAsUpdate(big)));
    expect(await closed).toBe(1009);
    expect(a.doc.getMap('meta').get('title')).toBeUndefined();

    const b = join(server, keys, keys.edit);
    await b.synced;
    a.doc.getMap('meta').set('title', 'Small');
    await eventually(() => titleOf(b) === 'Small', 3000, 'the room to keep working');
  });

  it('limits the connections one address may hold open', async () => {
    const server = await serve({ maxConnectionsPerAddress: 2 });
    const keys = await newRoomKeys();
    await rawSocket(server, keys.room, keys.edit);
    await rawSocket(server, keys.room, keys.edit);
    const third = new WebSocket(server.url);
    sockets.push(third);
    const status = await new Promise<number>((resolve) => third.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0)));
    expect(status).toBe(429);

    // A closed connection frees its place.
    sockets[0]?.terminate();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const fourth = new WebSocket(server.url);
    sockets.push(fourth);
    await new Promise((resolve, reject) => {
      fourth.once('open', resolve);
      fourth.once('unexpected-response', () => reject(new Error('refused')));
    });
  });

  it('holds an acknowledgement back until the updates before it are on disk, and lets everything else through', async () => {
    const sent: string[] = [];
    const connection: Sender = { send: (message) => sent.push(message[message.length - 1] === 1 ? 'ack' : 'update') };
    const hold = holdAcknowledgements(new WeakMap(), connection);
    let flushed: () => void = () => {};
    hold.durable = new Promise((resolve) => (flushed = resolve));
    const message = (type: number, last: number) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, 'room');
      encoding.writeVarUint(encoder, type);
      encoding.writeVarInt(encoder, last);
      return encoding.toUint8Array(encoder);
    };
    connection.send(message(8, 1)); // SyncStatus: applied
    connection.send(message(0, 0)); // a sync message to pass on
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toEqual(['update']);
    flushed();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual(['update', 'ack']);
  });
});
