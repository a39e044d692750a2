import { readFile } from 'node:fs/promises';
import { drawShop, expect, exportFromFileMenu, importThroughPicker, openApp, test } from './fixtures.ts';

// A real public diagram (src/io/formats/drawio/corpus/README.md gives its source and
// licence): API Gateway, SQS, Lambda and DynamoDB drawn with AWS icons, compressed.
const CORPUS = new URL('../src/io/formats/drawio/corpus/', import.meta.url);
const PATTERN = 'serverless-patterns--apigw-sqs-lambda-ddb-cdk--docs--apigw-sqs-lambda-ddb.drawio';

test('a draw.io file chosen in the file picker opens, says how each element was mapped, and is reviewed', async ({ page, canvas, findings, guard: _guard }) => {
  await openApp(page);
  await importThroughPicker(page, { name: 'pattern.drawio', mimeType: 'application/xml', buffer: await readFile(new URL(PATTERN, CORPUS)) });

  await expect(page.getByRole('status').filter({ hasText: 'Opened pattern.drawio as a new diagram. draw.io import' })).toBeVisible();
  await expect(canvas.nodes()).toHaveCount(7);
  await page.getByText(/^Import report \(\d+ elements\)$/).click();
  const report = page.getByRole('list', { name: 'Import report' });
  await expect(report.getByRole('listitem').filter({ hasText: 'by shape' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/drawio-import.png' });

  await expect(findings.withText('single point of failure').first()).toBeVisible();
});

test('Export draw.io writes an mxfile with the labels, groups and arrows, which opens again as the same diagram', async ({ page, palette, canvas, guard: _guard }) => {
  await openApp(page);
  await drawShop(page, palette);

  const { name, text } = await exportFromFileMenu(page, 'Export draw.io');
  expect(name).toBe('shop.drawio');
  expect(text).toMatch(/^<mxfile host="Faultline">/);
  expect(text).toContain('label="Load balancer"');
  expect(text).toContain('faultline=sql-database;');

  await importThroughPicker(page, { name: 'shop.drawio', mimeType: 'application/xml', buffer: Buffer.from(text) });
  await expect(page.getByRole('status').filter({ hasText: 'Opened shop.drawio' })).toBeVisible();
  await expect(canvas.node('Load balancer')).toBeVisible();
  await expect(canvas.node('SQL database')).toBeVisible();
});
