import { expect, openApp, test } from './fixtures.ts';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('drag three components from the palette and connect them by their handles', async ({ palette, canvas }) => {
  await palette.dragTo('Client', 120, 200);
  await palette.dragTo('Load balancer', 420, 200);
  await palette.dragTo('Service', 720, 200);
  await expect(canvas.nodes()).toHaveCount(3);

  // Each lands where it was dropped: left to right in drop order.
  const boxes = await Promise.all(['Client', 'Load balancer', 'Service'].map((label) => canvas.node(label).boundingBox()));
  expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);
  expect(boxes[1]!.x).toBeLessThan(boxes[2]!.x);

  await canvas.connect('Client', 'Load balancer');
  await canvas.connect('Load balancer', 'Service');
  await expect(canvas.edges()).toHaveCount(2);

  // Each edge runs from the border of its source to the border of its target.
  const line = await canvas.edges().first().locator('path.flow-edge').boundingBox();
  expect(line!.x).toBeCloseTo(boxes[0]!.x + boxes[0]!.width, -1);
  expect(line!.x + line!.width).toBeCloseTo(boxes[1]!.x, -1);
  const middles = boxes.slice(0, 2).map((box) => box!.y + box!.height / 2);
  expect(line!.y + line!.height / 2).toBeCloseTo((middles[0]! + middles[1]!) / 2, -1);
});

test('edit a label and the replicas, with invalid input refused', async ({ page, palette, canvas, properties }) => {
  await palette.item('Service').click();
  await properties.set('Label', 'Shorten service');
  await expect(canvas.node('Shorten service')).toBeVisible();

  await properties.field('Replicas').fill('0');
  await expect(properties.form.getByRole('alert')).toContainText('at least 1');
  await expect(canvas.node('Shorten service').locator('.badge.replicas')).toHaveCount(0);

  await properties.set('Replicas', '3');
  await expect(canvas.node('Shorten service').locator('.badge.replicas')).toHaveText('×3');
  await expect(properties.form.getByRole('alert')).toHaveCount(0);

  // In place: double-click the label, type, Enter.
  await canvas.node('Shorten service').dblclick();
  const editor = page.getByRole('textbox', { name: 'Edit label' });
  await editor.fill('Redirect service');
  await editor.press('Enter');
  await expect(canvas.node('Redirect service')).toBeVisible();
});

test('undo and redo, copy and paste, delete', async ({ page, palette, canvas }) => {
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await palette.item('Cache').click();
  await palette.item('SQL database').click();
  await expect(canvas.nodes()).toHaveCount(2);

  await undo.click();
  await expect(canvas.nodes()).toHaveCount(1);
  await redo.click();
  await expect(canvas.nodes()).toHaveCount(2);

  // Copy and paste the selected database with the keyboard.
  await canvas.node('SQL database').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(canvas.nodes()).toHaveCount(3);
  await expect(canvas.node('SQL database')).toHaveCount(2);

  await page.keyboard.press('Delete');
  await expect(canvas.nodes()).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(canvas.nodes()).toHaveCount(3);
  await page.keyboard.press('Control+Shift+z');
  await expect(canvas.nodes()).toHaveCount(2);
});

test('a drag is one undo step', async ({ page, palette, canvas }) => {
  await palette.item('Worker').click();
  const node = canvas.node('Worker');
  const before = (await node.boundingBox())!;
  await page.mouse.move(before.x + 40, before.y + 20);
  await page.mouse.down();
  await page.mouse.move(before.x + 240, before.y + 140, { steps: 20 });
  await page.mouse.up();
  const after = (await node.boundingBox())!;
  expect(after.x - before.x).toBeGreaterThan(150);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await node.boundingBox())!.x).toBeCloseTo(before.x, 0);
  await expect(canvas.nodes()).toHaveCount(1);
});

test('add a component and edit it with the keyboard alone', async ({ page, palette, canvas, properties }) => {
  await palette.region.getByRole('searchbox', { name: 'Search components' }).focus();
  await page.keyboard.type('kafka');
  await page.keyboard.press('Tab');
  await expect(palette.item('Stream')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(canvas.node('Stream')).toBeVisible();
  await expect(properties.field('Label')).toHaveValue('Stream');

  await properties.field('Label').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Click events');
  await page.keyboard.press('Enter');
  await expect(canvas.node('Click events')).toBeVisible();

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
