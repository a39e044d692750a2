import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomDoc } from '../../../analysis/reference.ts';
import type { Diagram } from '../../../model/types.ts';
import { describeImportError } from '../../errors.ts';
import { parentsFirst } from '../../order.ts';
import { diagramArb } from '../../test-support/arbitraries.ts';
import { exportMermaid } from './export.ts';
import { parseFlowchart } from './flowchart/parser.ts';
import { importMermaid } from './import.ts';
import { labelText, mermaidLabel } from './text.ts';

async function reimported(text: string): Promise<Diagram> {
  const result = await importMermaid(text);
  if (!result.ok) throw new Error(`${describeImportError(result.error)}\n${text}`);
  return result.doc;
}

const withoutRecords = (text: string) => text.replace(/^ *%% faultline: .*\n/gm, '');

describe('Faultline → Mermaid → Faultline', () => {
  it('gives back the same document (nodes parents first, as every import orders them)', async () => {
    await fc.assert(
      fc.asyncProperty(diagramArb(), async (doc) => {
        expect(await reimported(exportMermaid(doc))).toStrictEqual({ ...doc, nodes: parentsFirst(doc.nodes) });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the labels, edges, groups and async edges in the visible diagram alone, for review-sized documents', async () => {
    await fc.assert(
      fc.asyncProperty(randomDoc(8, 14), async (doc) => {
        const text = withoutRecords(exportMermaid(doc));
        expect(text).not.toContain('faultline:');
        const back = await reimported(text);
        const shape = (each: Diagram) => ({
          labels: each.nodes.map((node) => node.label).sort(),
          // A self-loop needs its record: drawn alone, it says nothing the review uses.
          edges: each.edges.filter((edge) => edge.source !== edge.target).map((edge) => `${edge.source}>${edge.target}`).sort(),
          // Groups come back under ids that say their kind (`zone_z1`), so by label.
          parents: each.nodes.filter((node) => node.parentId !== undefined).map((node) => `${node.label}<${each.nodes.find((parent) => parent.id === node.parentId)?.label}`).sort(),
          kinds: each.nodes.map((node) => `${node.label}:${node.kind}`).sort(),
          async: each.edges.filter((edge) => edge.props.kind === 'async' && edge.source !== edge.target).map((edge) => `${edge.source}>${edge.target}`).sort(),
        });
        const expected = shape(doc);
        // Without records the visible text is all there is: classes say the kinds,
        // group ids say zone or region, dashed is async.
        expect(shape(back)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('writes labels that read back as exactly their text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('<br>', '#quot;', '`x`', ' a  b ', '-->', ']])', '%%')), (text) => {
        expect(labelText(mermaidLabel(text))).toBe(text);
      }),
    );
  });
});

describe('the Mermaid export', () => {
  const doc: Diagram = {
    format: 'faultline',
    version: 2,
    title: 'Shop <b>',
    nodes: [
      { id: 'eu', kind: 'region', label: 'Europe', position: { x: 0, y: 0 }, size: { width: 800, height: 400 }, props: {} },
      { id: 'az 1', kind: 'zone', label: 'AZ 1', position: { x: 10, y: 40 }, size: { width: 300, height: 200 }, parentId: 'eu', props: {} },
      { id: 'web', kind: 'client', label: 'Web', position: { x: 0, y: 0 }, props: {} },
      { id: 'end', kind: 'service', label: 'Orders "API" <script>', position: { x: 20, y: 40 }, parentId: 'az 1', props: { replicas: 2 } },
      { id: 'db', kind: 'sql-database', label: 'Orders DB', position: { x: 200, y: 40 }, props: {} },
      { id: 'q', kind: 'queue', label: 'Jobs', position: { x: 200, y: 140 }, props: {} },
    ],
    edges: [
      { id: 'e1', source: 'web', target: 'end', label: 'HTTPS | JSON', props: {} },
      { id: 'e2', source: 'end', target: 'db', props: {} },
      { id: 'e3', source: 'end', target: 'q', props: { kind: 'async' } },
    ],
  };
  const text = exportMermaid(doc);

  it('is a flowchart with safe ids, quoted and escaped labels, subgraphs, cylinders and dashed async edges', () => {
    expect(text.split('\n').slice(0, 17)).toEqual([
      '---',
      'title: "Shop b"',
      '---',
      'flowchart LR',
      '  web(["Web"]):::client',
      '  node_2["Orders #34;API#34; #60;script#62;"]:::service',
      '  db[("Orders DB")]:::sql_database',
      '  q[["Jobs"]]:::queue',
      '  subgraph region_eu["Europe"]',
      '    subgraph zone_1["AZ 1"]',
      '      node_2',
      '    end',
      '  end',
      '  web -->|"HTTPS #124; JSON"| node_2',
      '  node_2 --> db',
      '  node_2 -.-> q',
      '  %% Faultline data: kinds, properties and positions, so this opens in Faultline as the same design. Mermaid ignores these lines.',
    ]);
    expect(text).toContain('%% faultline: {"title":"Shop <b>"}');
    expect(text).toContain('%% faultline: {"node":"node_2","id":"end","kind":"service","position":{"x":20,"y":40},"props":{"replicas":2}}');
    expect(text).toContain('%% faultline: {"edge":["node_2","q"],"id":"e3","props":{"kind":"async"}}');
  });

  it('parses with the flowchart grammar, and reads back as the same document', async () => {
    expect(parseFlowchart(text).ok).toBe(true);
    expect(await reimported(text)).toStrictEqual({ ...doc, nodes: parentsFirst(doc.nodes) });
  });

  it('still reads as the design without its records: kinds by class, groups by id', async () => {
    const back = await reimported(withoutRecords(text));
    expect(back.nodes.map((node) => [node.id, node.kind, node.parentId])).toEqual([
      ['region_eu', 'region', undefined],
      ['zone_1', 'zone', 'region_eu'],
      ['web', 'client', undefined],
      ['node_2', 'service', 'zone_1'],
      ['db', 'sql-database', undefined],
      ['q', 'queue', undefined],
    ]);
    expect(back.edges.map((edge) => edge.props.kind ?? 'request')).toEqual(['request', 'request', 'async']);
  });
});

describe('docs/mermaid.md', () => {
  it('shows an export that reads back as it says: kinds by class, groups by id, the edge kinds', async () => {
    const page = readFileSync(new URL('../../../../docs/mermaid.md', import.meta.url), 'utf8');
    const block = /```mermaid\n([\s\S]*?)```/.exec(page)?.[1] ?? '';
    const records = /```\n(%% faultline: [\s\S]*?)```/.exec(page)?.[1] ?? '';
    const back = await reimported(block + records);
    expect(back.nodes.map((node) => [node.id, node.kind, node.parentId])).toEqual([
      ['region_eu', 'region', undefined],
      ['zone_a', 'zone', 'region_eu'],
      // Nodes with records first, in the records' order.
      ['api', 'service', 'zone_a'],
      ['web', 'client', undefined],
      ['db', 'sql-database', undefined],
    ]);
    expect(back.nodes.find((node) => node.id === 'api')).toMatchObject({ position: { x: 40, y: 80 }, props: { replicas: 2 } });
    expect(back.edges.map((edge) => [edge.id, edge.label, edge.props.kind])).toEqual([
      ['web-api', undefined, undefined],
      ['e2', 'writes', 'async'],
    ]);
  });
});
