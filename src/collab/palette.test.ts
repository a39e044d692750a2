import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PEER_COLOURS } from './presence.ts';

// The peer colours are design tokens in app/styles.css, once per theme. Names on a
// tag are text on the colour (WCAG AA, 4.5:1), and a pointer or an outline must
// stand out from the canvas (3:1 for graphics).

const css = readFileSync(new URL('../app/styles.css', import.meta.url), 'utf8');

function tokensOf(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  const block = css.slice(start, css.indexOf('}', start));
  return new Map([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe.each([
  ['light', ':root'],
  ['dark', ":root[data-theme='dark']"],
])('the peer colours in the %s theme', (_theme, selector) => {
  const tokens = tokensOf(selector);
  it.each(PEER_COLOURS.map((colour) => [colour]))('%s carries its name and stands out from the canvas', (colour) => {
    const mark = tokens.get(`peer-${colour}`);
    expect(mark, `--peer-${colour} in ${selector}`).toBeDefined();
    expect(contrast(mark!, tokens.get('on-peer')!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(mark!, tokens.get('bg')!)).toBeGreaterThanOrEqual(3);
  });
});
