import { connectClient, startTestServer } from '../server/testing.ts';
import { CanvasObject, expect, openApp, test } from './fixtures.ts';
import { seriousViolations } from './axe.ts';
import { centreOf, personIn, shareLive, useCollabServer } from './live.ts';
import { COLLAB_PORT } from './ports.ts';

// Presence in a live room: A shares, B joins, and A sees B's name in the people
// list, B's pointer over the canvas, B's selection on a component, and the component
// B drags moving while B still holds it.

let server: Awaited<ReturnType<typeof startTestServer>>;

test.beforeAll(async () => {
  server = await startTestServer({ port: COLLAB_PORT });
});

test.afterAll(async () => {
  await server.cleanup();
});

test('people in one room see each other’s names, pointers, selections and drags', async ({ page, browser, baseURL, palette, canvas }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await useCollabServer(page, server.url);
  await openApp(page);
  await palette.item('Service').click();
  await palette.item('Cache').click();
  await expect(canvas.nodes()).toHaveCount(2);
  const link = await shareLive(page);
  const barA = page.getByRole('region', { name: 'Live room' });

  const other = await personIn(browser, baseURL!, server.url);
  const errors: string[] = [];
  other.on('pageerror', (error) => errors.push(error.message));
  await other.goto(link);
  const canvasB = new CanvasObject(other);
  await expect(canvasB.nodes()).toHaveCount(2);
  const barB = other.getByRole('region', { name: 'Live room' });

  // B gives a name; A sees it in the people list, with B's colour dot.
  const name = barB.getByLabel('Your name');
  await expect(name).toHaveValue(/^Guest \d+$/);
  await name.fill('Bea <b>Lima</b>');
  await name.press('Enter');
  const peopleA = barA.getByRole('list', { name: 'People in this room' });
  await expect(peopleA.getByRole('listitem')).toHaveCount(2);
  await expect(peopleA.getByRole('listitem').filter({ hasText: 'Bea <b>Lima</b>' })).toBeVisible();
  await expect(barB.getByRole('list', { name: 'People in this room' }).getByRole('listitem').first()).toContainText('Bea <b>Lima</b> (you)');
  // The name is text, never markup.
  expect(await page.locator('.live-people b').count()).toBe(0);

  // B points at a spot below Service; A sees B's pointer at that spot of the diagram.
  const serviceB = await centreOf(canvasB.node('Service'));
  await other.mouse.move(serviceB.x + 40, serviceB.y + 120, { steps: 4 });
  const pointer = page.getByRole('img', { name: 'Bea <b>Lima</b>’s pointer' });
  await expect(pointer).toBeVisible();
  await expect(pointer).toContainText('Bea <b>Lima</b>');
  const serviceA = await centreOf(canvas.node('Service'));
  const tip = (await pointer.boundingBox())!;
  expect(Math.abs(tip.x - (serviceA.x + 40))).toBeLessThan(4);
  expect(Math.abs(tip.y - (serviceA.y + 120))).toBeLessThan(4);

  // B selects Cache; A sees it outlined, selected by B.
  await canvasB.node('Cache').click();
  await expect(canvas.node('Cache').getByTitle('Selected by Bea <b>Lima</b>')).toBeVisible();
  await expect(canvas.node('Cache').locator('.peer-tag')).toHaveText('Bea <b>Lima</b>');
  await expect(canvas.node('Service').getByTitle(/Selected by/)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/presence-a-selected.png' });
  expect(await seriousViolations(page)).toEqual([]);

  // B drags Service; A sees it move before B lets go, and where B left it. (The
  // properties panel has opened on both sides since, so the canvas is narrower.)
  const startA = await centreOf(canvas.node('Service'));
  const startB = await centreOf(canvasB.node('Service'));
  // Off the centre, where the anchor edges attach to would start a connection instead.
  await other.mouse.move(startB.x - 40, startB.y - 10);
  await other.mouse.down();
  await other.mouse.move(startB.x + 100, startB.y + 60, { steps: 5 });
  await other.mouse.move(startB.x + 200, startB.y + 120, { steps: 5 });
  await expect.poll(async () => (await centreOf(canvas.node('Service'))).x - startA.x).toBeGreaterThan(150);
  await expect(canvas.node('Service').getByTitle('Being moved by Bea <b>Lima</b>')).toBeVisible();
  await page.screenshot({ path: 'test-results/presence-a-dragging.png' });
  await other.screenshot({ path: 'test-results/presence-b-dragging.png' });
  await other.mouse.up();
  const endB = await centreOf(canvasB.node('Service'));
  await expect.poll(async () => Math.round((await centreOf(canvas.node('Service'))).x - startA.x)).toBe(Math.round(endB.x - startB.x));
  // And it stays there once the drag is over and only the document says where it is.
  await page.waitForTimeout(300);
  const endA = await centreOf(canvas.node('Service'));
  expect(Math.abs(endA.x - startA.x - (endB.x - startB.x))).toBeLessThan(2);
  expect(Math.abs(endA.y - startA.y - (endB.y - startB.y))).toBeLessThan(2);

  await expect(canvas.node('Service').getByTitle('Selected by Bea <b>Lima</b>')).toBeVisible();

  // The marks are readable in the dark theme too.
  await page.getByRole('button', { name: 'Dark mode' }).click();
  await expect(pointer).toBeVisible();
  await page.screenshot({ path: 'test-results/presence-a-dark.png' });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Dark mode' }).click();

  // B's pointer goes when B leaves the canvas, and B leaves the list when B leaves the room.
  await other.mouse.move(5, 5);
  await expect(pointer).toHaveCount(0);
  await page.screenshot({ path: 'test-results/presence-a.png' });
  await other.screenshot({ path: 'test-results/presence-b.png' });
  await other.context().close();
  await expect(peopleA.getByRole('listitem')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a peer’s malformed presence shows only as far as it is well formed, and only as text', async ({ page, palette, canvas }) => {
  await useCollabServer(page, server.url);
  await openApp(page);
  await palette.item('Service').click();
  const link = new URLSearchParams((await shareLive(page)).split('#')[1]);
  // A client of its own making, not this app: it can put anything in its awareness.
  const hostile = connectClient(server.url, link.get('room')!, link.get('edit')!);
  await hostile.synced;
  hostile.provider.setAwarenessField('user', { name: '<img src=x onerror="document.title=1">', colour: 'red; background: url(//example.com/x)' });
  hostile.provider.setAwarenessField('cursor', { x: '12', y: null });
  hostile.provider.setAwarenessField('selection', 'everything');
  hostile.provider.setAwarenessField('drag', [{ id: 'ghost', x: 1, y: 1 }, { id: 'also-ghost', x: 'far' }]);
  const people = page.getByRole('region', { name: 'Live room' }).getByRole('list', { name: 'People in this room' });
  await expect(people.getByRole('listitem')).toHaveCount(2);
  await expect(people.getByRole('listitem').nth(1)).toHaveText('<img src=x onerror="document.title=1">');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  await expect(page.getByRole('img', { name: /pointer/ })).toHaveCount(0);
  await expect(canvas.node('Service').getByTitle(/Selected by|moved by/)).toHaveCount(0);

  // Once it sends a well-formed pointer, it shows, in a colour of the palette.
  hostile.provider.setAwarenessField('cursor', { x: 10, y: 10 });
  const pointer = page.getByRole('img', { name: /pointer/ });
  await expect(pointer).toBeVisible();
  expect(await pointer.evaluate((element) => (element as HTMLElement).style.getPropertyValue('--peer'))).toMatch(/^var\(--peer-[a-z]+\)$/);
  expect(await page.title()).not.toBe('1');
  hostile.close();
  await expect(people.getByRole('listitem')).toHaveCount(1);
});
