import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../templates/index.ts';
import { addNode, connect, setNodeProp } from '../model/ops.ts';
import { emptyDiagram } from '../model/types.ts';
import { svgPaint, TOKENS } from '../theme/tokens.ts';
import { escapeXml, exportSvg } from './export-svg.ts';

const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)"> & "quotes"';

function hostileDoc() {
  let doc = emptyDiagram(hostile);
  doc = addNode(doc, 'zone', { x: -100, y: -50 }, { id: 'z', label: hostile });
  doc = addNode(doc, 'service', { x: 20, y: 40 }, { id: 's', label: hostile, parentId: 'z' });
  doc = addNode(doc, 'client', { x: 600, y: 300 }, { id: 'c', label: 'onload=alert(3)' });
  doc = setNodeProp(doc, 's', 'replicas', 3);
  return connect(doc, 'c', 's', { id: 'e', props: { kind: 'async', protocol: '<b onclick=x>' } });
}

describe('exportSvg', () => {
  it('carries no script and no event attribute whatever the labels say', () => {
    const svg = exportSvg(hostileDoc());
    // Text is escaped, so every "<" left in the file opens a tag this module wrote.
    const tags = [...svg.matchAll(/<\/?([a-zA-Z]+)([^>]*)>/g)];
    const names = new Set(tags.map((tag) => tag[1]));
    expect([...names].sort()).toEqual(['defs', 'line', 'marker', 'path', 'rect', 'svg', 'text', 'title', 'tspan']);
    const attributes = tags.flatMap((tag) => [...tag[2]!.matchAll(/\s([a-zA-Z:-]+)=/g)].map((match) => match[1]!));
    expect(attributes.filter((name) => /^on/i.test(name))).toEqual([]);
    expect(svg).toContain(escapeXml(hostile));
    expect(svg).not.toContain('<script');
  });

  it('fits the view box to the content', () => {
    const svg = exportSvg(hostileDoc());
    const [, x, y, width, height] = /viewBox="(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg)!.map(Number);
    expect(x).toBe(-132);
    expect(y).toBe(-82);
    expect(x! + width!).toBe(600 + 180 + 32);
    expect(y! + height!).toBe(300 + 64 + 32);
  });

  it('draws children at their absolute place, dashed async edges and replica counts', () => {
    const svg = exportSvg(hostileDoc());
    expect(svg).toContain('<rect x="-80" y="-10" width="180" height="64"');
    expect(svg).toContain('stroke-dasharray="8 5"');
    expect(svg).toContain('×3');
  });

  it.each(TEMPLATES.flatMap((template) => [[template.id, 'light'] as const, [template.id, 'dark'] as const]))('is well-formed XML for %s, %s', (id, theme) => {
    const svg = exportSvg(TEMPLATES.find((template) => template.id === id)!.doc, { theme });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('<path d="M 0 0 L 10 5 L 0 10 z" fill="');
  });

  it('is well-formed for an empty diagram', () => {
    expect(exportSvg(emptyDiagram())).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });

  const coloursIn = (svg: string) => new Set([...svg.matchAll(/(?:fill|stroke)="(#[0-9a-f]{6})"/g)].map((match) => match[1]!));
  const paletteOf = (theme: 'light' | 'dark') => new Set(Object.values(TOKENS[theme]).map((colour) => svgPaint(colour).colour));

  it('paints in the canvas tokens, light unless asked', () => {
    const light = exportSvg(hostileDoc());
    expect([...coloursIn(light)].filter((colour) => !paletteOf('light').has(colour))).toEqual([]);
    expect(light).toContain(`fill="${TOKENS.light.bg}"`);
    expect(light).toContain(`fill="${TOKENS.light.node}" stroke="${TOKENS.light.border}"`);
    // A zone's see-through tint stays see-through.
    expect(light).toContain(`fill="${svgPaint(TOKENS.light.zone).colour}" fill-opacity="${svgPaint(TOKENS.light.zone).opacity}"`);
  });

  it('draws in the dark tokens when asked', () => {
    const dark = exportSvg(hostileDoc(), { theme: 'dark' });
    expect([...coloursIn(dark)].filter((colour) => !paletteOf('dark').has(colour))).toEqual([]);
    expect(dark).toContain(`fill="${TOKENS.dark.bg}"`);
    expect(dark).toContain(`fill="${TOKENS.dark.text}"`);
    expect(dark).not.toContain(`fill="${TOKENS.light.text}"`);
  });
});
