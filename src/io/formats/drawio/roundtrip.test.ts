import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../model/catalogue.ts';
import type { Diagram } from '../../../model/types.ts';
import { describeImportError } from '../../errors.ts';
import { parentsFirst } from '../../order.ts';
import { diagramArb } from '../../test-support/arbitraries.ts';
import { exportDrawio, styleForKind } from './export.ts';
import { importDrawio } from './import.ts';
import { parseStyle } from './style.ts';
import { classifyStyleOnly } from './testing.ts';

function reimported(doc: Diagram): Diagram {
  const result = importDrawio(exportDrawio(doc));
  if (!result.ok) throw new Error(describeImportError(result.error));
  return result.doc;
}

describe('Faultline → draw.io → Faultline', () => {
  it('gives back the same document (nodes parents first, as every import orders them)', () => {
    fc.assert(
      fc.property(diagramArb(), (doc) => {
        expect(reimported(doc)).toStrictEqual({ ...doc, nodes: parentsFirst(doc.nodes) });
      }),
      { numRuns: 300 },
    );
  });

  it('writes one uncompressed page whose shapes carry their kind in the style', () => {
    const text = exportDrawio({ format: 'faultline', version: 2, title: 'Shop', nodes: [{ id: 'db', kind: 'sql-database', label: 'Orders', position: { x: 1, y: 2 }, props: { replicas: 2 } }], edges: [] });
    expect(text).toContain('<diagram id="faultline" name="Shop">');
    expect(text).toContain('shape=cylinder3;');
    expect(text).toContain('faultline=sql-database;');
    expect(text).toContain('faultline="{&#34;props&#34;:{&#34;replicas&#34;:2}}"');
  });

  it('has a style per kind that the importer maps back to the kind without any other data', () => {
    for (const info of CATALOGUE) expect(classifyStyleOnly(parseStyle(styleForKind(info.kind)))).toBe(info.kind);
  });
});
