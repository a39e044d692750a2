import { chooseFromFileMenu, expect, openApp, pasteText, test } from './fixtures.ts';

test('the library opens, renames, duplicates, deletes and searches diagrams', async ({ page, palette, canvas }) => {
  await openApp(page);
  await page.getByRole('textbox', { name: 'Diagram title' }).fill('Payments');
  await page.getByRole('textbox', { name: 'Diagram title' }).press('Enter');
  await palette.item('Service').click();

  await chooseFromFileMenu(page, 'New diagram');
  await page.getByRole('dialog', { name: 'New diagram' }).getByRole('button', { name: /Blank diagram/ }).click();
  await expect(canvas.nodes()).toHaveCount(0);

  await chooseFromFileMenu(page, 'Library');
  const library = page.getByRole('dialog', { name: 'Library' });
  await expect(library.getByText('Payments', { exact: true })).toBeVisible();
  await expect(library.getByText('1 component ·', { exact: false })).toBeVisible();

  await library.getByRole('button', { name: 'Duplicate Payments' }).click();
  await expect(library.getByText('Payments (copy)', { exact: true })).toBeVisible();

  page.once('dialog', (prompt) => void prompt.accept('Billing'));
  await library.getByRole('button', { name: 'Rename Payments (copy)' }).click();
  await expect(library.getByText('Billing', { exact: true })).toBeVisible();

  await library.getByRole('searchbox', { name: 'Search diagrams' }).fill('bill');
  await expect(library.getByRole('listitem')).toHaveCount(1);
  await library.getByRole('searchbox', { name: 'Search diagrams' }).fill('');

  await library.getByRole('button', { name: 'Delete Billing' }).click();
  await library.getByRole('button', { name: 'Really delete Billing' }).click();
  await expect(library.getByText('Billing', { exact: true })).toHaveCount(0);

  await library.getByRole('button', { name: 'Open Payments' }).click();
  await expect(canvas.node('Service')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Diagram title' })).toHaveValue('Payments');
});

test('without IndexedDB the app keeps working, says saving is off, and still exports', async ({ page, palette, canvas }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'Saving is off' })).toBeVisible();
  await palette.item('Load balancer').click();
  await expect(canvas.node('Load balancer')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await chooseFromFileMenu(page, 'Export JSON');
  expect((await downloading).suggestedFilename()).toMatch(/\.faultline\.json$/);
});

test('dropping a file or pasting JSON onto the canvas imports it as a new diagram', async ({ page, palette, canvas }) => {
  await openApp(page);
  await palette.item('DNS').click();
  const file = JSON.stringify({
    format: 'faultline',
    version: 1,
    title: 'Dropped',
    nodes: [{ id: 'q', kind: 'queue', label: 'Jobs', position: { x: 0, y: 0 }, props: {} }],
    edges: [],
  });
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.faultline.json', { type: 'application/json' }));
    return data;
  }, file);
  await canvas.pane.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(canvas.node('Jobs')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Diagram title' })).toHaveValue('Dropped');

  await pasteText(page, file.replace('Dropped', 'Pasted').replace('Jobs', 'Pasted jobs'));
  await expect(canvas.node('Pasted jobs')).toBeVisible();

  await chooseFromFileMenu(page, 'Library');
  await expect(page.getByRole('dialog', { name: 'Library' }).getByRole('listitem')).toHaveCount(3);
});
