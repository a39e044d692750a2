import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCells } from './cells.ts';
import { importDrawio } from './import.ts';
import { readPages } from './pages.ts';
import { parseStyle } from './style.ts';
import { classifyStyleOnly } from './testing.ts';

// Embedded icons are known by their content: the icon a corpus diagram embeds is the
// same icon, with the same kind, when another file embeds it under any label.

function embeddedImage(file: string, label: string): string {
  const text = readFileSync(new URL(`./corpus/${file}`, import.meta.url), 'utf8');
  const read = readPages(text);
  if (!read.ok) throw new Error(read.reason);
  for (const page of read.pages) {
    const loaded = page.load();
    if (!loaded.ok) continue;
    const cell = readCells(loaded.model).find((each) => each.label.replace(/\s+/g, ' ').trim() === label && each.style.values.has('image'));
    const image = cell?.style.values.get('image');
    if (image) return image;
  }
  throw new Error(`no shape labelled ${label} in ${file}`);
}

const FABRIC = 'modern-data-warehouse-dataops--fabric--fabric_dataops_sample--images--fabric-archi-cicd-highlevel-end.drawio';

describe('embedded icons', () => {
  it('maps Fabric’s notebook, pipeline and lakehouse icons by their content, whatever the label', () => {
    const style = (image: string) => parseStyle(`shape=image;imageAspect=0;image=${image};`);
    expect(classifyStyleOnly(style(embeddedImage(FABRIC, 'Notebooks')))).toBe('worker');
    expect(classifyStyleOnly(style(embeddedImage(FABRIC, 'Data Pipeline')))).toBe('worker');
    expect(classifyStyleOnly(style(embeddedImage(FABRIC, 'Lakehouse')))).toBe('sql-database');
  });

  it('leaves out a provider’s logo, and says which icon it was', () => {
    const image = embeddedImage(FABRIC, 'Microsoft Fabric');
    const result = importDrawio(
      `<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="x" value="Our platform" style="shape=image;image=${image};" vertex="1" parent="1"><mxGeometry width="60" height="60" as="geometry"/></mxCell></root></mxGraphModel>`,
    );
    expect(result.ok && result.report?.entries[0]).toMatchObject({ outcome: 'dropped', detail: expect.stringContaining('provider_logo_microsoft_fabric') });
  });

  it('does not know an icon it has never seen, so the label decides', () => {
    expect(classifyStyleOnly(parseStyle('shape=image;image=data:image/svg+xml,PHN2Zz48L3N2Zz4=;'))).toBeUndefined();
  });
});

describe('tables and label words', () => {
  const lone = (label: string, style: string) =>
    importDrawio(
      `<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="x" value="${label}" style="${style}" vertex="1" parent="1"><mxGeometry width="80" height="40" as="geometry"/></mxCell></root></mxGraphModel>`,
    );

  it('leaves out a table’s cells, even one whose text names a component', () => {
    const result = lone('S3 Gateway', 'shape=partialRectangle;html=1;top=0;left=0;');
    expect(result.ok && result.report?.entries[0]).toMatchObject({ outcome: 'dropped', detail: 'a row or cell of a table, not a component' });
  });

  it.each([
    ['AWS AppSync Events', 'api-gateway'],
    ['Data Factory', 'worker'],
    ['ML Model (Bedrock Connector)', 'external'],
    ['Power BI report', 'client'],
  ])('reads %j as %s', (label, kind) => {
    const result = lone(label, 'rounded=1;');
    expect(result.ok && result.doc.nodes[0]?.kind).toBe(kind);
  });
});
