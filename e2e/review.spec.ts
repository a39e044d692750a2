import { expect, openApp, test } from './fixtures.ts';

test('a review names both single points of failure and follows edits', async ({ page, palette, canvas, properties, findings }) => {
  await openApp(page);
  await palette.dragTo('Client', 100, 250);
  await palette.dragTo('Load balancer', 400, 250);
  await palette.dragTo('SQL database', 700, 250);
  await canvas.connect('Client', 'Load balancer');
  await canvas.connect('Load balancer', 'SQL database');

  // A finding shows its rule's title, then its message, which starts with the subject.
  const lbSpof = findings.withText(/Single point of failure\s*Load balancer/);
  const dbSpof = findings.withText(/Single point of failure\s*SQL database/);
  await expect(lbSpof).toHaveCount(1);
  await expect(dbSpof).toHaveCount(1);
  await expect(canvas.node('SQL database').locator('.badge.cap')).toHaveText(/CP|AP/);

  await canvas.node('Load balancer').click();
  await properties.set('Replicas', '2');
  await expect(lbSpof).toHaveCount(0);
  await expect(dbSpof).toHaveCount(1);

  // The failure view for the database: it is dimmed and the loss is listed.
  await canvas.node('SQL database').click();
  await properties.form.getByRole('button', { name: 'What if this fails?' }).click();
  const view = page.getByRole('region', { name: 'Failure view' });
  await expect(view).toContainText('If SQL database fails');
  await expect(view.getByRole('listitem').filter({ hasText: 'SQL database' })).toHaveCount(1);
  await expect(canvas.node('SQL database')).toHaveClass(/is-dimmed/);
  await expect(canvas.node('Client')).not.toHaveClass(/is-dimmed/);
  await expect(canvas.node('Client')).toHaveClass(/is-affected/);
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(canvas.node('SQL database')).not.toHaveClass(/is-dimmed/);
});

test('the rules dialog lists every rule with its explanation', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Rules' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rules' });
  await expect(dialog.getByText('spof', { exact: true })).toBeVisible();
  await expect(dialog.getByText('cap-mismatch', { exact: true })).toBeVisible();
  expect(await dialog.getByRole('listitem').count()).toBeGreaterThan(10);
});
