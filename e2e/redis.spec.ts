import { startRedis, startTestServer } from '../server/testing.ts';
import { CanvasObject, expect, openApp, test } from './fixtures.ts';
import { editEachOther, personIn, shareLive, useCollabServer } from './live.ts';
import { COLLAB_PORT, SECOND_COLLAB_PORT } from './ports.ts';

// Two collaboration servers behind one Redis (Debian's redis-server, started here on a
// free port): A shares through the first, B opens A's link rewritten to name the second,
// and each sees the other's edits.

let redis: Awaited<ReturnType<typeof startRedis>>;
let first: Awaited<ReturnType<typeof startTestServer>>;
let second: Awaited<ReturnType<typeof startTestServer>>;

test.beforeAll(async () => {
  redis = await startRedis();
  first = await startTestServer({ port: COLLAB_PORT, redisUrl: redis.url });
  // One folder for both, as a shared store behind both would be.
  second = await startTestServer({ port: SECOND_COLLAB_PORT, redisUrl: redis.url, dataDir: first.dataDir });
});

test.afterAll(async () => {
  await second?.stop();
  await first?.cleanup();
  await redis?.stop();
});

test('two people on two servers behind Redis edit one room', async ({ page, browser, baseURL, palette, canvas }) => {
  await useCollabServer(page, first.url);
  await openApp(page);
  await palette.item('Service').click();
  await expect(canvas.nodes()).toHaveCount(1);
  const link = await shareLive(page);
  expect(link).toContain(`server=${encodeURIComponent(first.url)}`);

  const other = await personIn(browser, baseURL!, second.url);
  await other.goto(link.replace(`server=${encodeURIComponent(first.url)}`, `server=${encodeURIComponent(second.url)}`));
  const otherCanvas = new CanvasObject(other);
  await expect(otherCanvas.node('Service')).toBeVisible();
  // Presence crosses the servers too.
  await expect(other.getByRole('region', { name: 'Live room' }).getByRole('status')).toContainText('2 people in the room');
  await expect(page.getByRole('region', { name: 'Live room' }).getByRole('status')).toContainText('2 people in the room');

  await editEachOther(page, other, 3);
  await other.screenshot({ path: 'test-results/redis-b.png' });
  await other.context().close();
});
