import type { Locator, Page } from '@playwright/test';
import { startTestServer } from '../server/testing.ts';
import { CanvasObject, expect, openApp, PaletteObject, test } from './fixtures.ts';
import { centreOf, personIn, shareLive, useCollabServer } from './live.ts';
import { COLLAB_PORT } from './ports.ts';

// What people do that a room must survive: undoing a component someone has just
// connected to, two drags at once, and opening one room in two tabs of one browser,
// which share the library's copy of its diagram. The test starts the collaboration
// server.

let server: Awaited<ReturnType<typeof startTestServer>>;

test.beforeAll(async () => {
  server = await startTestServer({ port: COLLAB_PORT });
});

test.afterAll(async () => {
  await server.cleanup();
});

const liveStatus = (page: Page) => page.getByRole('region', { name: 'Live room' }).getByRole('status');

/** How far `locator`'s centre is from `start` along x, rounded. */
const movedX = async (locator: Locator, start: { x: number }) => Math.round((await centreOf(locator)).x - start.x);

test('undoing a component a peer has just connected to takes the connection with it, for both', async ({ page, browser, baseURL, palette, canvas }) => {
  await useCollabServer(page, server.url);
  await openApp(page);
  await palette.dragTo('Service', 200, 250);
  const link = await shareLive(page);
  const other = await personIn(browser, baseURL!, server.url);
  await other.goto(link);
  const otherCanvas = new CanvasObject(other);
  await expect(otherCanvas.node('Service')).toBeVisible();

  await palette.dragTo('Cache', 600, 250);
  await expect(otherCanvas.node('Cache')).toBeVisible();
  await otherCanvas.connect('Service', 'Cache');
  await expect(canvas.edges()).toHaveCount(1);

  // A takes back adding the cache, with the keyboard.
  await canvas.pane.click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('ControlOrMeta+z');
  for (const one of [canvas, otherCanvas]) {
    await expect(one.node('Cache')).toHaveCount(0);
    await expect(one.edges()).toHaveCount(0);
    await expect(one.node('Service')).toBeVisible();
  }
  await expect(page.getByText('1 connection to a deleted component was removed, with your change.')).toBeVisible();
  await page.screenshot({ path: 'test-results/room-races-undo.png' });
  // Nobody's change was refused, and the server took A's: nothing is left to send.
  await expect(page.getByText(/refused/)).toHaveCount(0);
  await expect(other.getByText(/refused/)).toHaveCount(0);
  await expect(liveStatus(page)).toContainText('Connected');
  await expect(liveStatus(page)).not.toContainText(/to send|not sent/);

  // The room goes on: B's next edit reaches A.
  await new PaletteObject(other).item('Worker').click();
  await expect(canvas.node('Worker')).toBeVisible();
  await other.context().close();
});

test('a peer’s move that ends during your own drag stays where they left it', async ({ page, browser, baseURL, palette, canvas }) => {
  await useCollabServer(page, server.url);
  await openApp(page);
  await palette.dragTo('Service', 200, 200);
  await palette.dragTo('Cache', 200, 450);
  const link = await shareLive(page);
  const other = await personIn(browser, baseURL!, server.url);
  await other.goto(link);
  const otherCanvas = new CanvasObject(other);
  await expect(otherCanvas.nodes()).toHaveCount(2);

  // A holds the cache mid-drag (off its centre, where a drag would start a connection).
  const cache = await centreOf(canvas.node('Cache'));
  const cacheB = await centreOf(otherCanvas.node('Cache'));
  await page.mouse.move(cache.x - 40, cache.y - 10);
  await page.mouse.down();
  await page.mouse.move(cache.x + 60, cache.y - 10, { steps: 5 });
  // B drags the service across and lets go while A still holds on.
  const serviceA = await centreOf(canvas.node('Service'));
  const serviceB = await centreOf(otherCanvas.node('Service'));
  await other.mouse.move(serviceB.x - 40, serviceB.y - 10);
  await other.mouse.down();
  await other.mouse.move(serviceB.x + 200, serviceB.y + 50, { steps: 8 });
  await expect.poll(() => movedX(canvas.node('Service'), serviceA)).toBeGreaterThan(150);
  await other.mouse.up();
  const moved = await movedX(otherCanvas.node('Service'), serviceB);
  await page.waitForTimeout(500);
  expect(await movedX(canvas.node('Service'), serviceA)).toBe(moved);
  await page.mouse.move(cache.x + 120, cache.y - 10, { steps: 3 });
  expect(await movedX(canvas.node('Service'), serviceA)).toBe(moved);
  await page.mouse.up();

  // Both moves stand, on both sides.
  const cacheMoved = await movedX(canvas.node('Cache'), cache);
  expect(cacheMoved).toBeGreaterThan(100);
  await expect.poll(() => movedX(otherCanvas.node('Cache'), cacheB)).toBe(cacheMoved);
  for (const [one, start] of [[canvas, serviceA], [otherCanvas, serviceB]] as const) {
    await expect.poll(() => movedX(one.node('Service'), start)).toBe(moved);
  }
  await page.screenshot({ path: 'test-results/room-races-two-drags.png' });
  await other.context().close();
});

test('one room in two tabs of one browser: both keep editing, and the library keeps the room’s diagram', async ({ page, palette, canvas }) => {
  await useCollabServer(page, server.url);
  await openApp(page);
  await palette.item('Service').click();
  const link = await shareLive(page);
  const second = await page.context().newPage();
  await second.goto(link);
  const secondCanvas = new CanvasObject(second);
  await expect(secondCanvas.node('Service')).toBeVisible();

  // Edits from each tab, each saved to the library in its turn.
  for (const [from, to, kind] of [
    [second, canvas, 'Cache'],
    [page, secondCanvas, 'Worker'],
    [second, canvas, 'Message queue'],
  ] as const) {
    // A person works in the tab in front.
    await from.bringToFront();
    await new PaletteObject(from).item(kind).click();
    await expect(to.node(kind)).toBeVisible();
    await page.waitForTimeout(700);
  }
  for (const tab of [page, second]) {
    // Still in the room: another tab's save neither reopened the diagram nor stopped editing.
    await expect(liveStatus(tab)).toContainText('Connected');
    await expect(tab.getByText(/Read-only/)).toHaveCount(0);
    await expect(new CanvasObject(tab).nodes()).toHaveCount(4);
  }
  // The first tab can still edit after the other's saves.
  await page.bringToFront();
  await palette.item('SQL database').click();
  await expect(secondCanvas.nodes()).toHaveCount(5);
  await expect(page.getByText(/Read-only/)).toHaveCount(0);
  await second.close();

  // The library's copy is the room's diagram: a reload out of the room opens it whole.
  await page.waitForTimeout(700);
  await page.goto('/');
  await expect(canvas.nodes()).toHaveCount(5);
});
