import { readFile } from 'node:fs/promises';
import { drawShop, expect, exportFromFileMenu, importThroughPicker, openApp, pasteText, test } from './fixtures.ts';

// A flowchart written the way READMEs draw them (src/io/formats/mermaid/examples/,
// written for Faultline's tests): subgraphs for a region and its zones, a cylinder,
// a dotted event edge and a third party.
const FLOWCHART = new URL('../src/io/formats/mermaid/examples/shop-flowchart.mmd', import.meta.url);

test('a Mermaid flowchart chosen in the file picker opens, says how each element was mapped, and is reviewed', async ({ page, canvas, findings, guard: _guard }) => {
  await openApp(page);
  await importThroughPicker(page, { name: 'shop.mmd', mimeType: 'text/plain', buffer: await readFile(FLOWCHART) });

  await expect(page.getByRole('status').filter({ hasText: 'Opened shop.mmd as a new diagram. Mermaid import of a flowchart' })).toBeVisible();
  await expect(canvas.node('Postgres')).toBeVisible();
  await expect(canvas.node('Order queue')).toBeVisible();
  await page.getByText(/^Import report \(\d+ elements\)$/).click();
  const report = page.getByRole('list', { name: 'Import report' });
  await expect(report.getByRole('listitem').filter({ hasText: 'container "AZ a" (id "az_a"): zone group, by label' })).toBeVisible();
  await expect(report.getByRole('listitem').filter({ hasText: 'dropped' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/mermaid-import.png' });

  await expect(findings.withText('Postgres').first()).toBeVisible();
});

test('Export Mermaid writes a flowchart with cylinders and kinds, which opens again as the same diagram', async ({ page, palette, canvas, guard: _guard }) => {
  await openApp(page);
  await drawShop(page, palette);

  const { name, text } = await exportFromFileMenu(page, 'Export Mermaid');
  expect(name).toBe('shop.mmd');
  expect(text.split('\n').slice(0, 4)).toEqual(['---', 'title: "Shop"', '---', 'flowchart LR']);
  expect(text).toMatch(/\[\("SQL database"\)\]:::sql_database$/m);
  expect(text).toContain('%% faultline: {"node":');

  await importThroughPicker(page, { name: 'shop.mmd', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(page.getByRole('status').filter({ hasText: 'Opened shop.mmd' })).toBeVisible();
  await expect(canvas.node('Load balancer')).toBeVisible();
  await expect(canvas.node('SQL database')).toBeVisible();
});

test('Mermaid text pasted onto the page opens as a new diagram, its labels as text', async ({ page, canvas, guard: _guard }) => {
  await openApp(page);
  await pasteText(page, 'graph TD\n  web([Browser]) --> api["<b>Orders</b> API"] --> db[(Postgres)]\n');
  await expect(page.getByRole('status').filter({ hasText: 'Opened the pasted Mermaid diagram as a new diagram.' })).toBeVisible();
  await expect(canvas.node('<b>Orders</b> API')).toBeVisible();
  await expect(canvas.nodes()).toHaveCount(3);
  await expect(page.locator('.react-flow__node b')).toHaveCount(0);
});
