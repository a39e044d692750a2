import { chooseFromFileMenu, expect, openApp, test } from './fixtures.ts';

// The README's picture is taken of the real app, drawing a real starter design.
test('take the README screenshot of a starter design', async ({ page, canvas, findings }) => {
  await openApp(page);
  await chooseFromFileMenu(page, 'New diagram');
  await page.getByRole('dialog', { name: 'New diagram' }).getByRole('button', { name: /URL shortener.*has mistakes/ }).click();
  await expect(canvas.nodes().first()).toBeVisible();
  await expect(findings.items().first()).toBeVisible();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screenshot.png' });
});
