import { expect, openApp, test } from './fixtures.ts';

test('a dropped file in no known format is refused, naming it and the formats that open; one named oddly opens by its content', async ({ page, palette, canvas }) => {
  await openApp(page);
  await palette.item('Cache').click();
  const drop = async (name: string, text: string) => {
    const transfer = await page.evaluateHandle(([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content!], fileName!, { type: 'text/plain' }));
      return data;
    }, [name, text]);
    await canvas.pane.dispatchEvent('drop', { dataTransfer: transfer });
  };

  await drop('notes.txt', 'Web -> API -> DB');
  const alert = page.getByRole('alert').filter({ hasText: 'notes.txt' });
  await expect(alert).toContainText('Unknown format');
  await expect(alert).toContainText('Faultline JSON (.faultline.json, .json)');
  await expect(canvas.nodes()).toHaveCount(1);

  const doc = { format: 'faultline', version: 1, title: 'By content', nodes: [{ id: 'q', kind: 'queue', label: 'Jobs', position: { x: 0, y: 0 }, props: {} }], edges: [] };
  await drop('export.txt', JSON.stringify(doc));
  await expect(canvas.node('Jobs')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Diagram title' })).toHaveValue('By content');
});
