import { chooseFromFileMenu, expect, openApp, test } from './fixtures.ts';

// The README's pictures are taken of the real app, drawing a real starter design, in
// each theme.
for (const [colorScheme, file] of [
  ['light', 'docs/screenshot.png'],
  ['dark', 'docs/screenshot-dark.png'],
] as const) {
  test(`take the README screenshot of a starter design, ${colorScheme}`, async ({ page, canvas, findings }) => {
    await page.emulateMedia({ colorScheme });
    await openApp(page);
    await chooseFromFileMenu(page, 'New diagram');
    await page.getByRole('dialog', { name: 'New diagram' }).getByRole('button', { name: /URL shortener.*has mistakes/ }).click();
    await expect(canvas.nodes().first()).toBeVisible();
    await expect(findings.items().first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await page.waitForTimeout(400);
    await page.screenshot({ path: file });
  });
}

test('the Dark mode toggle overrides the system theme, and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  const html = page.locator('html');
  const toggle = page.getByRole('banner').getByRole('button', { name: 'Dark mode', exact: true });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const lightPanel = await page.getByRole('region', { name: 'Findings' }).evaluate((element) => getComputedStyle(element.closest('aside')!).backgroundColor);

  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // The tokens reach the panels and React Flow's own chrome alike.
  const darkPanel = await page.getByRole('region', { name: 'Findings' }).evaluate((element) => getComputedStyle(element.closest('aside')!).backgroundColor);
  expect(darkPanel).not.toBe(lightPanel);
  await expect(page.locator('.react-flow')).toHaveClass(/\bdark\b/);

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'dark' });
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'light');
});
