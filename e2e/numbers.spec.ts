import { chooseFromFileMenu, expect, exportFromFileMenu, openApp, test } from './fixtures.ts';

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
  await numbers.getByLabel('Colour the canvas by').selectOption('downtime');
  await expect(page.locator('.react-flow__node.tint-much')).toHaveCount(4);
  await expect(page.locator('.react-flow__node.tint-much', { hasText: 'URL database' })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/numbers-tint.png' });
  await numbers.getByLabel('Colour the canvas by').selectOption('none');
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

// The load half: a robust design passes at the peak its brief states; doubling the
// client's rps in the form brings the findings and the figures along at once.
test('the Numbers region shows load at peak and the cost, and follows the client’s rps', async ({ page, canvas, properties, findings }) => {
  await openApp(page);
  await chooseFromFileMenu(page, 'New diagram');
  await page.getByRole('dialog', { name: 'New diagram' }).getByRole('button', { name: /URL shortener.*robust/i }).click();
  const numbers = page.getByRole('region', { name: 'Numbers' });
  const busiest = numbers.getByRole('list', { name: 'Busiest components' });
  // 20,000 rps split 100 : 1 by the gateways: 19,802 redirects over 30 instances of 1,000.
  await expect(busiest.getByRole('listitem').first()).toContainText('19,802 of 30,000 requests/s (66%)');
  await expect(numbers).toContainText('About $5,704 a month');
  await expect(numbers.getByRole('listitem', { name: 'Browsers and apps' })).toContainText('Responds in 65 ms on average');
  await expect(findings.withText(/More load than it can serve/)).toHaveCount(0);

  await canvas.node('Browsers and apps').click();
  await properties.set('Requests/s', '40000');
  await expect(busiest.getByRole('listitem').first()).toContainText('(132%)');
  await expect(findings.withText(/More load than it can serve/).first()).toBeVisible();

  // Coloured by load, the overloaded redirect service turns red and edges show their rates.
  await numbers.getByLabel('Colour the canvas by').selectOption('load');
  await expect(page.locator('.react-flow__node', { has: page.locator('.component-node.busy-over'), hasText: 'Redirect service' })).toHaveCount(1);
  await expect(page.locator('.edge-label', { hasText: '40,000/s' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/canvas-load.png' });
  await numbers.screenshot({ path: 'test-results/numbers-load.png' });

  // Zoomed out past reading, the rates go with the arrowheads, and come back zoomed in.
  let steps = 0;
  for (; steps < 12 && (await page.locator('.component-node.is-compact').count()) === 0; steps++) await page.locator('.react-flow__controls-zoomout').click();
  await expect(page.locator('.edge-label')).toHaveCount(0);
  await expect(page.locator('.react-flow__node', { has: page.locator('.component-node.busy-over'), hasText: 'Redirect service' })).toHaveCount(1);
  for (; steps > 0; steps--) await page.locator('.react-flow__controls-zoomin').click();
  await expect(page.locator('.edge-label', { hasText: '40,000/s' }).first()).toBeVisible();
});

test('a client’s requests that reach nothing are said to, and its first connection fills the busiest list', async ({ page, palette, canvas, properties }) => {
  await openApp(page);
  await palette.dragTo('Client', 120, 160);
  await palette.dragTo('Service', 420, 160);
  await canvas.node('Client').click();
  await properties.set('Requests/s', '300');
  const numbers = page.getByRole('region', { name: 'Numbers' });
  await expect(numbers).toContainText('The clients send requests, but to nothing yet');
  await expect(numbers.getByRole('list', { name: 'Busiest components' })).toHaveCount(0);
  await numbers.screenshot({ path: 'test-results/numbers-unconnected.png' });

  await canvas.connect('Client', 'Service');
  await expect(numbers.getByRole('list', { name: 'Busiest components' }).getByRole('listitem')).toContainText(['300 of']);
  await expect(numbers).not.toContainText('to nothing yet');
});

test('Export review writes the findings, the figures and the diagram as Markdown', async ({ page }) => {
  await openApp(page);
  await chooseFromFileMenu(page, 'New diagram');
  await page.getByRole('dialog', { name: 'New diagram' }).getByRole('button', { name: /URL shortener.*has mistakes/i }).click();
  await expect(page.getByRole('region', { name: 'Numbers' }).getByRole('listitem', { name: 'Browser' })).toContainText('98%');
  const { name, text } = await exportFromFileMenu(page, 'Export review (Markdown)');
  expect(name).toMatch(/\.review\.md$/);
  expect(text).toMatch(/^# Design review: URL shortener \(first draft\)\n/);
  for (const heading of ['## Errors', '### Single point of failure (`spof`)', '## Warnings', '## Numbers', '### Availability', '### Load at peak', '## Diagram']) expect(text).toContain(`\n${heading}\n`);
  expect(text).toContain('| Browser | 98% | 1.7 nines |');
  expect(text).toContain('```mermaid\n');
});
