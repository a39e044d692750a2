import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as encoding from 'lib0/encoding';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startCollabServer, type CollabServer, type CollabServerOptions } from './collab-server.ts';

// For tests: a server on a free port over a temporary folder, and clients that
// connect to it from Node (Node 20 has no WebSocket of its own).

export async function startTestServer(options: Partial<CollabServerOptions> = {}): Promise<CollabServer & { dataDir: string; cleanup(): Promise<void> }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'faultline-collab-'));
  const server = await startCollabServer({ port: 0, storeDelayMs: 20, maxStoreDelayMs: 100, ...options, dataDir });
  return {
    ...server,
    dataDir,
    async cleanup() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** The scope the server granted, once authenticated. */
  scope: Promise<string>;
  synced: Promise<void>;
  close(): void;
}

export function connectClient(url: string, room: string, token: string): TestClient {
  const doc = new Y.Doc();
  let granted: (scope: string) => void = () => {};
  let refused: (reason: Error) => void = () => {};
  const scope = new Promise<string>((resolve, reject) => {
    granted = resolve;
    refused = reject;
  });
  let synced: () => void = () => {};
  const syncedPromise = new Promise<void>((resolve) => (synced = resolve));
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room,
    document: doc,
    token,
    onAuthenticated: ({ scope: given }) => granted(given),
    onAuthenticationFailed: ({ reason }) => refused(new Error(reason)),
    onSynced: () => synced(),
  });
  provider.attach();
  // A refusal a test does not wait for is not an unhandled rejection.
  scope.catch(() => {});
  return {
    doc,
    provider,
    scope,
    synced: syncedPromise,
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Resolves when `check` holds, polling; rejects after `ms`. */
export async function eventually(check: () => boolean, ms = 3000, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The named root maps as JSON with every map's keys sorted: the same for two converged
 *  copies, whatever order each learned its keys in. (A root a copy has not asked for is
 *  missing from its `toJSON`, so the roots are named.) */
export function canonical(doc: Y.Doc, roots: string[]): string {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted((value as Record<string, unknown>)[key])]));
  };
  return JSON.stringify(sorted(Object.fromEntries(roots.map((name) => [name, doc.getMap(name).toJSON()]))));
}

/** A port nobody listens on just now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no free port');
  return address.port;
}

async function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('error', () => resolve(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
  });
}

/** Debian's redis-server on a free port, keeping nothing on disk. `.ci/run` installs it. */
export async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const failed = new Promise<never>((_, reject) =>
    child.once('error', (error) => reject(new Error(`redis-server did not start (apt-get install redis-server): ${error.message}`))),
  );
  const up = (async () => {
    for (const deadline = Date.now() + 10_000; !(await answersPing(port)); ) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`redis-server did not answer on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  await Promise.race([up, failed]);
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A raw WebSocket that has sent an authentication message for `room`, for sending what no provider would. */
export async function rawSocket(url: string, room: string, key: string): Promise<WebSocket> {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const auth = encoding.createEncoder();
  encoding.writeVarString(auth, room);
  encoding.writeVarUint(auth, 2); // authentication
  encoding.writeVarUint(auth, 0); // a token
  encoding.writeVarString(auth, key);
  socket.send(encoding.toUint8Array(auth));
  await new Promise((resolve) => setTimeout(resolve, 100));
  return socket;
}

/** A sync message carrying `update`, as an update or as the second step of a sync. */
export function syncMessage(room: string, update: Uint8Array, step: 'update' | 'step2' = 'update'): Uint8Array {
  const message = encoding.createEncoder();
  encoding.writeVarString(message, room);
  encoding.writeVarUint(message, 0); // sync
  encoding.writeVarUint(message, step === 'update' ? 2 : 1);
  encoding.writeVarUint8Array(message, update);
  return encoding.toUint8Array(message);
}

/** The server as `npm run collab` runs it, in a process of its own, for a test to kill. */
export interface ServerProcess {
  url: string;
  /** SIGKILL: the server gets no chance to store anything. */
  kill(): Promise<void>;
}

/** `snapshotDelay` (ms) long enough that no snapshot is written during a test leaves only the log to keep what is acknowledged. */
export async function startServerProcess(port: number, dataDir: string, snapshotDelay = 10_000): Promise<ServerProcess> {
  const args = ['--import', 'tsx', 'server/main.ts', '--port', String(port), '--data', dataDir, '--snapshot-delay', String(snapshotDelay)];
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (data: Buffer) => {
      if (data.toString().includes('collaboration server on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the collaboration server exited with ${code}`)));
  });
  return {
    url: `ws://127.0.0.1:${port}`,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
