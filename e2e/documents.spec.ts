import { readFile } from 'node:fs/promises';
import { chooseFromFileMenu, expect, openApp, test } from './fixtures.ts';
import { PREVIEW_PORT } from './ports.ts';
import { TOKENS } from '../src/theme/tokens.ts';

test('work survives a reload, viewport included', async ({ page, palette, canvas, properties }) => {
  await openApp(page);
  await palette.item('Cache').click();
  await properties.set('Label', 'Session cache');
  await palette.item('Message queue').click();
  // Zoom out and pan, so the viewport differs from the default.
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await page.mouse.move(700, 600);
  await page.mouse.down();
  await page.mouse.move(560, 520, { steps: 5 });
  await page.mouse.up();
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.getAttribute('style');
  await page.waitForTimeout(700);
  await page.reload();
  await expect(canvas.node('Session cache')).toBeVisible();
  await expect(canvas.node('Message queue')).toBeVisible();
  await expect(viewport).toHaveAttribute('style', before!);
});

test('reloading at random moments loses no committed edit', async ({ page, palette, canvas }) => {
  await openApp(page);
  const labels: string[] = [];
  for (let round = 0; round < 4; round++) {
    await palette.item('Service').click();
    labels.push(round === 0 ? 'Service' : `Service ${round + 1}`);
    // Inside and outside the 500 ms autosave window.
    await page.waitForTimeout([30, 620, 150, 260][round]!);
    await page.reload();
    await expect(canvas.nodes()).toHaveCount(labels.length);
  }
});

test('export then import gives back the same diagram, as a new one', async ({ page, palette, canvas, properties }) => {
  await openApp(page);
  await palette.item('Client').click();
  await palette.item('API gateway').click();
  await properties.set('Replicas', '2');
  await page.getByRole('textbox', { name: 'Diagram title' }).fill('Round trip');
  await page.getByRole('textbox', { name: 'Diagram title' }).press('Enter');

  const downloading = page.waitForEvent('download');
  await chooseFromFileMenu(page, 'Export JSON');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('round-trip.faultline.json');
  const exported = await readFile((await download.path())!, 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ format: 'faultline', version: 2, title: 'Round trip' });

  const drawing = page.waitForEvent('download');
  await chooseFromFileMenu(page, 'Export SVG');
  const svg = await drawing;
  expect(svg.suggestedFilename()).toBe('round-trip.svg');
  const light = await readFile((await svg.path())!, 'utf8');
  expect(light).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  // Pictures take the canvas' own tokens: light unless the dark one is asked for.
  expect(light).toContain(`fill="${TOKENS.light.bg}"`);
  const drawingDark = page.waitForEvent('download');
  await chooseFromFileMenu(page, 'Export SVG (dark)');
  const dark = await readFile((await (await drawingDark).path())!, 'utf8');
  expect(dark).toContain(`fill="${TOKENS.dark.bg}"`);
  expect(dark).toContain(`fill="${TOKENS.dark.node}"`);

  const choosing = page.waitForEvent('filechooser');
  await chooseFromFileMenu(page, 'Import JSON');
  await (await choosing).setFiles({ name: 'Round trip.faultline.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByRole('status').filter({ hasText: 'Opened' })).toBeVisible();
  await expect(canvas.node('API gateway').locator('.badge.replicas')).toHaveText('×2');

  // Exporting the imported copy gives the same file.
  const again = page.waitForEvent('download');
  await chooseFromFileMenu(page, 'Export JSON');
  expect(await readFile((await (await again).path())!, 'utf8')).toBe(exported);

  await chooseFromFileMenu(page, 'Library');
  await expect(page.getByRole('dialog', { name: 'Library' }).getByText('Round trip', { exact: true })).toHaveCount(2);
});

test('a version 1 file opens upgraded, and says what the upgrade moved aside', async ({ page, canvas, properties }) => {
  await openApp(page);
  const choosing = page.waitForEvent('filechooser');
  await chooseFromFileMenu(page, 'Import JSON');
  const old = await readFile(new URL('../src/io/fixtures/v1-own-new-names.faultline.json', import.meta.url), 'utf8');
  await (await choosing).setFiles({ name: 'old.faultline.json', mimeType: 'application/json', buffer: Buffer.from(old) });
  await expect(page.getByRole('status').filter({ hasText: 'Upgraded to format version 2' })).toContainText('"needs" is kept as "needs_v1"');
  await expect(canvas.nodes()).toHaveCount(3);
  await canvas.node('API').click();
  // The version 2 properties are in the form, with the value each falls back to.
  await expect(properties.field('Needs')).toHaveValue('');
  await expect(properties.field('Minimum healthy')).toHaveAttribute('placeholder', '1');
});

test('a broken file shows an alert and changes nothing', async ({ page, palette, canvas }) => {
  await openApp(page);
  await palette.item('Search').click();
  const choosing = page.waitForEvent('filechooser');
  await chooseFromFileMenu(page, 'Import JSON');
  const broken = '{"format":"faultline","version":1,"title":"x","nodes":[{"id":"a","kind":"service","label":"A","position":{"x":0,"y":0},"props":{}}],"edges":[{"id":"e","source":"a","target":"ghost","props":{}}]}';
  await (await choosing).setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  const alert = page.getByRole('alert').filter({ hasText: 'broken.json' });
  await expect(alert).toContainText('ghost');
  await expect(canvas.nodes()).toHaveCount(1);
  await expect(canvas.node('Search')).toBeVisible();

  const notJson = page.waitForEvent('filechooser');
  await chooseFromFileMenu(page, 'Import JSON');
  await (await notJson).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "faultline",,}') });
  await expect(page.getByRole('alert').filter({ hasText: 'notes.json' })).toContainText(/line 1/i);
  await expect(canvas.nodes()).toHaveCount(1);
  await page.reload();
  await expect(canvas.node('Search')).toBeVisible();
  await expect(canvas.nodes()).toHaveCount(1);
});

test('two tabs editing in turn never overwrite each other', async ({ page, context, palette, canvas }) => {
  await openApp(page);
  await palette.item('DNS').click();
  await page.waitForTimeout(700);

  const second = await context.newPage();
  await openApp(second);
  await expect(second.locator('.react-flow__node', { hasText: 'DNS' })).toBeVisible();
  await second.getByRole('navigation', { name: 'Components' }).getByRole('button', { name: 'CDN', exact: true }).click();

  // The first tab hears of the change and shows it.
  await expect(canvas.node('CDN')).toBeVisible();
  await palette.item('Worker').click();
  await expect(second.locator('.react-flow__node', { hasText: 'Worker' })).toBeVisible();
  await page.waitForTimeout(700);
  await page.reload();
  await expect(canvas.nodes()).toHaveCount(3);
  await second.close();
});

test('a share link opens the same diagram in a fresh context', async ({ page, browser, palette, canvas }) => {
  await openApp(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await palette.item('Object storage').click();
  await palette.item('Coordination').click();
  await chooseFromFileMenu(page, 'Copy link');
  await expect(page.getByRole('status').filter({ hasText: /link/i })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#doc=');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link.replace(/^https?:\/\/[^/]+/, `http://127.0.0.1:${PREVIEW_PORT}`));
  await expect(other.locator('.react-flow__node')).toHaveCount(2);
  await expect(other.locator('.react-flow__node', { hasText: 'Object storage' })).toBeVisible();
  await fresh.close();
  await expect(canvas.nodes()).toHaveCount(2);
});
