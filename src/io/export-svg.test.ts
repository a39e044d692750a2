import { describe, expect, it } from 'vitest';
import { addNode, connect, setNodeProp } from '../model/ops.ts';
import { emptyDiagram } from '../model/types.ts';
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

  it('is well-formed for an empty diagram', () => {
    expect(exportSvg(emptyDiagram())).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });
});
