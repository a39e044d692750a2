import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures.ts';
import { openStarter, STARTERS } from './starters.ts';

// A starter design opens at a size a person can read: every label on the canvas at
// least 11 px on screen, none cut short, no edge label on top of a component, and an
// entry of the design in view.

const LEAST_TEXT_PX = 11;

interface Label {
  text: string;
  kind: string;
  screenPx: number;
  cut: boolean;
  box: { left: number; top: number; right: number; bottom: number };
}

async function labels(page: Page): Promise<Label[]> {
  return page.locator('.react-flow__node .component-label, .react-flow__node .group-label, .edge-label').evaluateAll((elements) =>
    elements.map((element) => {
      const html = element as HTMLElement;
      const rect = html.getBoundingClientRect();
      // The element's own scale on screen, whatever transforms put it there.
      const scale = rect.height / html.offsetHeight;
      const style = getComputedStyle(html);
      const cut = html.scrollWidth > html.clientWidth || html.scrollHeight > html.clientHeight;
      return {
        text: html.textContent ?? '',
        kind: html.className,
        screenPx: parseFloat(style.fontSize) * scale,
        cut,
        box: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
      };
    }),
  );
}

async function componentBoxes(page: Page) {
  return page.locator('.react-flow__node-component').evaluateAll((elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      return { id: (element as HTMLElement).dataset.id!, left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    }),
  );
}

const overlap = (a: Label['box'], b: Label['box']) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

for (const starter of STARTERS) {
  test(`"${starter.title}" opens readable: labels of 11 px or more, none cut, edge labels clear of components`, async ({ page }) => {
    await openApp(page);
    await openStarter(page, starter);
    await expect.poll(async () => (await labels(page)).map((label) => label.screenPx).reduce((a, b) => Math.min(a, b), Infinity)).toBeGreaterThanOrEqual(LEAST_TEXT_PX);

    const found = await labels(page);
    const edgeLabels = starter.edges.filter((edge) => edge.label || (edge as { props?: { protocol?: string } }).props?.protocol).length;
    const groups = starter.nodes.filter((node) => node.kind === 'zone' || node.kind === 'region').length;
    expect(found).toHaveLength(starter.nodes.length + edgeLabels);
    expect(found.filter((label) => label.kind.includes('group-label'))).toHaveLength(groups);
    expect(found.filter((label) => label.screenPx < LEAST_TEXT_PX).map((label) => `${label.text}: ${label.screenPx.toFixed(1)} px`)).toEqual([]);
    expect(found.filter((label) => label.cut).map((label) => label.text)).toEqual([]);
    const kindsCut = await page.locator('.react-flow__node .component-kind').evaluateAll((elements) =>
      elements.filter((element) => element.scrollWidth > element.clientWidth).map((element) => element.textContent),
    );
    expect(kindsCut, 'kinds cut short').toEqual([]);

    const components = await componentBoxes(page);
    const onComponents = found
      .filter((label) => label.kind.includes('edge-label'))
      .flatMap((label) => components.filter((box) => overlap(label.box, box)).map((box) => `"${label.text}" on ${box.id}`));
    expect(onComponents).toEqual([]);

    // The design's start is on screen: an entry wholly inside the canvas.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const entries = starter.nodes.filter((node) => node.kind === 'client').map((node) => node.id);
    const inView = components.filter(
      (box) => entries.includes(box.id) && box.left >= pane.x && box.top >= pane.y && box.right <= pane.x + pane.width && box.bottom <= pane.y + pane.height,
    );
    expect(inView.length, 'entries in view').toBeGreaterThan(0);
  });
}
