import { chooseFromFileMenu, expect, openApp, test } from './fixtures.ts';

// The Numbers region as a candidate uses it: open a first draft, read its availability
// and what costs it most, fail the worst unit by hand, and fix it in the form.
test('the Numbers region shows availability, what to improve first, and the failure view', async ({ page, canvas, properties }) => {
  await openApp(page);
  const numbers = page.getByRole('region', { name: 'Numbers' });
  await expect(numbers.getByText('Add a client to see how often it can use the design.')).toBeVisible();

  await chooseFromFileMenu(page, 'New diagram');
  await page.getByRole('dialog', { name: 'New diagram' }).getByRole('button', { name: /URL shortener.*has mistakes/i }).click();
  const browser = numbers.getByRole('listitem', { name: 'Browser' });
  // Four lone instances at 99.5% and a pair: 0.995⁴ × (1 − 0.005²) = 98.01%.
  await expect(browser.getByText('98%', { exact: true })).toBeVisible();
  await expect(browser).toContainText('1.7 nines');
  await expect(browser).toContainText('Down 7 d 6 h a year, 14 h 31 min a month');
  await expect(browser).toContainText('Target 99.9%: missed');
  const improve = browser.getByRole('group').or(browser.locator('details.contributors'));
  await expect(improve.getByRole('listitem')).toHaveCount(3);

  // The tint marks each lone instance: each causes about a quarter of the downtime.
  await numbers.getByLabel('Tint by downtime caused').check();
  await expect(page.locator('.react-flow__node.tint-much')).toHaveCount(4);
  await expect(page.locator('.react-flow__node.tint-much', { hasText: 'URL database' })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/numbers-tint.png' });
  await numbers.getByLabel('Tint by downtime caused').uncheck();
  await expect(page.locator('.react-flow__node.tint-much')).toHaveCount(0);

  // Show selects the unit on the canvas; Fail it recomputes the figures without it.
  await browser.getByRole('button', { name: 'Show URL database' }).click();
  await expect(properties.field('Label')).toHaveValue('URL database');
  await browser.getByRole('button', { name: 'What if URL database fails?' }).click();
  await expect(page.getByRole('region', { name: 'Failure view' })).toBeVisible();
  await expect(numbers.getByText('With URL database down.')).toBeVisible();
  await expect(numbers.getByRole('listitem', { name: 'Browser' }).getByText('0%', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(numbers.getByText('With URL database down.')).toHaveCount(0);

  // The form shows the figure in use and where it comes from; a better database lifts the figure.
  await canvas.node('URL database').click();
  await expect(properties.form.getByText(/In use: 0\.995 \(AWS EC2 SLA/)).toBeVisible();
  await properties.set('Replicas', '2');
  await expect(numbers.getByRole('listitem', { name: 'Browser' }).getByText('98.5%', { exact: true })).toBeVisible();
  await properties.set('Availability', '0.9');
  await expect(properties.form.getByText(/In use: 0\.995/)).toHaveCount(0);
  await expect(properties.form.getByText(/In use: 2000 \(A 2-vCPU PostgreSQL/)).toBeVisible();
  await expect(numbers.getByRole('listitem', { name: 'Browser' })).toContainText('97.5%');
  await page.screenshot({ path: 'test-results/numbers.png' });
});
