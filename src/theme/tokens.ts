// The design tokens, once per theme: the one home of every colour the app and its
// pictures use. The custom properties at the top of app/styles.css are written from this
// table (`npm run docs`; a test fails when they differ) and the SVG and PNG exports read
// it directly, so the canvas
// and a picture of it cannot drift apart. Headless: no DOM, so the CLI can draw too.

export type Theme = 'light' | 'dark';

export const TOKEN_NAMES = [
  'bg',
  'panel',
  'text',
  'muted',
  'border',
  'accent',
  'accent-soft',
  'accent-strong',
  'badge-bg',
  'tooltip-bg',
  'tooltip-text',
  'error',
  'warning',
  'info',
  'on-severity',
  'cp',
  'ap',
  'node',
  'region',
  'zone',
  'on-peer',
  'peer-red',
  'peer-orange',
  'peer-amber',
  'peer-green',
  'peer-teal',
  'peer-indigo',
  'peer-purple',
  'peer-pink',
] as const;

export type TokenName = (typeof TOKEN_NAMES)[number];
export type Tokens = Readonly<Record<TokenName, string>>;

// Text colours (text, muted, the severities, cp, ap) hold 4.5:1 against panel, bg and
// accent-soft. Peer colours (collab/presence.ts PEER_COLOURS) each carry on-peer text at
// 4.5:1 or more and stand 3:1 off bg.
export const TOKENS: Readonly<Record<Theme, Tokens>> = {
  light: {
    bg: '#f8fafc',
    panel: '#ffffff',
    text: '#0f172a',
    muted: '#526072',
    border: '#d5dde8',
    accent: '#2563eb',
    'accent-soft': '#dbeafe',
    'accent-strong': '#1d4ed8',
    'badge-bg': '#dbeafe',
    'tooltip-bg': '#0f172a',
    'tooltip-text': '#f8fafc',
    error: '#c81e1e',
    warning: '#b45309',
    info: '#0369a1',
    'on-severity': '#ffffff',
    cp: '#6d28d9',
    ap: '#065f46',
    node: '#ffffff',
    region: 'rgba(37, 99, 235, 0.04)',
    zone: 'rgba(15, 118, 110, 0.06)',
    'on-peer': '#ffffff',
    'peer-red': '#b91c1c',
    'peer-orange': '#c2410c',
    'peer-amber': '#a16207',
    'peer-green': '#15803d',
    'peer-teal': '#0f766e',
    'peer-indigo': '#4338ca',
    'peer-purple': '#7e22ce',
    'peer-pink': '#be185d',
  },
  dark: {
    bg: '#0b1120',
    panel: '#111827',
    text: '#e5e7eb',
    muted: '#94a3b8',
    border: '#334155',
    accent: '#60a5fa',
    'accent-soft': '#1e3a8a',
    'accent-strong': '#bfdbfe',
    'badge-bg': '#172554',
    'tooltip-bg': '#e5e7eb',
    'tooltip-text': '#0b1120',
    error: '#f87171',
    warning: '#fbbf24',
    info: '#38bdf8',
    'on-severity': '#0b1120',
    cp: '#a78bfa',
    ap: '#34d399',
    node: '#1f2937',
    region: 'rgba(96, 165, 250, 0.06)',
    zone: 'rgba(45, 212, 191, 0.07)',
    'on-peer': '#0b1120',
    'peer-red': '#f87171',
    'peer-orange': '#fb923c',
    'peer-amber': '#facc15',
    'peer-green': '#4ade80',
    'peer-teal': '#2dd4bf',
    'peer-indigo': '#a5b4fc',
    'peer-purple': '#c084fc',
    'peer-pink': '#f472b6',
  },
};

const SELECTORS: Record<Theme, string> = { light: ':root', dark: ":root[data-theme='dark']" };
const FENCES = { start: '/* generated:tokens (npm run docs, from src/theme/tokens.ts) */', end: '/* end generated:tokens */' };

/** The custom properties, one block per theme keyed off data-theme on <html>. */
export function renderTokensCss(): string {
  return (Object.keys(TOKENS) as Theme[])
    .map((theme) => {
      const lines = TOKEN_NAMES.map((name) => `  --${name}: ${TOKENS[theme][name]};`);
      return `${SELECTORS[theme]} {\n  color-scheme: ${theme};\n${lines.join('\n')}\n}`;
    })
    .join('\n\n');
}

/** `css` with its generated token blocks written afresh; throws when the fences are missing. */
export function withTokens(css: string): string {
  const from = css.indexOf(FENCES.start);
  const to = css.indexOf(FENCES.end);
  if (from < 0 || to < from) throw new Error('No generated token blocks in the stylesheet');
  return `${css.slice(0, from + FENCES.start.length)}\n${renderTokensCss()}\n${css.slice(to)}`;
}

/** A colour as SVG paint: `#rrggbb` as it is, `rgba(...)` as a colour and an opacity,
 *  which every SVG renderer reads (rgba() in a fill is CSS, not SVG 1.1). */
export function svgPaint(colour: string): { colour: string; opacity?: number } {
  const rgba = /^rgba\(\s*(\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\s*\)$/.exec(colour);
  if (!rgba) return { colour };
  const hex = rgba
    .slice(1, 4)
    .map((part) => Number(part).toString(16).padStart(2, '0'))
    .join('');
  return { colour: `#${hex}`, opacity: Number(rgba[4]) };
}
