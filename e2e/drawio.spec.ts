import { readFile } from 'node:fs/promises';
import { crc32 } from '../src/io/formats/drawio/png.ts';
import { drawShop, dropFile, expect, exportFromFileMenu, importThroughPicker, openApp, test } from './fixtures.ts';

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

test('a draw.io file dropped on the canvas opens and is reviewed: the findings name its components', async ({ page, canvas, findings, guard: _guard }) => {
  await openApp(page);
  await dropFile(page, { name: 'pattern.drawio', mimeType: '', buffer: await readFile(new URL(PATTERN, CORPUS)) });

  await expect(page.getByRole('status').filter({ hasText: 'Opened pattern.drawio as a new diagram. draw.io import' })).toBeVisible();
  await expect(canvas.nodes()).toHaveCount(7);
  const labels = await canvas.nodes().allInnerTexts();
  const named = labels.map((label) => label.split('\n')[0]!.trim()).filter((label) => label.length > 2);
  await expect(findings.items().first()).toBeVisible();
  const texts = (await findings.items().allInnerTexts()).join('\n');
  expect(named.some((label) => texts.includes(label)), `findings mention one of ${named.join(', ')}`).toBe(true);
  await page.screenshot({ path: 'test-results/drawio-drop.png' });
});

/** A file of two pages: a small one first, then the real AWS pattern (its compressed page as published). */
async function twoPageFile(): Promise<Buffer> {
  const pattern = (await readFile(new URL(PATTERN, CORPUS), 'utf8')).match(/<diagram\b[\s\S]*?<\/diagram>/)![0];
  const overview =
    '<diagram id="o" name="Overview"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>' +
    '<mxCell id="u" value="Shoppers" style="shape=mxgraph.aws4.users;" vertex="1" parent="1"><mxGeometry width="60" height="60" as="geometry"/></mxCell>' +
    '<mxCell id="s" value="Storefront" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="200" width="80" height="60" as="geometry"/></mxCell>' +
    '<mxCell id="e" edge="1" parent="1" source="u" target="s"><mxGeometry relative="1" as="geometry"/></mxCell>' +
    '</root></mxGraphModel></diagram>';
  return Buffer.from(`<mxfile host="test">${overview}${pattern}</mxfile>`);
}

test('a draw.io file of several pages asks which to open; Cancel leaves the diagram on screen and in storage as it was', async ({ page, palette, canvas, guard: _guard }) => {
  await openApp(page);
  await drawShop(page, palette);
  await expect(page.getByRole('status').filter({ hasText: 'Saved in this browser' })).toBeVisible();

  const file = { name: 'pages.drawio', mimeType: 'application/xml', buffer: await twoPageFile() };
  await importThroughPicker(page, file);
  const dialog = page.getByRole('dialog', { name: 'Choose a page' });
  await expect(dialog).toBeVisible();
  const pages = dialog.getByRole('list', { name: 'Pages' }).getByRole('button');
  await expect(pages).toHaveText([/^Overview\s*3 elements$/, /^Pattern\s*\d+ elements$/]);
  await expect(pages.first()).toBeFocused();
  await page.screenshot({ path: 'test-results/drawio-pages.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(canvas.node('Load balancer')).toBeVisible();
  await page.reload();
  await expect(canvas.node('SQL database')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Diagram title' })).toHaveValue('Shop');

  // The keyboard: down to the second page, Enter opens it.
  await importThroughPicker(page, file);
  await expect(pages.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(pages.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Opened pages.drawio as a new diagram. draw.io import of page 2 of 2 ("Pattern")' })).toBeVisible();
  await expect(canvas.nodes()).toHaveCount(7);
});

/** A PNG as draw.io exports one with "Include a copy of my diagram": its tEXt chunk
 *  `mxfile` holds the file, URI-encoded (none for `null`: a plain picture). No pixels:
 *  only the chunks a reader needs. */
function drawioPng(xml: string | null): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const text = xml === null ? [] : [chunk('tEXt', Buffer.from(`mxfile\0${encodeURIComponent(xml)}`, 'latin1'))];
  return Buffer.concat([signature, chunk('IHDR', Buffer.alloc(13)), ...text, chunk('IEND', Buffer.alloc(0))]);
}

test('a PNG exported from draw.io with its diagram opens from its bytes; a plain PNG is refused with the reason', async ({ page, canvas, guard: _guard }) => {
  await openApp(page);
  await dropFile(page, { name: 'pattern.drawio.png', mimeType: 'image/png', buffer: drawioPng(await readFile(new URL(PATTERN, CORPUS), 'utf8')) });
  await expect(page.getByRole('status').filter({ hasText: 'Opened pattern.drawio.png as a new diagram. draw.io import' })).toBeVisible();
  await expect(canvas.nodes()).toHaveCount(7);

  await importThroughPicker(page, { name: 'photo.png', mimeType: 'image/png', buffer: drawioPng(null) });
  await expect(page.getByText('Could not import photo.png: Not a readable draw.io file: the PNG carries no draw.io diagram')).toBeVisible();
  await expect(canvas.nodes()).toHaveCount(7);
});
