import { expect, openApp, pasteText, test } from './fixtures.ts';

// A diagram too large to read at once: zoomed out, components are drawn as labelled
// boxes; zoomed in, they get their icon and handles back. The minimap moves the view.

function grid(count: number): string {
  const nodes = Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    kind: i === 0 ? 'client' : 'service',
    label: `Part ${i}`,
    position: { x: (i % 20) * 240, y: Math.floor(i / 20) * 120 },
    props: {},
  }));
  const edges = Array.from({ length: count - 1 }, (_, i) => ({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}`, props: {} }));
  return JSON.stringify({ format: 'faultline', version: 1, title: 'Grid', nodes, edges });
}

test('a large diagram is drawn compact when zoomed out, in full when zoomed in, and the minimap moves the view', async ({ page, canvas }) => {
  await openApp(page);
  await pasteText(page, grid(200));
  await expect(canvas.nodes()).toHaveCount(200);
  await expect(canvas.edges()).toHaveCount(199);

  // It opens readable, at its start; fitted to the window, every component is a plain
  // labelled box without connection
  // handles (it keeps only the invisible anchor its edges attach to).
  const first = page.getByTestId('node-n0');
  await expect(first).not.toHaveClass(/is-compact/);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await expect(first).toHaveClass(/is-compact/);
  await expect(first).toContainText('Part 0');
  await expect(page.locator('.react-flow__node-component .react-flow__handle:not(.edge-anchor)')).toHaveCount(0);
  await expect(page.locator('.react-flow__node-component .react-flow__handle.edge-anchor')).toHaveCount(200);

  // The minimap shows the whole diagram; pressing its far corner moves the view there.
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.getAttribute('style');
  const minimap = page.getByRole('img', { name: 'Minimap' });
  const box = (await minimap.boundingBox())!;
  await page.mouse.click(box.x + box.width - 4, box.y + box.height - 4);
  await expect.poll(() => viewport.getAttribute('style')).not.toBe(before);

  // Zoomed in, components are drawn in full again, handles included.
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  for (let i = 0; i < 6; i++) await zoomIn.click();
  await expect(page.locator('.react-flow__node-component .component-node.is-compact')).toHaveCount(0);
  await expect(page.locator('.react-flow__node-component .react-flow__handle:not(.edge-anchor)').first()).toBeAttached();
  await expect(page.locator('.react-flow__node-component .component-kind').first()).toHaveText(/^(Client|Service)$/);
});
