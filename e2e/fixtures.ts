import { readFile } from 'node:fs/promises';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

// Page objects for the editor, selected by role and accessible name as the brief lists them.

export class PaletteObject {
  readonly region: Locator;
  constructor(private readonly page: Page) {
    this.region = page.getByRole('navigation', { name: 'Components' });
  }
  item(name: string): Locator {
    return this.region.getByRole('button', { name, exact: true });
  }
  /** Drags an item onto the canvas at a point relative to the canvas' top-left corner. */
  async dragTo(name: string, x: number, y: number): Promise<void> {
    const canvas = this.page.locator('.react-flow__pane');
    await this.item(name).dragTo(canvas, { targetPosition: { x, y } });
  }
}

export class CanvasObject {
  readonly pane: Locator;
  constructor(private readonly page: Page) {
    this.pane = page.locator('.react-flow__pane');
  }
  nodes(): Locator {
    return this.page.locator('.react-flow__node');
  }
  node(label: string): Locator {
    return this.page.locator('.react-flow__node', { has: this.page.getByText(label, { exact: true }) });
  }
  edges(): Locator {
    return this.page.locator('.react-flow__edge');
  }
  /** Drags from one node's right-hand handle to another node's left-hand handle. */
  async connect(from: string, to: string): Promise<void> {
    const source = this.node(from);
    await source.hover();
    const start = await source.locator('.react-flow__handle-right').boundingBox();
    const target = this.node(to);
    const end = await target.locator('.react-flow__handle-left').boundingBox();
    if (!start || !end) throw new Error(`No handles to connect ${from} to ${to}`);
    await this.page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }
}

export class PropertiesObject {
  readonly form: Locator;
  constructor(page: Page) {
    this.form = page.getByRole('form', { name: 'Properties' });
  }
  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }
  async set(label: string, value: string): Promise<void> {
    const field = this.field(label);
    await field.fill(value);
    await field.press('Enter');
  }
}

export class FindingsObject {
  readonly region: Locator;
  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Findings' });
  }
  items(): Locator {
    return this.region.locator('li.finding');
  }
  withText(text: string | RegExp): Locator {
    return this.items().filter({ hasText: text });
  }
}

interface Fixtures {
  palette: PaletteObject;
  canvas: CanvasObject;
  properties: PropertiesObject;
  findings: FindingsObject;
  /** Fails the test on any Content-Security-Policy violation, page error, or request
   *  to another origin. */
  guard: void;
}

export const test = base.extend<Fixtures>({
  guard: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (!/^(data|blob):/.test(url) && baseURL && !url.startsWith(baseURL)) problems.push(`request to another origin: ${url}`);
      });
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await use();
      expect(problems, 'CSP violations, page errors and foreign requests').toEqual([]);
    },
    { auto: true },
  ],
  palette: async ({ page }, use) => use(new PaletteObject(page)),
  canvas: async ({ page }, use) => use(new CanvasObject(page)),
  properties: async ({ page }, use) => use(new PropertiesObject(page)),
  findings: async ({ page }, use) => use(new FindingsObject(page)),
});

export { expect };

/** Opens the app on a fresh, empty diagram. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: /Saved in this browser|Saving is off/ })).toBeVisible();
}

/** The toolbar's File menu button. */
export function fileMenuButton(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: 'File', exact: true });
}

/** Runs a command from the toolbar's File menu as a person would: opens the menu and
 *  chooses the item by its accessible name. */
export async function chooseFromFileMenu(page: Page, name: string): Promise<void> {
  await fileMenuButton(page).click();
  await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name, exact: true }).click();
}

/** Opens a file through File → Import JSON and the file picker. */
export async function importThroughPicker(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await chooseFromFileMenu(page, 'Import JSON');
  await (await choosing).setFiles(file);
}

/** Drops a file on the canvas as a person dragging it from their desktop would: a
 *  DataTransfer holding it, then dragenter, dragover and drop on the canvas's pane. */
export async function dropFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const transfer = await page.evaluateHandle(({ name, mimeType, bytes }) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
    return data;
  }, { name: file.name, mimeType: file.mimeType, bytes: [...file.buffer] });
  const pane = page.locator('.react-flow__pane');
  for (const type of ['dragenter', 'dragover', 'drop']) await pane.dispatchEvent(type, { dataTransfer: transfer });
}

/** Runs an export command of the File menu: the download's suggested name and its text. */
export async function exportFromFileMenu(page: Page, command: string): Promise<{ name: string; text: string }> {
  const downloading = page.waitForEvent('download');
  await chooseFromFileMenu(page, command);
  const download = await downloading;
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

/** A diagram of a load balancer and a SQL database titled "Shop", made through the palette. */
export async function drawShop(page: Page, palette: PaletteObject): Promise<void> {
  await palette.item('Load balancer').click();
  await palette.item('SQL database').click();
  await page.getByRole('textbox', { name: 'Diagram title' }).fill('Shop');
  await page.getByRole('textbox', { name: 'Diagram title' }).press('Enter');
}

/** Pastes text onto the page as a person would with Ctrl+V, clipboard contents included. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
}
