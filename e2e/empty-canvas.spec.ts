import { chooseFromFileMenu, expect, openApp, test } from './fixtures.ts';

// An empty canvas says how to start, offers the starter designs, and keeps out of the
// way: it is gone as soon as the diagram has a component.

test('an empty canvas explains how to start and opens the starter designs from the keyboard', async ({ page, palette, canvas }) => {
  await openApp(page);
  const hint = page.getByRole('note', { name: 'Empty diagram' });
  await expect(hint).toBeVisible();
  await expect(hint).toContainText('Drag a component here from Components');
  const start = hint.getByRole('button', { name: 'Start from a starter design' });

  // Reached with Tab alone, and opened with Enter.
  let reached = false;
  for (let presses = 0; presses < 120 && !reached; presses++) {
    await page.keyboard.press('Tab');
    reached = await start.evaluate((button) => button === document.activeElement);
  }
  expect(reached, 'the starter designs button is reached with Tab').toBe(true);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New diagram' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /^URL shortener robust/ }).click();
  await expect(canvas.nodes().first()).toBeVisible();
  await expect(hint).toHaveCount(0);

  // A blank diagram shows it again; the first component takes it away.
  await chooseFromFileMenu(page, 'New diagram');
  await dialog.getByRole('button', { name: /Blank diagram/ }).click();
  await expect(hint).toBeVisible();
  await palette.item('Service').click();
  await expect(canvas.node('Service')).toBeVisible();
  await expect(hint).toHaveCount(0);
});

test('a component dragged onto the hint lands on the canvas there', async ({ page, palette, canvas }) => {
  await openApp(page);
  const hint = page.getByRole('note', { name: 'Empty diagram' });
  const box = (await hint.boundingBox())!;
  const pane = (await canvas.pane.boundingBox())!;
  await palette.dragTo('Cache', box.x + box.width / 2 - pane.x, box.y + 10 - pane.y);
  await expect(canvas.node('Cache')).toBeVisible();
  await expect(hint).toHaveCount(0);
});
