import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { mkdtempSync, rmSync } from 'node:fs';
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
