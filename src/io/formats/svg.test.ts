import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportSvg } from '../export-svg.ts';
import { importDocument } from '../import.ts';
import { svgImage } from './svg.ts';

describe('the SVG image format', () => {
  it('writes the SVG export', async () => {
    const opened = importDocument(readFileSync(new URL('../fixtures/v1-everything.faultline.json', import.meta.url), 'utf8'));
    if (!opened.ok) throw new Error('the fixture did not open');
    const svg = await svgImage.serialize(opened.doc);
    expect(svg).toBe(exportSvg(opened.doc));
    expect(svg).toMatch(/^<svg /);
  });

  it('is only written: nothing opens from it', () => {
    expect(svgImage.parse).toBeUndefined();
    expect(svgImage.sniff).toBeUndefined();
  });
});
