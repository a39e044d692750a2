import { chooseFromFileMenu, expect, openApp, test } from './fixtures.ts';

interface Box {
  id: string;
  parent: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
  group: boolean;
}

test('a starter design opens, lays out tidily in one undo step', async ({ page, canvas, findings }) => {
  await openApp(page);
  await chooseFromFileMenu(page, 'New diagram');
  await page.getByRole('dialog', { name: 'New diagram' }).getByRole('button', { name: /real-time chat.*has mistakes/i }).click();
  await expect(findings.items().first()).toBeVisible();
  const count = await canvas.nodes().count();
  expect(count).toBeGreaterThan(5);

  await page.getByRole('button', { name: 'Auto layout' }).click();
  await expect(page.getByRole('button', { name: 'Auto layout' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await page.waitForTimeout(500);

  const boxes: Box[] = await page.locator('.react-flow__node').evaluateAll((elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      const id = element.getAttribute('data-id')!;
      const parent = element.querySelector('[data-parent]')?.getAttribute('data-parent') ?? null;
      return { id, parent, x: rect.x, y: rect.y, width: rect.width, height: rect.height, group: element.classList.contains('react-flow__node-group') };
    }),
  );
  expect(boxes).toHaveLength(count);
  const byId = new Map(boxes.map((box) => [box.id, box]));
  const components = boxes.filter((box) => !box.group);
  for (let i = 0; i < components.length; i++) {
    for (let j = i + 1; j < components.length; j++) {
      const a = components[i]!;
      const b = components[j]!;
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
    }
  }
  for (const box of boxes) {
    if (!box.parent) continue;
    const parent = byId.get(box.parent)!;
    expect(box.x, `${box.id} inside ${parent.id}`).toBeGreaterThanOrEqual(parent.x - 1);
    expect(box.y).toBeGreaterThanOrEqual(parent.y - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(parent.x + parent.width + 1);
    expect(box.y + box.height).toBeLessThanOrEqual(parent.y + parent.height + 1);
  }

  // One undo step takes the whole layout back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
