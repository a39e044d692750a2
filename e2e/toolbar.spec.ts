import { expect, fileMenuButton, openApp, test } from './fixtures.ts';

// The toolbar: one row, a File menu a keyboard can drive, and icon buttons whose
// tooltips name the command and its key.

test('the toolbar is one row, with every command under its name', async ({ page }) => {
  await openApp(page);
  const banner = page.getByRole('banner');
  const controls = banner.locator('button, select, input');
  const tops = new Set<number>();
  for (const box of await controls.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect()))) {
    tops.add(Math.round(box.top + box.height / 2));
  }
  // Centred on one line, give or take a pixel of rounding.
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(2);
  for (const name of ['Undo', 'Redo', 'Auto layout', 'What if this fails?', 'Snap to grid', 'Rules', 'Keyboard shortcuts']) {
    await expect(banner.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await page.screenshot({ path: 'test-results/toolbar.png', clip: { x: 0, y: 0, width: 1400, height: 60 } });
});

test('the File menu opens from the keyboard, moves with the arrows, and gives focus back', async ({ page }) => {
  await openApp(page);
  const file = fileMenuButton(page);
  const menu = page.getByRole('menu', { name: 'File' });
  await expect(file).toHaveAttribute('aria-haspopup', 'menu');
  await expect(file).toHaveAttribute('aria-expanded', 'false');

  await file.focus();
  await page.keyboard.press('Enter');
  await expect(file).toHaveAttribute('aria-expanded', 'true');
  const items = menu.getByRole('menuitem');
  await expect(items).toHaveText(['New diagram', 'Library', 'Import JSON', 'Export JSON', 'Export SVG', 'Export PNG', 'Export SVG (dark)', 'Export PNG (dark)', 'Export draw.io', 'Export Mermaid', 'Export review (Markdown)', 'Copy link'].map((name) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));
  await expect(items.first()).toBeFocused();
  await page.screenshot({ path: 'test-results/file-menu.png', clip: { x: 0, y: 0, width: 700, height: 380 } });

  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Library' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Copy link' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Copy link' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(file).toBeFocused();
  await expect(file).toHaveAttribute('aria-expanded', 'false');

  // ArrowUp opens it on the last item; Enter runs the focused one.
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Copy link' })).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const library = page.getByRole('dialog', { name: 'Library' });
  await expect(library).toBeVisible();
  await expect(menu).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(library).toHaveCount(0);
  await expect(file).toBeFocused();

  // A click elsewhere closes it too.
  await file.click();
  await expect(menu).toBeVisible();
  await page.getByRole('region', { name: 'Findings' }).click();
  await expect(menu).toHaveCount(0);
});

test('icon buttons show their name and shortcut on hover and on keyboard focus', async ({ page, palette }) => {
  await openApp(page);
  await palette.item('Service').click();
  const banner = page.getByRole('banner');
  const undo = banner.getByRole('button', { name: 'Undo', exact: true });
  await expect(undo).toHaveAttribute('aria-keyshortcuts', 'Control+Z');
  await expect(undo).toHaveAccessibleDescription('Ctrl+Z');
  const undoTip = undo.locator('..').locator('.tip-text');
  await expect(undoTip).toBeHidden();
  await undo.hover();
  await expect(undoTip).toBeVisible();
  await expect(undoTip).toHaveText('UndoCtrl+Z');

  const layout = banner.getByRole('button', { name: 'Auto layout', exact: true });
  const layoutTip = layout.locator('..').locator('.tip-text');
  await page.mouse.move(700, 500);
  // Tab there the way a person would, past Redo, which has nothing to redo.
  await undo.focus();
  await page.keyboard.press('Tab');
  await expect(layout).toBeFocused();
  await expect(layoutTip).toBeVisible();
  await expect(layoutTip).toContainText('Ctrl+Shift+L');

  const snap = banner.getByRole('button', { name: 'Snap to grid', exact: true });
  await expect(snap).toHaveAttribute('aria-pressed', 'false');
  await snap.click();
  await expect(snap).toHaveAttribute('aria-pressed', 'true');
});
