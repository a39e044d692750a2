import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { chooseFromFileMenu, expect } from './fixtures.ts';

// Opening starter designs and zooming, for the specs that look at how designs are drawn.

const FOLDER = new URL('../src/templates/', import.meta.url);

export interface Starter {
  file: string;
  title: string;
  nodes: { id: string; kind: string; parentId?: string }[];
  edges: { id: string; source: string; target: string; label?: string }[];
}

/** Every starter design, read from its file: a new one is tested without listing it here. */
export const STARTERS: readonly Starter[] = readdirSync(FOLDER)
  .filter((file) => file.endsWith('.faultline.json'))
  .sort()
  .map((file) => ({ file, ...(JSON.parse(readFileSync(new URL(file, FOLDER), 'utf8')) as Omit<Starter, 'file'>) }));

/** Opens a starter design from "New diagram", as a person would, and waits until it is drawn. */
export async function openStarter(page: Page, starter: Starter): Promise<void> {
  await chooseFromFileMenu(page, 'New diagram');
  await page
    .getByRole('dialog', { name: 'New diagram' })
    .getByRole('button', { name: new RegExp(`^${escapeRegExp(starter.title)} (has mistakes|robust)`) })
    .click();
  await expect(page.locator('.react-flow__node')).toHaveCount(starter.nodes.length);
  await expect(page.locator('.react-flow__edge')).toHaveCount(starter.edges.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The canvas' zoom, read from the transform React Flow puts on its viewport. */
export async function currentZoom(page: Page): Promise<number> {
  return page.locator('.react-flow__viewport').evaluate((element) => new DOMMatrixReadOnly(getComputedStyle(element).transform).a);
}

/** Zooms the canvas about its centre with the mouse wheel, as a person would, until
 *  the zoom is `zoom` (React Flow scales by 2^(-deltaY × 0.002) per wheel event). */
export async function zoomTo(page: Page, zoom: number): Promise<void> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('No canvas');
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  for (let attempt = 0; attempt < 5; attempt++) {
    const now = await currentZoom(page);
    if (Math.abs(now - zoom) < 0.005) return;
    await page.mouse.wheel(0, -Math.log2(zoom / now) / 0.002);
    await page.waitForTimeout(100);
  }
  expect(await currentZoom(page)).toBeCloseTo(zoom, 2);
}
