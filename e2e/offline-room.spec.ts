import type { Page, WebSocketRoute } from '@playwright/test';
import { startTestServer } from '../server/testing.ts';
import { CanvasObject, chooseFromFileMenu, expect, exportFromFileMenu, openApp, PaletteObject, PropertiesObject, test } from './fixtures.ts';
import { personIn, shareLive, useCollabServer } from './live.ts';
import { COLLAB_PORT } from './ports.ts';

// A live room when connections drop: edits made offline stay in the browser across a
// reload and merge when the connection is back, concurrent edits to two fields of one
// node both stay, and undo takes back only the edits of the one who pressed it.
// The test starts the collaboration server; `cuttable` cuts a page's WebSocket to it
// (context.setOffline leaves WebSockets open).

let server: Awaited<ReturnType<typeof startTestServer>>;

test.beforeAll(async () => {
  server = await startTestServer({ port: COLLAB_PORT });
});

test.afterAll(async () => {
  await server.cleanup();
});

/** A page whose connection to the collaboration server can be cut and given back;
 *  while cut, every new attempt is closed at once. Survives reloads of the page. */
async function cuttable(page: Page, serverUrl: string) {
  let online = true;
  const open: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
  await page.routeWebSocket(
    (url) => url.href.startsWith(serverUrl),
    async (ws) => {
      if (!online) return ws.close({ code: 1001, reason: 'offline' });
      open.push({ page: ws, server: ws.connectToServer() });
    },
  );
  return {
    async cut() {
      online = false;
      for (const socket of open.splice(0)) {
        await socket.server.close();
        await socket.page.close({ code: 1001, reason: 'offline' });
      }
    },
    restore() {
      online = true;
    },
  };
}

/** Drops a component at its own spot of the canvas, clear of the others. */
const place = (page: Page, kind: string, x: number, y: number) => new PaletteObject(page).dragTo(kind, x, y);

const liveStatus = (page: Page) => page.getByRole('region', { name: 'Live room' }).getByRole('status');

async function setField(page: Page, node: string, field: string, value: string): Promise<void> {
  await new CanvasObject(page).node(node).click();
  await new PropertiesObject(page).set(field, value);
}

async function fieldOf(page: Page, node: string, field: string) {
  await new CanvasObject(page).node(node).click();
  return new PropertiesObject(page).field(field);
}

/** A shares a diagram of a Service and a Cache; B joins from the edit link. */
async function twoInARoom(page: Page, browser: Parameters<typeof personIn>[0], baseURL: string) {
  await useCollabServer(page, server.url);
  const connection = await cuttable(page, server.url);
  await openApp(page);
  await place(page, 'Service', 200, 150);
  await place(page, 'Cache', 500, 150);
  const link = await shareLive(page);
  const other = await personIn(browser, baseURL, server.url);
  await other.goto(link);
  await expect(new CanvasObject(other).nodes()).toHaveCount(2);
  await expect(liveStatus(page)).toContainText('2 people in the room');
  return { connection, other };
}

const documentOf = async (page: Page) => JSON.parse((await exportFromFileMenu(page, 'Export JSON')).text) as unknown;

test('edits made offline survive a reload and merge when the connection is back', async ({ page, browser, baseURL, canvas }) => {
  const { connection, other } = await twoInARoom(page, browser, baseURL!);

  await connection.cut();
  await expect(liveStatus(page)).toContainText('Offline, reconnecting…');
  await expect(liveStatus(page)).toContainText('nothing unsent');
  await setField(page, 'Service', 'Label', 'Orders API');
  await place(page, 'Worker', 200, 400);
  await expect(liveStatus(page)).toContainText('2 changes not sent yet, kept in this browser');
  await page.screenshot({ path: 'test-results/offline-room-a.png' });

  // Meanwhile B, still connected, edits too.
  await setField(other, 'Cache', 'Replicas', '3');
  await place(other, 'Message queue', 500, 400);

  // A reloads while still offline: the room, with A's offline edits, is back.
  await page.reload();
  await expect(canvas.node('Orders API')).toBeVisible();
  await expect(canvas.node('Worker')).toBeVisible();
  await expect(canvas.nodes()).toHaveCount(3);
  await expect(liveStatus(page)).toContainText('Offline, reconnecting…');
  await expect(liveStatus(page)).toContainText('2 changes not sent yet');
  expect(page.url()).toContain('#room=');
  await setField(page, 'Worker', 'Label', 'Mailer');
  await expect(liveStatus(page)).toContainText('3 changes not sent yet');
  await expect(canvas.node('Message queue')).toHaveCount(0);

  connection.restore();
  await expect(liveStatus(page)).toContainText('Connected · 2 people in the room', { timeout: 15_000 });
  await expect(canvas.node('Message queue')).toBeVisible();
  await expect(new CanvasObject(other).node('Mailer')).toBeVisible();

  // Both end with the same document, holding every edit.
  await expect.poll(async () => JSON.stringify(await documentOf(page)) === JSON.stringify(await documentOf(other))).toBe(true);
  const merged = (await documentOf(page)) as { nodes: { kind: string; label: string; props: Record<string, unknown> }[] };
  expect(merged.nodes.map((node) => node.label).sort()).toEqual(['Cache', 'Mailer', 'Message queue', 'Orders API']);
  expect(merged.nodes.find((node) => node.kind === 'cache')?.props.replicas).toBe(3);
  // The server confirmed A's changes: cut again, nothing is left to send.
  await connection.cut();
  await expect(liveStatus(page)).toContainText('Offline, reconnecting… · nothing unsent');
  // The reload came back to the room's diagram in the library, not a new one.
  await chooseFromFileMenu(page, 'Library');
  await expect(page.getByRole('dialog', { name: 'Library' }).getByRole('listitem')).toHaveCount(1);
  await other.context().close();
});

test('concurrent edits to two fields of one node both stay', async ({ page, browser, baseURL }) => {
  const { connection, other } = await twoInARoom(page, browser, baseURL!);
  await connection.cut();
  await expect(liveStatus(page)).toContainText('Offline');
  await setField(page, 'Service', 'Label', 'Orders API');
  await setField(other, 'Service', 'Replicas', '4');
  connection.restore();
  await expect(liveStatus(page)).toContainText('Connected', { timeout: 15_000 });
  for (const person of [page, other]) {
    await expect(await fieldOf(person, 'Orders API', 'Replicas')).toHaveValue('4');
  }
  await other.context().close();
});

test('undo takes back only the edit of the one who pressed it', async ({ page, browser, baseURL }) => {
  const { other } = await twoInARoom(page, browser, baseURL!);
  await setField(page, 'Service', 'Label', 'Orders API');
  await expect(new CanvasObject(other).node('Orders API')).toBeVisible();
  await setField(other, 'Cache', 'Replicas', '3');
  await setField(other, 'Orders API', 'Replicas', '2');
  // A's form, open on the node since A renamed it, shows B's change as it comes.
  await expect(new PropertiesObject(page).field('Replicas')).toHaveValue('2');

  await page.getByRole('button', { name: 'Undo' }).click();
  for (const person of [page, other]) {
    const canvas = new CanvasObject(person);
    await expect(canvas.node('Service')).toBeVisible();
    await expect(canvas.node('Orders API')).toHaveCount(0);
    await expect(await fieldOf(person, 'Service', 'Replicas')).toHaveValue('2');
    await expect(await fieldOf(person, 'Cache', 'Replicas')).toHaveValue('3');
  }
  // A has nothing more of its own to undo; B's edits are not on A's stack.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await other.context().close();
});
