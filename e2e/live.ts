import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { CanvasObject, expect, PaletteObject } from './fixtures.ts';

// Helpers for specs with several people in one live room: the spec starts the
// collaboration server (server/testing.ts) and passes its URL here.

/** Makes new rooms in `target` go to `serverUrl`, as a person would set it. */
export async function useCollabServer(target: Page | BrowserContext, serverUrl: string): Promise<void> {
  await target.addInitScript((url) => window.localStorage.setItem('faultline:collab-server', url), serverUrl);
}

/** Another person: a browser context of their own, whose new rooms go to `serverUrl`. */
export async function personIn(browser: Browser, baseURL: string, serverUrl: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } });
  await useCollabServer(context, serverUrl);
  return context.newPage();
}

/** The centre of what `locator` finds, on the page. */
export async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on the page');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Shares the open diagram live and returns the edit link from the live bar. */
export async function shareLive(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share live' }).click();
  const bar = page.getByRole('region', { name: 'Live room' });
  await expect(bar.getByRole('status')).toContainText('Connected');
  return bar.getByLabel('Edit link').inputValue();
}

/** B adds a Cache and A sees it; A adds a Worker and B sees it; both end with `total` components. */
export async function editEachOther(a: Page, b: Page, total: number): Promise<void> {
  await new PaletteObject(b).item('Cache').click();
  await expect(new CanvasObject(a).node('Cache')).toBeVisible();
  await new PaletteObject(a).item('Worker').click();
  await expect(new CanvasObject(b).node('Worker')).toBeVisible();
  await expect(new CanvasObject(b).nodes()).toHaveCount(total);
  await expect(new CanvasObject(a).nodes()).toHaveCount(total);
}
