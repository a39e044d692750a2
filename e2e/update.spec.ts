import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { startStaticServer } from './server.ts';

test('a new deployment shows the update notice, and the page reloads only when asked', async ({ browser }) => {
  // Version 2 is the same build with a changed service worker, which is how the
  // browser learns of any new deployment.
  const next = await mkdtemp(join(tmpdir(), 'faultline-v2-'));
  await cp('dist', next, { recursive: true });
  const sw = join(next, 'sw.js');
  await writeFile(sw, `${await readFile(sw, 'utf8')}\n// deployment 2\n`);

  const server = await startStaticServer('dist');
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  try {
    await page.goto('/');
    await expect(page.getByRole('status').filter({ hasText: 'Saved in this browser' })).toBeVisible();
    await expect.poll(() => page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration()))).toBe(true);
    await page.getByRole('navigation', { name: 'Components' }).getByRole('button', { name: 'Cache', exact: true }).click();

    server.deploy(next);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const notice = page.getByRole('status').filter({ hasText: 'A new version is available' });
    await expect(notice).toBeVisible();
    // Nothing reloads by itself: the work on screen is still there.
    await page.waitForTimeout(500);
    await expect(page.locator('.react-flow__node')).toHaveCount(1);

    await notice.getByRole('button', { name: 'Reload' }).click();
    await page.waitForLoadState('load');
    await expect(page.locator('.react-flow__node')).toHaveCount(1);
    await expect(notice).toHaveCount(0);
  } finally {
    await context.close();
    await server.stop();
    await rm(next, { recursive: true, force: true });
  }
});

test('the app is installable: a manifest with icons and a service worker in control', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = await (await page.request.get(href!)).json();
  expect(manifest).toMatchObject({ name: expect.stringContaining('Faultline'), short_name: 'Faultline', display: 'standalone' });
  const sizes = manifest.icons.map((icon: { sizes: string; purpose?: string }) => `${icon.sizes}${icon.purpose ? ` ${icon.purpose}` : ''}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512', '512x512 maskable']));
  for (const icon of manifest.icons) expect((await page.request.get(icon.src)).headers()['content-type']).toBe('image/png');
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
  // Chromium's own verdict; Playwright's contexts are incognito, which is the one
  // objection that is about the test and not the app.
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.filter((error) => error.errorId !== 'in-incognito')).toEqual([]);
});
