import { startTestServer } from '../server/testing.ts';
import { CanvasObject, expect, openApp, PaletteObject, test } from './fixtures.ts';
import { personIn, shareLive } from './live.ts';
import { COLLAB_PORT } from './ports.ts';

// What people do that a room must survive: undoing a component someone has just
// connected to, and opening one room in two tabs of one browser, which share the
// library's copy of its diagram. The test starts the collaboration server.

let server: Awaited<ReturnType<typeof startTestServer>>;

test.beforeAll(async () => {
  server = await startTestServer({ port: COLLAB_PORT });
});

test.afterAll(async () => {
  await server.cleanup();
});

const liveStatus = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Live room' }).getByRole('status');

test('undoing a component a peer has just connected to takes the connection with it, for both', async ({ page, browser, baseURL, palette, canvas }) => {
  await page.addInitScript((url) => window.localStorage.setItem('faultline:collab-server', url), server.url);
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

test('one room in two tabs of one browser: both keep editing, and the library keeps the room’s diagram', async ({ page, palette, canvas }) => {
  await page.addInitScript((url) => window.localStorage.setItem('faultline:collab-server', url), server.url);
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
