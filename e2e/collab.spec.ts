import { startTestServer } from '../server/testing.ts';
import { CanvasObject, expect, openApp, test } from './fixtures.ts';
import { editEachOther, personIn, useCollabServer } from './live.ts';
import { COLLAB_PORT } from './ports.ts';

// Two people in one live room: the test starts the collaboration server itself,
// A shares, B opens A's edit link in another browser context, and each sees the
// other's edits.

let server: Awaited<ReturnType<typeof startTestServer>>;

test.beforeAll(async () => {
  server = await startTestServer({ port: COLLAB_PORT });
});

test.afterAll(async () => {
  await server.cleanup();
});

test('two people in one room see each other’s edits', async ({ page, browser, baseURL, palette, canvas }) => {
  await useCollabServer(page, server.url);
  await openApp(page);
  await palette.item('Service').click();
  await expect(canvas.nodes()).toHaveCount(1);
  // Nothing has gone to the server before Share live.
  expect(await page.getByRole('region', { name: 'Live room' }).count()).toBe(0);

  await page.getByRole('button', { name: 'Share live' }).click();
  const bar = page.getByRole('region', { name: 'Live room' });
  await expect(bar.getByRole('status')).toContainText('Connected');
  await expect(page.getByRole('button', { name: 'Share live' })).toBeDisabled();
  const link = await bar.getByLabel('Edit link').inputValue();
  expect(link).toMatch(/#room=[A-Za-z0-9_-]{22}&edit=[A-Za-z0-9_-]{32}&server=/);

  const other = await personIn(browser, baseURL!, server.url);
  await other.goto(link);
  const otherCanvas = new CanvasObject(other);
  await expect(otherCanvas.node('Service')).toBeVisible();
  await expect(other.getByRole('region', { name: 'Live room' }).getByRole('status')).toContainText('2 people in the room');
  await expect(bar.getByRole('status')).toContainText('2 people in the room');

  // B's edit reaches A, and A's reaches B.
  await editEachOther(page, other, 3);

  // A view-only link reads the room and cannot change it.
  const viewLink = await bar.getByLabel('View-only link').inputValue();
  const viewer = await personIn(browser, baseURL!, server.url);
  await viewer.goto(viewLink);
  await expect(new CanvasObject(viewer).nodes()).toHaveCount(3);
  await expect(viewer.getByRole('status').filter({ hasText: 'Read-only: this is a view-only link.' })).toBeVisible();
  await expect(viewer.getByRole('region', { name: 'Live room' }).getByLabel('Edit link')).toHaveCount(0);

  await page.screenshot({ path: 'test-results/collab-a.png' });
  await other.context().close();
  await viewer.context().close();
});
