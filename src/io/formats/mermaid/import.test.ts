import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../../model/types.ts';
import { describeImportError } from '../../errors.ts';
import type { ImportResult } from '../../import.ts';
import { MAX_FILE_BYTES } from '../../limits.ts';
import { formatByExtension, formatBySniff, openDocument } from '../registry.ts';
import type { ReportEntry } from '../report.ts';
import { diagramArb } from '../../test-support/arbitraries.ts';
import { exportMermaid } from './export.ts';
import { importMermaid } from './import.ts';

const example = (name: string) => readFileSync(new URL(`./examples/${name}`, import.meta.url), 'utf8');

async function imported(text: string): Promise<Extract<ImportResult, { ok: true }>> {
  const result = await importMermaid(text);
  if (!result.ok) throw new Error(describeImportError(result.error));
  return result;
}

const kinds = (doc: Diagram) => Object.fromEntries(doc.nodes.map((node) => [node.id, node.kind]));
const entry = (result: ImportResult, id: string): ReportEntry | undefined => (result.ok ? result.report?.entries.find((each) => each.id === id) : undefined);

describe('a README-style flowchart', () => {
  it('maps shapes and label words to kinds, zone and region subgraphs to groups, and dotted edges to async', async () => {
    const result = await imported(example('shop-flowchart.mmd'));
    const { doc } = result;
    expect(doc.title).toBe('Shop');
    expect(kinds(doc)).toEqual({
      euw1: 'region',
      az_a: 'zone',
      az_b: 'zone',
      users: 'client',
      cdn: 'cdn',
      lb: 'load-balancer',
      web1: 'service',
      web2: 'service',
      api: 'service',
      db: 'sql-database',
      cache: 'cache',
      queue: 'queue',
      worker: 'worker',
      stripe: 'external',
    });
    const parents = Object.fromEntries(doc.nodes.filter((node) => node.parentId).map((node) => [node.id, node.parentId]));
    expect(parents).toEqual({ az_a: 'euw1', az_b: 'euw1', web1: 'az_a', web2: 'az_b' });
    expect(doc.edges.find((edge) => edge.target === 'queue')).toMatchObject({ source: 'api', label: 'order placed', props: { kind: 'async' } });
    expect(doc.edges.find((edge) => edge.target === 'db')).toMatchObject({ label: 'reads and writes', props: {} });
    expect(doc.edges).toHaveLength(11);
  });

  it('reports every element: how each kind was chosen, the guesses, and what was dropped and why', async () => {
    const result = await imported(example('shop-flowchart.mmd'));
    expect(result.notes[0]).toBe('Mermaid import of a flowchart: 11 components (9 by label, 2 by default), 3 groups, 11 edges; dropped 2 shapes and 1 edge; 3 guesses.');
    expect(result.notes).toContain('container "Operations" (id "ops"): dropped: not a zone or region (Faultline groups only by failure domain); what it holds stays, outside it');
    expect(result.notes).toContain('shape "Web 1" (id "web1"): service, by default (guessed): neither its shape nor its label names a kind, so it is taken as a service');
    expect(entry(result, 'db')).toMatchObject({ kind: 'sql-database', how: 'label', detail: 'a cylinder whose label says "postgres"' });
    expect(entry(result, 'api → queue')).toMatchObject({ kind: 'async', how: 'shape', guessed: true });
    expect(entry(result, 'grafana → api')).toMatchObject({ outcome: 'dropped', detail: '"grafana" is not kept' });
  });

  it('reads arrowheads for direction, drops invisible links and self-loops, and takes a cylinder as SQL unless its label says more', async () => {
    const { doc, report } = await imported('flowchart LR\n  a[Orders] <--- b[Billing]\n  c[(Ledger)] ~~~ a\n  a --> a\n  d[(Sessions)] --- e[(Mongo)]\n');
    expect(doc.edges.map((edge) => [edge.source, edge.target])).toEqual([
      ['b', 'a'],
      ['d', 'e'],
    ]);
    expect(kinds(doc)).toMatchObject({ c: 'sql-database', e: 'nosql-database' });
    expect(report?.entries.filter((each) => each.outcome === 'dropped').map((each) => each.detail)).toEqual(['an invisible link (~~~) only places nodes', 'both ends are the same node']);
    expect(report?.entries.find((each) => each.id === 'd → e')?.guessed).toBe(true);
  });

  it('places nodes in layers along the direction, inside groups sized to hold them', async () => {
    const { doc } = await imported('flowchart LR\n  a --> b --> c\n  subgraph z [Zone 1]\n    c\n  end\n');
    const at = Object.fromEntries(doc.nodes.map((node) => [node.id, node.position]));
    expect(at.a!.x).toBeLessThan(at.b!.x);
    expect(at.b!.x).toBeLessThan(at.z!.x);
    const zone = doc.nodes.find((node) => node.id === 'z')!;
    expect(zone.size!.width).toBeGreaterThanOrEqual(at.c!.x + 180);
    const down = await imported('flowchart TB\n  a --> b\n');
    expect(down.doc.nodes[0]!.position.y).toBeLessThan(down.doc.nodes[1]!.position.y);
  });
});

describe('architecture-beta, through Mermaid\'s own parser', () => {
  it('maps groups, services by icon and label, and joins junctions away', async () => {
    const result = await imported(example('shop-architecture.mmd'));
    const { doc } = result;
    expect(doc.title).toBe('Shop on one cloud');
    expect(kinds(doc)).toEqual({
      region: 'region',
      az1: 'zone',
      internet: 'client',
      gateway: 'api-gateway',
      api: 'service',
      db: 'sql-database',
      files: 'object-storage',
      fn: 'service',
    });
    expect(doc.nodes.find((node) => node.id === 'db')?.parentId).toBe('az1');
    expect(doc.edges.map((edge) => `${edge.source}>${edge.target}`)).toEqual(['internet>gateway', 'gateway>api', 'api>db', 'api>files', 'api>fn']);
    expect(entry(result, 'fanout')).toMatchObject({ element: 'junction', outcome: 'merged' });
    expect(entry(result, 'api → files')).toMatchObject({ guessed: false, detail: 'a request, as every architecture edge is; it runs through junction "fanout"' });
    expect(entry(result, 'ci')).toMatchObject({ outcome: 'dropped' });
    expect(result.notes[0]).toBe('Mermaid import of an architecture diagram: 6 components (2 by shape, 4 by label), 2 groups, 5 edges; dropped 2 shapes and 0 edges; 0 guesses.');
  });

  it('reads edge titles, and an arrowhead on the left as pointing left', async () => {
    const { doc } = await imported('architecture-beta\n  service a(server)[Web]\n  service b(database)[Redis cache]\n  a:R <-[events]- L:b\n');
    expect(doc.edges).toEqual([{ id: 'b-a', source: 'b', target: 'a', label: 'events', props: { kind: 'async' } }]);
    expect(kinds(doc)).toEqual({ a: 'service', b: 'cache' });
  });

  it('says where its syntax is wrong, with the parser\'s words', async () => {
    const result = await importMermaid('architecture-beta\n  service a(server)[Web]\n  a:R --> L\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'notMermaid', line: 3, column: 12 });
    expect(describeImportError(result.error)).toMatch(/^Not a readable Mermaid diagram at line 3, column 12: /);
  });

  it('drops an edge to a service that is not defined', async () => {
    const result = await imported('architecture-beta\n  service a(server)[Web]\n  a:R --> L:ghost\n');
    expect(result.doc.edges).toEqual([]);
    expect(entry(result, 'a → ghost')).toMatchObject({ outcome: 'dropped', detail: '"ghost" is not defined' });
  });
});

describe('bad and hostile input', () => {
  it('says which Mermaid diagrams it reads when given another', async () => {
    const result = await importMermaid('%% notes\n\n  sequenceDiagram\n  a->>b: hi\n');
    expect(result.ok || describeImportError(result.error)).toBe(
      'Not a readable Mermaid diagram at line 3, column 3: it is a Mermaid "sequenceDiagram" diagram; Faultline reads flowcharts ("flowchart", "graph") and "architecture-beta".',
    );
  });

  it('gives a flowchart syntax error with its line and column', async () => {
    const result = await importMermaid('flowchart LR\n  a --> b\n  b -- oops\n');
    expect(result.ok || describeImportError(result.error)).toBe(
      'Not a readable Mermaid diagram at line 3, column 5: an edge label started with "--" is not closed on its line (write "-- text -->" or "-->|text|").',
    );
  });

  it('refuses text over the size limit before parsing it', async () => {
    const result = await importMermaid(`flowchart LR\n%% ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    expect(result.ok || result.error.kind).toBe('tooLarge');
  });

  it('takes prototype names as plain ids, in both syntaxes, and changes no prototype', async () => {
    const flow = await imported('flowchart LR\n  __proto__[Proto] --> constructor[Builder] --> prototype\n  %% faultline: {"node":"__proto__","props":{"polluted":true}}\n');
    expect(flow.doc.nodes.map((node) => node.id).sort()).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(flow.doc.nodes.find((node) => node.id === '__proto__')?.props).toEqual({ polluted: true });
    const arch = await imported('architecture-beta\n  service __proto__(server)[P]\n  service hasOwnProperty(server)[Q]\n  __proto__:R --> L:hasOwnProperty\n');
    expect(arch.doc.edges.map((edge) => [edge.source, edge.target])).toEqual([['__proto__', 'hasOwnProperty']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a record whose props hold a prototype key, as every import does', async () => {
    const result = await importMermaid('flowchart LR\n  a\n  %% faultline: {"node":"a","props":{"__proto__":{"polluted":true}}}\n');
    expect(result.ok || result.error.kind).toBe('invalidDocument');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps HTML in labels as the characters it is, turning only line breaks into spaces', async () => {
    const { doc } = await imported('flowchart LR\n  a["<img src=x onerror=alert(1)>"] --> b["Line one<br/>line two"]\n  c["#quot;Quoted#quot; #35;1 &amp;"]\n  d["`**Markdown**`"]\n');
    expect(doc.nodes.map((node) => node.label)).toEqual(['<img src=x onerror=alert(1)>', 'Line one line two', '"Quoted" #1 &amp;', '**Markdown**']);
  });

  it('leaves out unreadable records and says so', async () => {
    const result = await imported('flowchart LR\n  a\n  %% faultline: not json\n  %% faultline: {"neither": 1}\n');
    expect(result.notes.at(-1)).toBe('2 "%% faultline:" lines are not Faultline data and were left out.');
  });

  it('lets a record set a kind and keeps a label edited in the Mermaid text', async () => {
    const { doc } = await imported('flowchart LR\n  a["Edited label"]\n  %% faultline: {"node":"a","kind":"coordination","position":{"x":5,"y":6}}\n');
    expect(doc.nodes[0]).toEqual({ id: 'a', kind: 'coordination', label: 'Edited label', position: { x: 5, y: 6 }, props: {} });
  });
});

describe('any text at all', () => {
  // Mermaid's syntax characters, so random text reaches deep into the grammar.
  const syntax = fc.string({ unit: fc.constantFrom(...'ab \n;&|"[](){}<>-=.~ox:@%#/\\`'.split('')), maxLength: 80 });

  it('gives a document or a located error, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('flowchart LR\n', 'graph\n', 'architecture-beta\n', ''), fc.oneof(syntax, fc.string()), async (header, body) => {
        const result = await importMermaid(header + body);
        if (!result.ok && result.error.kind === 'notMermaid') {
          expect(result.error.line).toBeGreaterThanOrEqual(1);
          expect(result.error.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('survives an exported diagram with a piece cut out or repeated', async () => {
    await fc.assert(
      fc.asyncProperty(diagramArb({ maxComponents: 5, maxEdges: 5 }), fc.nat(), fc.nat(40), fc.boolean(), async (doc, from, length, repeat) => {
        const text = exportMermaid(doc);
        const at = from % text.length;
        const piece = text.slice(at, at + length);
        await importMermaid(repeat ? text.slice(0, at) + piece + piece + text.slice(at + length) : text.slice(0, at) + text.slice(at + length));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the format registry', () => {
  it('opens .mmd and .mermaid files, and pasted Mermaid text by its first line', async () => {
    expect(formatByExtension('docs/arch.mmd')?.id).toBe('mermaid');
    expect(formatByExtension('ARCH.MERMAID')?.id).toBe('mermaid');
    expect(formatBySniff('---\ntitle: x\n---\n%%{init: {}}%%\n\nflowchart LR\n a')?.id).toBe('mermaid');
    expect(formatBySniff('architecture-beta\n')?.id).toBe('mermaid');
    expect(formatBySniff('sequenceDiagram\n')).toBeUndefined();
    expect(formatBySniff('graphical notes\n')).toBeUndefined();
    const opened = await openDocument('graph TD\n  a[Web] --> b[(Orders)]\n', { source: 'the paste' });
    expect(opened.ok && opened.doc.nodes.map((node) => node.kind)).toEqual(['service', 'sql-database']);
  });
});
