import { expect, openApp, test } from './fixtures.ts';

test('drop into a zone, drag out again, and delete a group without losing its contents', async ({ page, palette, canvas, findings }) => {
  await openApp(page);
  await palette.dragTo('Availability zone', 300, 260);
  const zone = canvas.node('Availability zone');
  await expect(zone).toBeVisible();
  const zoneBox = (await zone.boundingBox())!;

  // Dropped onto the zone, a component becomes its child.
  const pane = (await canvas.pane.boundingBox())!;
  await palette.dragTo('Cache', zoneBox.x - pane.x + zoneBox.width / 2, zoneBox.y - pane.y + zoneBox.height / 2);
  await expect(canvas.node('Cache').locator('[data-parent]')).toHaveAttribute('data-parent', /.+/);

  // The zone is a failure unit: with a client in front, its loss is a finding on its border.
  await palette.dragTo('Client', 60, 60);
  await canvas.connect('Client', 'Cache');
  await expect(findings.withText(/Everything in Availability zone fails together/)).toHaveCount(1);
  await expect(zone.locator('.finding-badge')).toBeVisible();

  // Dragged out, it is a top-level component again and stays where it was dropped.
  const cache = canvas.node('Cache');
  const cacheBox = (await cache.boundingBox())!;
  await page.mouse.move(cacheBox.x + 40, cacheBox.y + 20);
  await page.mouse.down();
  await page.mouse.move(cacheBox.x + 40, zoneBox.y + zoneBox.height + 120, { steps: 15 });
  const dropped = (await cache.boundingBox())!;
  expect(dropped.y).toBeGreaterThan(zoneBox.y + zoneBox.height);
  await page.mouse.up();
  await expect(cache.locator('[data-parent]')).toHaveCount(0);
  const after = (await cache.boundingBox())!;
  expect(Math.abs(after.x - dropped.x) + Math.abs(after.y - dropped.y)).toBeLessThan(1);

  // Back in, then delete the zone: the app asks, and keeping the contents keeps the cache.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cache.locator('[data-parent]')).toHaveAttribute('data-parent', /.+/);
  await zone.click({ position: { x: zoneBox.width - 24, y: zoneBox.height - 16 } });
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog', { name: 'Delete group' });
  await dialog.getByRole('button', { name: 'Keep its contents' }).click();
  await expect(zone).toHaveCount(0);
  await expect(cache).toBeVisible();
  await expect(cache.locator('[data-parent]')).toHaveCount(0);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(zone).toBeVisible();
  await zone.click({ position: { x: zoneBox.width - 24, y: zoneBox.height - 16 } });
  await page.keyboard.press('Delete');
  await page.getByRole('dialog', { name: 'Delete group' }).getByRole('button', { name: 'Delete everything in it' }).click();
  await expect(zone).toHaveCount(0);
  await expect(cache).toHaveCount(0);
});
