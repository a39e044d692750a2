import { chooseFromFileMenu, expect, test } from './fixtures.ts';
import { OFFLINE_PORT } from './ports.ts';
import { startPreview } from './server.ts';

test('after one visit the whole app works with the server gone and the network off', async ({ browser }) => {
  const server = await startPreview(OFFLINE_PORT);
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !/^(data|blob):/.test(request.url())) foreign.push(request.url());
  });
  try {
    await page.goto('/');
    await expect(page.getByRole('status').filter({ hasText: 'Saved in this browser' })).toBeVisible();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Wait until the service worker controls the page and has precached everything.
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    const palette = page.getByRole('navigation', { name: 'Components' });
    await palette.getByRole('button', { name: 'Client', exact: true }).click();
    await palette.getByRole('button', { name: 'Service', exact: true }).click();
    await page.waitForTimeout(700);

    await server.stop();
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('.react-flow__node')).toHaveCount(2);

    // Edit, review, lay out and export, all offline.
    await palette.getByRole('button', { name: 'SQL database', exact: true }).click();
    await expect(page.locator('.react-flow__node')).toHaveCount(3);
    await expect(page.getByRole('region', { name: 'Findings' }).locator('li.finding').first()).toBeVisible();
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await expect(page.getByRole('button', { name: 'Auto layout' })).toBeEnabled();
    const downloading = page.waitForEvent('download');
    await chooseFromFileMenu(page, 'Export JSON');
    expect((await downloading).suggestedFilename()).toMatch(/\.faultline\.json$/);
    const png = page.waitForEvent('download');
    await chooseFromFileMenu(page, 'Export PNG');
    expect((await png).suggestedFilename()).toMatch(/\.png$/);

    await page.waitForTimeout(700);
    await page.reload();
    await expect(page.locator('.react-flow__node')).toHaveCount(3);
    expect(foreign).toEqual([]);
  } finally {
    await context.close();
    await server.stop().catch(() => undefined);
  }
});
