import { colorSchemeOf, type ColorScheme, type EditorStore } from '../store/editor.ts';

// The theme is one attribute on <html>: styles.css keys its tokens off it, so the
// canvas, the panels and the dialogs change together. The system's preference is
// followed until a person flips the toggle; their choice is kept in localStorage.

export const COLOR_SCHEME_KEY = 'faultline:color-scheme';

export interface ColorSchemePage {
  /** prefers-color-scheme: dark, as matchMedia reports it. */
  media: Pick<MediaQueryList, 'matches' | 'addEventListener' | 'removeEventListener'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  root: { dataset: DOMStringMap; style: { colorScheme: string } };
}

function browserPage(): ColorSchemePage {
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    // Storage can be refused outright (a sandboxed frame); the theme then lasts the visit.
  }
  return { media: window.matchMedia('(prefers-color-scheme: dark)'), storage, root: document.documentElement };
}

const isScheme = (value: unknown): value is ColorScheme => value === 'light' || value === 'dark';

function attempt(write: () => void): void {
  try {
    write();
  } catch {
    // Quota or privacy settings: the choice is not kept, and the page goes on.
  }
}

/** Reads the system's and the stored theme into the store, shows the store's theme on
 *  the page from now on, and keeps a person's choice. Returns a function that stops. */
export function startColorScheme(store: EditorStore, page: ColorSchemePage = browserPage()): () => void {
  const state = store.getState();
  state.setSystemColorScheme(page.media.matches ? 'dark' : 'light');
  let stored: string | null = null;
  attempt(() => (stored = page.storage?.getItem(COLOR_SCHEME_KEY) ?? null));
  if (isScheme(stored)) state.chooseColorScheme(stored);

  const show = (scheme: ColorScheme) => {
    page.root.dataset.theme = scheme;
    page.root.style.colorScheme = scheme;
  };
  show(colorSchemeOf(store.getState()));
  const stopShowing = store.subscribe(colorSchemeOf, show);
  const stopKeeping = store.subscribe(
    (current) => current.chosenColorScheme,
    (choice) => attempt(() => (choice ? page.storage?.setItem(COLOR_SCHEME_KEY, choice) : page.storage?.removeItem(COLOR_SCHEME_KEY))),
  );
  const onSystemChange = (event: { matches: boolean }) => store.getState().setSystemColorScheme(event.matches ? 'dark' : 'light');
  page.media.addEventListener('change', onSystemChange);
  return () => {
    stopShowing();
    stopKeeping();
    page.media.removeEventListener('change', onSystemChange);
  };
}
