import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newRoomKeys } from '../src/collab/capability.ts';
import { canonical, connectClient, eventually, freePort, startServerProcess, type ServerProcess, type TestClient } from './testing.ts';

// The server as `npm run collab` runs it, in a process of its own, killed (SIGKILL: no
// chance to store anything) in the middle of a session and started again over the same
// folder. "Acknowledged" is what a client's provider counts as saved: every edit made
// before its `unsyncedChanges` last fell to 0. A client that vanished with the server
// must find every one of its acknowledged edits in the room; a client that stays
// reconnects, and ends with the same document as everyone.

const servers: ServerProcess[] = [];
const clients: TestClient[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function serve(port: number, dataDir: string): Promise<ServerProcess> {
  const server = await startServerProcess(port, dataDir);
  servers.push(server);
  return server;
}

/** A client that sets key k0, k1, ... in its own map, one every few milliseconds, and notes how many were acknowledged. */
function editor(client: TestClient, map: string) {
  let made = 0;
  let acknowledged = 0;
  client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    if (number === 0) acknowledged = made;
  });
  const timer = setInterval(() => client.doc.getMap(map).set(`k${made++}`, made), 4);
  return {
    get made() {
      return made;
    },
    get acknowledged() {
      return acknowledged;
    },
    stop: () => clearInterval(timer),
  };
}

describe('a server killed mid-session and started again', () => {
  it('keeps every acknowledged edit, and its clients reconnect and converge', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'faultline-restart-'));
    dirs.push(dataDir);
    const keys = await newRoomKeys();
    let server = await serve(port, dataDir);
    const { url } = server;

    const gone = connectClient(url, keys.room, keys.edit);
    const stays = connectClient(url, keys.room, keys.edit);
    clients.push(gone, stays);
    await Promise.all([gone.synced, stays.synced]);
    // A room holds a diagram: the server refuses a first update that leaves it without a title.
    stays.doc.getMap('meta').set('title', 'Restarted');
    await eventually(() => gone.doc.getMap('meta').get('title') === 'Restarted', 3000, 'the title to reach both');
    const goneEdits = editor(gone, 'gone');
    const staysEdits = editor(stays, 'stays');
    // Long enough for snapshots to be written, and for edits to be newer than the last one.
    await eventually(() => goneEdits.acknowledged > 150 && staysEdits.acknowledged > 150, 10_000, 'edits to be acknowledged');
    await new Promise((resolve) => setTimeout(resolve, 130));

    await server.kill();
    goneEdits.stop();
    gone.close();
    const acknowledged = goneEdits.acknowledged;
    expect(acknowledged).toBeGreaterThan(150);
    // `stays` keeps editing while the server is down, then stops.
    await new Promise((resolve) => setTimeout(resolve, 200));
    staysEdits.stop();

    server = await serve(port, dataDir);
    const late = connectClient(url, keys.room, keys.edit);
    clients.push(late);
    await late.synced;
    const kept = late.doc.getMap('gone');
    for (let i = 0; i < acknowledged; i++) expect(kept.get(`k${i}`), `acknowledged edit k${i} of ${acknowledged}`).toBe(i + 1);

    // The client that stayed reconnects and sends what it made offline; all converge.
    const roots = ['meta', 'gone', 'stays'];
    await eventually(() => stays.provider.unsyncedChanges === 0 && late.doc.getMap('stays').size === staysEdits.made, 10_000, 'the staying client to sync');
    await eventually(() => canonical(late.doc, roots) === canonical(stays.doc, roots), 5000, 'the clients to converge');
    expect(stays.doc.getMap('stays').size).toBe(staysEdits.made);
    await server.kill();
  }, 40_000);
});
