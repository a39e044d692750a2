import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../store/editor.ts';
import { COLOR_SCHEME_KEY, startColorScheme, type ColorSchemePage } from './colorScheme.ts';

function fakePage(dark: boolean, stored: string | null = null) {
  const values = new Map<string, string>(stored === null ? [] : [[COLOR_SCHEME_KEY, stored]]);
  const listeners = new Set<(event: { matches: boolean }) => void>();
  const page = {
    media: {
      matches: dark,
      addEventListener: (_type: string, listener: (event: { matches: boolean }) => void) => listeners.add(listener),
      removeEventListener: (_type: string, listener: (event: { matches: boolean }) => void) => listeners.delete(listener),
    },
    storage: {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
      removeItem: (key: string) => void values.delete(key),
    },
    root: { dataset: {} as DOMStringMap, style: { colorScheme: '' } },
  };
  const systemChanges = (matches: boolean) => listeners.forEach((listener) => listener({ matches }));
  return { page: page as unknown as ColorSchemePage, root: page.root, values, listeners, systemChanges };
}

describe('the colour scheme', () => {
  it('follows the system until a person chooses, and shows the theme on the page', () => {
    const store = createEditorStore();
    const { page, root, systemChanges } = fakePage(true);
    startColorScheme(store, page);
    expect(root.dataset.theme).toBe('dark');
    expect(root.style.colorScheme).toBe('dark');
    systemChanges(false);
    expect(root.dataset.theme).toBe('light');
  });

  it('keeps a choice across visits, and it wins over the system', () => {
    const first = fakePage(false);
    const store = createEditorStore();
    startColorScheme(store, first.page);
    store.getState().chooseColorScheme('dark');
    expect(first.root.dataset.theme).toBe('dark');
    expect(first.values.get(COLOR_SCHEME_KEY)).toBe('dark');
    first.systemChanges(false);
    expect(first.root.dataset.theme).toBe('dark');

    const again = fakePage(false, 'dark');
    startColorScheme(createEditorStore(), again.page);
    expect(again.root.dataset.theme).toBe('dark');
  });

  it('ignores a stored value it does not know, and works without storage', () => {
    const odd = fakePage(false, 'purple');
    startColorScheme(createEditorStore(), odd.page);
    expect(odd.root.dataset.theme).toBe('light');

    const store = createEditorStore();
    const bare = fakePage(true);
    const stop = startColorScheme(store, { ...bare.page, storage: null });
    store.getState().chooseColorScheme('light');
    expect(bare.root.dataset.theme).toBe('light');
    stop();
    expect(bare.listeners.size).toBe(0);
  });
});
