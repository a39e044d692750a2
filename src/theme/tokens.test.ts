import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { svgPaint, TOKEN_NAMES, TOKENS, withTokens } from './tokens.ts';

const css = readFileSync(new URL('../app/styles.css', import.meta.url), 'utf8');
/** Set inline by components: a person's colour (canvas/PeerMarks.tsx and others). */
const SET_INLINE = ['peer'];

describe('the design tokens', () => {
  it('are written into the stylesheet as the table says (run npm run docs after changing it)', () => {
    expect(withTokens(css)).toBe(css);
  });

  it('give every theme a value for every name, and nothing else', () => {
    for (const tokens of Object.values(TOKENS)) expect(Object.keys(tokens).sort()).toEqual([...TOKEN_NAMES].sort());
  });

  it('name every custom property the stylesheet reads that it does not set itself', () => {
    const read = new Set([...css.matchAll(/var\(--([\w-]+)/g)].map((match) => match[1]!));
    const setLocally = new Set([...css.replace(/\/\* generated:tokens[\s\S]*end generated:tokens \*\//, '').matchAll(/(?:^|[\s;{])--([\w-]+):/g)].map((match) => match[1]!));
    const missing = [...read].filter((name) => !setLocally.has(name) && !SET_INLINE.includes(name) && !(TOKEN_NAMES as readonly string[]).includes(name));
    expect(missing).toEqual([]);
  });

  it('refuse a stylesheet without the generated block', () => {
    expect(() => withTokens(':root {}')).toThrow(/token/);
  });
});

describe('svgPaint', () => {
  it('keeps a hex colour and splits rgba into a colour and an opacity', () => {
    expect(svgPaint('#0f172a')).toEqual({ colour: '#0f172a' });
    expect(svgPaint('rgba(37, 99, 235, 0.04)')).toEqual({ colour: '#2563eb', opacity: 0.04 });
  });
});
