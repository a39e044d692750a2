import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../model/types.ts';
import { exportJson } from './export.ts';
import { describeImportError, importDocument, importValue } from './import.ts';
import { canonicalNodeOrder, compareIds, parentsFirst } from './order.ts';
import { diagramArb } from './test-support/arbitraries.ts';

// Property tests over generated valid documents.

const inFileOrder = (doc: Diagram): Diagram => ({
  ...doc,
  nodes: canonicalNodeOrder(doc.nodes),
  edges: [...doc.edges].sort((a, b) => compareIds(a.id, b.id)),
});

function imported(text: string): Diagram {
  const result = importDocument(text);
  if (!result.ok) throw new Error(describeImportError(result.error));
  return result.doc;
}

describe('round trip', () => {
  it('export -> import gives the same document (in file order)', () => {
    fc.assert(
      fc.property(diagramArb(), (doc) => {
        expect(imported(exportJson(doc))).toStrictEqual(inFileOrder(doc));
      }),
      { numRuns: 300 },
    );
  });

  it('export is idempotent: export -> import -> export is byte-identical', () => {
    fc.assert(
      fc.property(diagramArb(), (doc) => {
        const text = exportJson(doc);
        expect(exportJson(imported(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('importValue keeps a stored document as it was, parents first', () => {
    fc.assert(
      fc.property(diagramArb(), (doc) => {
        const result = importValue(doc);
        if (!result.ok) throw new Error(describeImportError(result.error));
        expect(result.doc).toStrictEqual({ ...doc, nodes: parentsFirst(doc.nodes) });
      }),
      { numRuns: 300 },
    );
  });

  it('the order of nodes and edges in a file does not change what is exported', () => {
    fc.assert(
      fc.property(diagramArb(), fc.nat(), (doc, seed) => {
        const shuffle = <T,>(list: readonly T[]): T[] => {
          const out = [...list];
          for (let i = out.length - 1; i > 0; i--) {
            seed = (seed * 9301 + 49297) % 233280;
            const j = seed % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const text = exportJson({ ...doc, edges: shuffle(doc.edges), nodes: parentsFirst(shuffle(doc.nodes)) });
        expect(text).toBe(exportJson(doc));
      }),
      { numRuns: 200 },
    );
  });
});
