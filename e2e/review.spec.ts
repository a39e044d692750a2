import type { Page } from '@playwright/test';
import { expect, openApp, pasteText, test, type CanvasObject, type PaletteObject } from './fixtures.ts';

/** A client, a load balancer and a database in a line: two single points of failure. */
async function drawClientBalancerDatabase(page: Page, palette: PaletteObject, canvas: CanvasObject): Promise<void> {
  await openApp(page);
  await palette.dragTo('Client', 100, 250);
  await palette.dragTo('Load balancer', 400, 250);
  await palette.dragTo('SQL database', 700, 250);
  await canvas.connect('Client', 'Load balancer');
  await canvas.connect('Load balancer', 'SQL database');
}

test('a review names both single points of failure and follows edits', async ({ page, palette, canvas, properties, findings }) => {
  await drawClientBalancerDatabase(page, palette, canvas);

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

  // Several units fail together: select both and press Shift+F.
  await canvas.node('Load balancer').click();
  await canvas.node('SQL database').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Shift+F');
  await expect(view).toContainText('If Load balancer and SQL database fail');
  await expect(view.getByRole('list', { name: 'Down' }).getByRole('listitem')).toHaveText(['Load balancer', 'SQL database']);
  await expect(view).toContainText('Client stops working.');
  await view.screenshot({ path: 'test-results/failure-view.png' });
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
});

test('minimum healthy makes a pair that must both be up a single point of failure', async ({ page, palette, canvas, properties, findings }) => {
  await openApp(page);
  await palette.dragTo('Client', 100, 250);
  await palette.dragTo('Service', 400, 250);
  await canvas.connect('Client', 'Service');
  await canvas.node('Service').click();
  await properties.set('Replicas', '2');
  const serviceSpof = findings.withText(/Single point of failure\s*Service/);
  await expect(serviceSpof).toHaveCount(0);
  await properties.set('Minimum healthy', '2');
  await expect(serviceSpof).toHaveCount(1);
  await expect(serviceSpof).toContainText('the requests that need it fail for Client');
  // More than the replicas is refused in the form, with the reason, and changes nothing.
  await properties.set('Minimum healthy', '3');
  await expect(properties.form.getByRole('alert')).toContainText('more than its 2 replicas');
  await expect(serviceSpof).toHaveCount(1);
});

test('the rules dialog lists every rule with its explanation', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Rules' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rules' });
  await expect(dialog.getByText('spof', { exact: true })).toBeVisible();
  await expect(dialog.getByText('cap-mismatch', { exact: true })).toBeVisible();
  expect(await dialog.getByRole('listitem').count()).toBeGreaterThan(10);
});

test('a long review shows the first fifty of each severity, and the rest on request', async ({ page, findings }) => {
  await openApp(page);
  const nodes = Array.from({ length: 60 }, (_, i) => ({ id: `s${i}`, kind: 'search', label: `Index ${i}`, position: { x: (i % 10) * 200, y: Math.floor(i / 10) * 100 }, props: {} }));
  // With a client drawn, each index that nothing reaches is a warning of its own.
  nodes.push({ id: 'c', kind: 'client', label: 'App', position: { x: -300, y: 0 }, props: {} });
  const doc = JSON.stringify({ format: 'faultline', version: 1, title: 'Many', nodes, edges: [] });
  await pasteText(page, doc);
  const warnings = findings.region.getByRole('region', { name: 'Warnings' });
  await expect(warnings.locator('li.finding')).toHaveCount(50);
  await warnings.getByRole('button', { name: /^Show \d+ more$/ }).click();
  expect(await warnings.locator('li.finding').count()).toBeGreaterThan(50);
  await expect(warnings.getByRole('button', { name: /more$/ })).toHaveCount(0);
});

test('a finding lights up its components while the pointer or focus is on it, and the counts filter the list', async ({ page, palette, canvas, findings }) => {
  await drawClientBalancerDatabase(page, palette, canvas);
  const dbSpof = findings.withText(/Single point of failure\s*SQL database/);
  await expect(dbSpof).toHaveCount(1);

  await dbSpof.hover();
  await expect(canvas.node('SQL database')).toHaveClass(/is-highlighted/);
  await expect(canvas.node('Load balancer')).not.toHaveClass(/is-highlighted/);
  await page.getByRole('navigation', { name: 'Components' }).hover();
  await expect(page.locator('.react-flow__node.is-highlighted')).toHaveCount(0);
  // The keyboard gets the same: focus on one of its buttons.
  await dbSpof.getByRole('button', { name: 'Show' }).focus();
  await expect(canvas.node('SQL database')).toHaveClass(/is-highlighted/);
  await dbSpof.getByRole('button', { name: 'Show' }).blur();
  await expect(page.locator('.react-flow__node.is-highlighted')).toHaveCount(0);

  const counts = page.getByRole('group', { name: 'Finding counts' });
  const errors = counts.getByRole('button', { name: /\d+ errors?$/ });
  const review = page.getByRole('region', { name: 'Findings' });
  // This design has errors and info, and no warnings.
  await expect(review.getByRole('region', { name: 'Info' })).toBeVisible();
  await errors.click();
  await expect(errors).toHaveAttribute('aria-pressed', 'true');
  await expect(review.getByRole('region', { name: 'Errors' })).toBeVisible();
  await expect(review.getByRole('region', { name: 'Info' })).toHaveCount(0);
  expect(await findings.items().count()).toBe(Number((await errors.textContent())!.match(/\d+/)![0]));

  // Another count moves the filter; the pressed one again shows everything.
  const infos = counts.getByRole('button', { name: /\d+ infos?$/ });
  await infos.click();
  await expect(infos).toHaveAttribute('aria-pressed', 'true');
  await expect(errors).toHaveAttribute('aria-pressed', 'false');
  await expect(review.getByRole('region', { name: 'Errors' })).toHaveCount(0);
  await expect(review.getByRole('region', { name: 'Info' })).toBeVisible();
  await infos.click();
  await expect(infos).toHaveAttribute('aria-pressed', 'false');
  await expect(review.getByRole('region', { name: 'Errors' })).toBeVisible();
  await expect(review.getByRole('region', { name: 'Info' })).toBeVisible();
});

test('findings can be listed under each component they are about, with counts, from the keyboard', async ({ page, palette, canvas, findings }) => {
  await drawClientBalancerDatabase(page, palette, canvas);
  const review = page.getByRole('region', { name: 'Findings' });
  await expect(findings.withText(/Single point of failure\s*SQL database/)).toHaveCount(1);
  const all = await findings.items().count();

  // The grouping sits after Show info in the tab order.
  await review.getByRole('checkbox', { name: 'Show info' }).focus();
  await page.keyboard.press('Tab');
  const grouping = review.getByRole('combobox', { name: 'Group by' });
  await expect(grouping).toBeFocused();
  await grouping.selectOption('Component');
  await expect(review.getByRole('region', { name: 'Errors' })).toHaveCount(0);

  const database = review.getByRole('region', { name: 'SQL database', exact: true });
  const balancer = review.getByRole('region', { name: 'Load balancer', exact: true });
  await expect(database.locator('li.finding').filter({ hasText: /Single point of failure\s*SQL database/ })).toHaveCount(1);
  await expect(database.locator('li.finding').filter({ hasText: 'SQL database is CP' })).toHaveCount(1);
  await expect(balancer.locator('li.finding').filter({ hasText: /Single point of failure\s*Load balancer/ })).toHaveCount(1);
  // Each heading counts its list, and every finding is under at least one component.
  const groups = review.getByRole('region');
  let listed = 0;
  for (const group of await groups.all()) {
    const count = await group.locator('li.finding').count();
    await expect(group.getByRole('heading', { level: 3 })).toHaveText(new RegExp(`\\(${count}\\)$`));
    listed += count;
  }
  expect(listed).toBeGreaterThanOrEqual(all);
  // The worst first: the first finding under the database is its error.
  await expect(database.locator('li.finding').first()).toHaveClass(/severity-error/);

  // The severity counts still filter, within each component.
  await page.getByRole('group', { name: 'Finding counts' }).getByRole('button', { name: /\d+ errors?$/ }).click();
  await expect(review.locator('li.finding:not(.severity-error)')).toHaveCount(0);
  await expect(database.getByRole('heading', { level: 3 })).toHaveText('SQL database (1)');

  // The choice is kept while the design changes.
  await palette.dragTo('Cache', 400, 450);
  await expect(grouping).toHaveValue('component');
  await grouping.selectOption('Severity');
  await expect(review.getByRole('region', { name: 'Errors' })).toBeVisible();
  await expect(database).toHaveCount(0);
});
