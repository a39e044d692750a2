import { chooseFromFileMenu, expect, fileMenuButton, openApp, test } from './fixtures.ts';
import { seriousViolations } from './axe.ts';
import { openStarter, STARTERS } from './starters.ts';

// axe-core on every screen a person meets first, in the light and the dark theme:
// no serious or critical violation anywhere.

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    test('the empty editor, the File menu and the New diagram dialog', async ({ page }) => {
      await openApp(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      expect(await seriousViolations(page), 'empty editor').toEqual([]);

      await fileMenuButton(page).click();
      await expect(page.getByRole('menu', { name: 'File' })).toBeVisible();
      expect(await seriousViolations(page), 'File menu').toEqual([]);
      await page.keyboard.press('Escape');

      await chooseFromFileMenu(page, 'New diagram');
      await expect(page.getByRole('dialog', { name: 'New diagram' })).toBeVisible();
      expect(await seriousViolations(page), 'New diagram dialog').toEqual([]);
    });

    test('every starter design, open, and its failure view', async ({ page, findings }) => {
      // Eight designs, each audited whole.
      test.setTimeout(150_000);
      await openApp(page);
      for (const starter of STARTERS) {
        await openStarter(page, starter);
        await expect(page.getByRole('region', { name: 'Findings' }).locator('li.finding').first()).toBeVisible();
        expect(await seriousViolations(page), starter.title).toEqual([]);
      }
      // Show selects what a finding is about; the toolbar then fails it.
      await findings.items().first().getByRole('button', { name: 'Show' }).click();
      await page.getByRole('banner').getByRole('button', { name: 'What if this fails?' }).click();
      await expect(page.getByRole('region', { name: 'Failure view' })).toBeVisible();
      expect(await seriousViolations(page), 'failure view').toEqual([]);
    });

    test('the Library, Rules, Keyboard shortcuts and Delete group dialogs', async ({ page, palette, canvas }) => {
      await openApp(page);
      await palette.item('Service').click();
      await chooseFromFileMenu(page, 'Library');
      await expect(page.getByRole('dialog', { name: 'Library' }).getByRole('listitem')).toHaveCount(1);
      expect(await seriousViolations(page), 'Library').toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Rules', exact: true }).click();
      await expect(page.getByRole('dialog', { name: 'Rules' })).toBeVisible();
      expect(await seriousViolations(page), 'Rules').toEqual([]);
      await page.keyboard.press('Escape');

      await page.locator('.react-flow__pane').click();
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      expect(await seriousViolations(page), 'Keyboard shortcuts').toEqual([]);
      await page.keyboard.press('Escape');

      await palette.dragTo('Availability zone', 300, 260);
      const zone = canvas.node('Availability zone');
      const zoneBox = (await zone.boundingBox())!;
      const pane = (await canvas.pane.boundingBox())!;
      await palette.dragTo('Cache', zoneBox.x - pane.x + zoneBox.width / 2, zoneBox.y - pane.y + zoneBox.height / 2);
      await zone.click({ position: { x: zoneBox.width - 24, y: zoneBox.height - 16 } });
      await page.keyboard.press('Delete');
      await expect(page.getByRole('dialog', { name: 'Delete group' })).toBeVisible();
      expect(await seriousViolations(page), 'Delete group').toEqual([]);
    });
  });
}

test('focus is visible on every kind of control, canvas components included', async ({ page, palette, canvas }) => {
  await openApp(page);
  await palette.item('Service').click();
  const outlined = (selector: string) =>
    page.locator(selector).first().evaluate((element) => {
      const style = getComputedStyle(element);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    });
  // Keyboard focus on a component node: Tab from the palette's search to the canvas.
  await canvas.node('Service').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(canvas.node('Service')).toBeFocused();
  expect(await outlined('.react-flow__node:focus-visible .component-node')).toBe(true);

  await fileMenuButton(page).focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  expect(await outlined('.menu-button:focus-visible')).toBe(true);
  await page.keyboard.press('Enter');
  expect(await outlined('[role="menuitem"]:focus-visible')).toBe(true);
});
