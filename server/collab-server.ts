import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import RedisClient from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type WebSocket from 'ws';
import { capabilityOf } from '../src/collab/capability.ts';
import { createFileStore } from './file-store.ts';
import { checkMessage, isAcknowledgement } from './messages.ts';
import { checkRoom, type RoomCheck } from './room-check.ts';

// The collaboration server: Hocuspocus with a file store, and what it needs to face
// the open internet: a size limit on messages, a limit on connections from one
// address, undecodable updates refused before they reach a document, updates that
// would make the document invalid refused likewise (server/room-check.ts), and keys
// checked on every connection (an edit key, or a view key whose connection can
// read but never write; see src/collab/capability.ts).
//
// An accepted update is applied and sent on to the room at once, and written to the
// room's log on disk (server/file-store.ts); the acknowledgement Hocuspocus sends its
// author is held back until the log is flushed. So what a client was told is saved (its
// provider's `unsyncedChanges` back at 0) survives a crash, and the others see an edit
// without waiting for the disk. An edit the server applied but had not flushed when it
// died was never acknowledged: its author still holds it as unsaved and sends it again
// on reconnecting (and so do the others who received it).
//
// With `redisUrl`, several server processes serve one room: each publishes its rooms'
// changes and awareness through Redis (@hocuspocus/extension-redis) and applies the
// others'. They may share `dataDir` if their `serverName`s differ.

export interface CollabServerOptions {
  port: number;
  host?: string;
  /** Where rooms are kept, one file each. */
  dataDir: string;
  /** Larger WebSocket messages close the connection (ws' maxPayload). */
  maxMessageBytes?: number;
  /** Open WebSockets allowed from one remote address. */
  maxConnectionsPerAddress?: number;
  /** redis://host:port of the Redis that joins this server to others serving the same rooms. */
  redisUrl?: string;
  /** Names this process's files in `dataDir` (default: its port). */
  serverName?: string;
  /** How long after an edit the room is snapshotted to disk, and at most. */
  storeDelayMs?: number;
  maxStoreDelayMs?: number;
  log?: (line: string) => void;
}

export interface CollabServer {
  /** The port it listens on (the one asked for, or the one the system chose for 0). */
  port: number;
  url: string;
  stop(): Promise<void>;
}

export const DEFAULTS = {
  port: 4650,
  maxMessageBytes: 4 * 1024 * 1024,
  maxConnectionsPerAddress: 32,
  storeDelayMs: 300,
  maxStoreDelayMs: 2000,
} as const;

/** WebSocket close code 1007: the message's data was not what it claimed to be. */
export const MALFORMED_CLOSE_CODE = 1007;
/** WebSocket close code 1008: a policy violation, here an update that would make the room invalid. */
export const INVALID_CLOSE_CODE = 1008;

function redisExtension(url: string): Extension {
  // Without enableReadyCheck: false, the subscriber connection fails its ready check
  // (INFO is not allowed once it subscribes) and nothing syncs.
  const client = () => new RedisClient(url, { enableReadyCheck: false, maxRetriesPerRequest: null });
  return new Redis({ createClient: client, prefix: 'faultline' });
}

const addressOf = (request: IncomingMessage) => request.socket.remoteAddress ?? 'unknown';

export interface Sender {
  send(message: Uint8Array): void;
}

/** Holds back each acknowledgement `connection` sends until `durable` says the updates before it are on disk. */
export function holdAcknowledgements(held: WeakMap<Sender, { durable: Promise<void> }>, connection: Sender): { durable: Promise<void> } {
  const state = held.get(connection);
  if (state) return state;
  const hold = { durable: Promise.resolve() };
  held.set(connection, hold);
  const send = connection.send.bind(connection);
  connection.send = (message) => {
    if (!isAcknowledgement(message)) send(message);
    // A write that failed closed the connection: the acknowledgement is never sent.
    else hold.durable.then(() => send(message), () => {});
  };
  return hold;
}

export async function startCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  // A server on a port the system chooses has no name that lasts; it gets one of its own.
  const serverName = options.serverName ?? (options.port === 0 ? `any-${randomBytes(6).toString('hex')}` : `port-${options.port}`);
  const files = createFileStore(options.dataDir, serverName);
  const log = options.log ?? (() => {});
  const checks = new Map<string, RoomCheck>();
  const held = new WeakMap<Sender, { durable: Promise<void> }>();
  const maxPerAddress = options.maxConnectionsPerAddress ?? DEFAULTS.maxConnectionsPerAddress;
  const open = new Map<string, number>();

  const server = new Server(
    {
      name: 'faultline',
      port: options.port,
      address: options.host ?? '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      debounce: options.storeDelayMs ?? DEFAULTS.storeDelayMs,
      maxDebounce: options.maxStoreDelayMs ?? DEFAULTS.maxStoreDelayMs,
      extensions: [
        ...(options.redisUrl ? [redisExtension(options.redisUrl)] : []),
        new Database({
          fetch: ({ documentName }) => files.fetch(documentName),
          store: ({ documentName, state }) => files.store(documentName, state),
        }),
      ],
      async afterLoadDocument({ documentName, document }) {
        checks.get(documentName)?.dispose();
        checks.set(documentName, checkRoom(document));
      },
      async afterUnloadDocument({ documentName }) {
        checks.get(documentName)?.dispose();
        checks.delete(documentName);
      },
      async onAuthenticate({ documentName, token, connectionConfig }) {
        const capability = await capabilityOf(documentName, token);
        if (!capability) throw new Error('not a key to this room');
        connectionConfig.readOnly = capability === 'view';
        return { capability };
      },
      async beforeHandleMessage({ update: message, socketId, connection, documentName }) {
        const refuse = (code: number, reason: string) => {
          log(`refused a message from ${socketId}: ${reason}`);
          // A client that sends garbage is not trusted with the rest of its socket either.
          connection.webSocket.close(code, code === MALFORMED_CLOSE_CODE ? 'malformed message' : 'invalid document');
          throw new Error(reason);
        };
        const check = checkMessage(message);
        if (!check.ok) return refuse(MALFORMED_CLOSE_CODE, check.reason);
        // A view connection's updates are dropped by Hocuspocus; they are neither checked nor kept.
        if (!check.update || connection.readOnly) return;
        const { update } = check;
        const room = checks.get(documentName);
        const verdict = room ? await room.check(update) : { ok: true as const };
        if (!verdict.ok) return refuse(INVALID_CLOSE_CODE, `the update would make the room invalid: ${verdict.reason}`);
        // Hocuspocus applies the update as soon as this hook returns, before the next turn.
        if (room) setImmediate(() => room.landed(update));
        const hold = holdAcknowledgements(held, connection);
        const written = files.append(documentName, update);
        hold.durable = hold.durable.then(() => written);
        written.catch((error: unknown) => {
          log(`could not write to the log of ${documentName}: ${error instanceof Error ? error.message : String(error)}`);
          connection.close();
        });
      },
    },
    {
      maxPayload: options.maxMessageBytes ?? DEFAULTS.maxMessageBytes,
      verifyClient: ({ req }: { req: IncomingMessage }, done: (ok: boolean, code?: number, message?: string) => void) => {
        const count = open.get(addressOf(req)) ?? 0;
        if (count >= maxPerAddress) {
          log(`refused a connection from ${addressOf(req)}: ${count} already open`);
          done(false, 429, 'Too many connections');
        } else done(true);
      },
    },
  );

  server.webSocketServer.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const address = addressOf(request);
    open.set(address, (open.get(address) ?? 0) + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });

  await server.listen();
  const port = (server.httpServer.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  return {
    port,
    url: `ws://${host.includes(':') ? `[${host}]` : host}:${port}`,
    stop: () => server.destroy(),
  };
}
