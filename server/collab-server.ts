import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type WebSocket from 'ws';
import { capabilityOf } from '../src/collab/capability.ts';
import { createFileStore } from './file-store.ts';
import { checkMessage } from './messages.ts';

// The collaboration server: Hocuspocus with a file store, and what it needs to face
// the open internet: a size limit on messages, a limit on connections from one
// address, undecodable updates refused before they reach a document, and keys
// checked on every connection (an edit key, or a view key whose connection can
// read but never write; see src/collab/capability.ts).

export interface CollabServerOptions {
  port: number;
  host?: string;
  /** Where rooms are kept, one file each. */
  dataDir: string;
  /** Larger WebSocket messages close the connection (ws' maxPayload). */
  maxMessageBytes?: number;
  /** Open WebSockets allowed from one remote address. */
  maxConnectionsPerAddress?: number;
  /** How long after an edit the room is written to disk, and at most. */
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

const addressOf = (request: IncomingMessage) => request.socket.remoteAddress ?? 'unknown';

export async function startCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  const files = createFileStore(options.dataDir);
  const log = options.log ?? (() => {});
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
        new Database({
          fetch: ({ documentName }) => files.fetch(documentName),
          store: ({ documentName, state }) => files.store(documentName, state),
        }),
      ],
      async onAuthenticate({ documentName, token, connectionConfig }) {
        const capability = await capabilityOf(documentName, token);
        if (!capability) throw new Error('not a key to this room');
        connectionConfig.readOnly = capability === 'view';
        return { capability };
      },
      async beforeHandleMessage({ update, socketId, connection }) {
        const check = checkMessage(update);
        if (check.ok) return;
        log(`refused a message from ${socketId}: ${check.reason}`);
        // A client that sends garbage is not trusted with the rest of its socket either.
        connection.webSocket.close(MALFORMED_CLOSE_CODE, 'malformed message');
        throw new Error(check.reason);
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
