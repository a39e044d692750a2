import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { createFileStore } from '../server/file-store.ts';
import { startServerProcess, type ServerProcess } from '../server/testing.ts';
import { parseRoomLink } from '../src/collab/link.ts';
import { rootsOf } from '../src/collab/ydiagram.ts';
import { CanvasObject, expect, openApp, PaletteObject, test } from './fixtures.ts';
import { personIn, shareLive, useCollabServer } from './live.ts';
import { COLLAB_PORT } from './ports.ts';

// The collaboration server, as `npm run collab` runs it, is killed (SIGKILL) in the
// middle of a session and started again over the same folder, its snapshots held off
// (--snapshot-delay 10 s) so that only the room's log can keep the edits. B's edit
// reaches A, and is in the log (where the server puts an update before acknowledging
// it; server/restart.test.ts holds acknowledgements to that with real providers) when
// the server dies. Both people stay, are told they are offline, reconnect by themselves,
// and end with the same diagram, holding the edit A made while the server was down.

let dataDir: string;
let server: ServerProcess | undefined;

test.beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'faultline-e2e-restart-'));
});

test.afterAll(async () => {
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The labels of the room's components in the folder the server left, read as the restarted server will. */
async function labelsOnDisk(room: string): Promise<string[]> {
  const doc = new Y.Doc();
  const state = await createFileStore(dataDir, 'reader').fetch(room);
  if (state) Y.applyUpdate(doc, state);
  return [...rootsOf(doc).nodes.values()].map((node) => String((node as Y.Map<unknown>).get('label'))).sort();
}

test('a server killed mid-session loses nothing acknowledged, and its clients reconnect and converge', async ({ page, browser, baseURL, palette, canvas }) => {
  server = await startServerProcess(COLLAB_PORT, dataDir);
  await useCollabServer(page, server.url);
  await openApp(page);
  await palette.item('Service').click();
  const link = await shareLive(page);
  const { room } = parseRoomLink(new URL(link).hash)!;
  const other = await personIn(browser, baseURL!, server.url);
  await other.goto(link);
  const otherCanvas = new CanvasObject(other);
  await expect(otherCanvas.node('Service')).toBeVisible();

  // B's edit reaches A and the log; then the server dies, with no snapshot since the share.
  await new PaletteObject(other).item('Cache').click();
  await expect(canvas.node('Cache')).toBeVisible();
  await expect.poll(() => labelsOnDisk(room), { timeout: 5000 }).toEqual(['Cache', 'Service']);
  await server.kill();
  expect(await labelsOnDisk(room)).toEqual(['Cache', 'Service']);

  const statusA = page.getByRole('region', { name: 'Live room' }).getByRole('status');
  const statusB = other.getByRole('region', { name: 'Live room' }).getByRole('status');
  await expect(statusA).toContainText('Offline');
  // A edits while the server is down.
  await palette.item('Worker').click();
  await expect(canvas.nodes()).toHaveCount(3);

  server = await startServerProcess(COLLAB_PORT, dataDir);
  await expect(statusA).toContainText('Connected', { timeout: 30_000 });
  await expect(statusB).toContainText('Connected', { timeout: 30_000 });
  await expect(otherCanvas.node('Worker')).toBeVisible();
  await expect(otherCanvas.nodes()).toHaveCount(3);
  await expect(canvas.nodes()).toHaveCount(3);
  expect(await labelsOnDisk(room)).toContain('Worker');
  await other.screenshot({ path: 'test-results/restart-b.png' });
  await other.context().close();
});
