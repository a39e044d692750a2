import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../../model/types.ts';
import { describeImportError } from '../../errors.ts';
import type { ImportResult } from '../../import.ts';
import { importDrawio } from './import.ts';
import type { ReportEntry } from '../report.ts';

const page = (cells: string, name = 'Shop') =>
  `<mxfile host="test"><diagram id="p1" name="${name}"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>${cells}</root></mxGraphModel></diagram></mxfile>`;
const vertex = (id: string, value: string, style: string, x = 0, y = 0, parent = '1', width = 80, height = 60) =>
  `<mxCell id="${id}" value="${value}" style="${style}" vertex="1" parent="${parent}"><mxGeometry x="${x}" y="${y}" width="${width}" height="${height}" as="geometry"/></mxCell>`;
const edge = (id: string, source: string, target: string, style = '', value = '') =>
  `<mxCell id="${id}" value="${value}" style="${style}" edge="1" parent="1" source="${source}" target="${target}"><mxGeometry relative="1" as="geometry"/></mxCell>`;

function opened(result: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!result.ok) throw new Error(describeImportError(result.error));
  return result;
}
const node = (doc: Diagram, id: string) => doc.nodes.find((each) => each.id === id);
const entry = (result: ImportResult, cell: string): ReportEntry | undefined => (result.ok ? result.report?.entries.find((each) => each.id === cell) : undefined);

const SHOP = page(
  [
    vertex('users', 'Users', 'sketch=0;outlineConnect=0;shape=mxgraph.aws4.users;', 0, 100),
    vertex('region', 'us-east-1', 'points=[];shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_region;container=1;', 200, 0, '1', 800, 500),
    vertex('az', 'Availability Zone A', 'fillColor=none;dashed=1;verticalAlign=top;', 20, 40, 'region', 400, 400),
    vertex('api', 'Orders &lt;b&gt;API&lt;/b&gt;&lt;br&gt;v2', 'html=1;shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.lambda;', 40, 40, 'az'),
    vertex('db', 'Orders DB', 'shape=cylinder3;whiteSpace=wrap;', 200, 40, 'az'),
    vertex('redis', 'Session Redis', 'rounded=1;', 40, 200, 'az'),
    vertex('mystery', 'Ledger', 'rounded=1;', 500, 300, 'region'),
    vertex('vpc', 'VPC', 'shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_vpc;', 1200, 0, '1', 300, 300),
    vertex('inside-vpc', 'Billing worker', 'rounded=1;', 20, 20, 'vpc'),
    vertex('note', 'Drawn for the review', 'text;html=1;', 0, 600),
    vertex('iam', 'IAM', 'shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.identity_and_access_management;', 0, 700),
    `<object label="Events" id="bus" owner="team-a"><mxCell style="shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.eventbridge;" vertex="1" parent="1"><mxGeometry x="0" y="800" width="60" height="60" as="geometry"/></mxCell></object>`,
    edge('e1', 'users', 'api'),
    edge('e2', 'api', 'db', 'endArrow=none;startArrow=classic;'),
    edge('e3', 'api', 'bus', 'dashed=1;'),
    edge('e4', 'api', 'redis'),
    vertex('e4-label', 'reads sessions', 'edgeLabel;html=1;', -0.5, 0, 'e4'),
    edge('e5', 'api', 'vpc'),
    edge('e6', 'api', 'inside-vpc', '', 'publish jobs'),
  ].join(''),
);

describe('importDrawio on a plain page', () => {
  const result = opened(importDrawio(SHOP));
  const { doc } = result;

  it('maps shapes by style first: AWS icons, cylinders, AWS region groups', () => {
    expect(node(doc, 'users')?.kind).toBe('client');
    expect(node(doc, 'api')?.kind).toBe('service');
    expect(node(doc, 'db')?.kind).toBe('sql-database');
    expect(node(doc, 'region')?.kind).toBe('region');
    expect(node(doc, 'bus')?.kind).toBe('stream');
    expect(entry(result, 'api')).toMatchObject({ how: 'shape', outcome: 'component' });
  });

  it('then by label words from the catalogue, then a guessed default it says is a guess', () => {
    expect(node(doc, 'redis')?.kind).toBe('cache');
    expect(entry(result, 'redis')).toMatchObject({ how: 'label', guessed: false });
    expect(node(doc, 'mystery')?.kind).toBe('service');
    expect(entry(result, 'mystery')).toMatchObject({ how: 'default', guessed: true });
  });

  it('turns HTML labels into plain text, never markup', () => {
    expect(node(doc, 'api')?.label).toBe('Orders API v2');
  });

  it('keeps zone and region containers as groups, children relative to them', () => {
    expect(node(doc, 'az')).toMatchObject({ kind: 'zone', parentId: 'region', position: { x: 20, y: 40 }, size: { width: 400, height: 400 } });
    expect(node(doc, 'api')).toMatchObject({ parentId: 'az', position: { x: 40, y: 40 } });
    expect(node(doc, 'mystery')).toMatchObject({ parentId: 'region', position: { x: 500, y: 300 } });
  });

  it('drops other containers, keeping their children at their absolute place, and says so', () => {
    expect(node(doc, 'vpc')).toBeUndefined();
    expect(node(doc, 'inside-vpc')).toMatchObject({ kind: 'worker', position: { x: 1220, y: 20 } });
    expect(node(doc, 'inside-vpc')?.parentId).toBeUndefined();
    expect(entry(result, 'vpc')).toMatchObject({ outcome: 'dropped', element: 'container' });
  });

  it('drops text and icons the review does not model, with a reason', () => {
    expect(node(doc, 'note')).toBeUndefined();
    expect(node(doc, 'iam')).toBeUndefined();
    expect(entry(result, 'iam')?.detail).toContain('identity_and_access_management');
  });

  it('reads cells wrapped in <object> with their label', () => {
    expect(node(doc, 'bus')?.label).toBe('Events');
  });

  it('keeps edge direction, reverses one whose arrowhead is at the start, and reads labels', () => {
    const edges = Object.fromEntries(doc.edges.map((each) => [each.id, each]));
    expect(edges.e1).toMatchObject({ source: 'users', target: 'api' });
    expect(edges.e2).toMatchObject({ source: 'db', target: 'api' });
    expect(edges.e4).toMatchObject({ label: 'reads sessions', props: {} });
    expect(edges.e5).toBeUndefined();
    expect(entry(result, 'e5')).toMatchObject({ outcome: 'dropped' });
  });

  it('reads dashed edges as async (a guess) and "publish" edges as async (by label)', () => {
    const edges = Object.fromEntries(doc.edges.map((each) => [each.id, each]));
    expect(edges.e3?.props.kind).toBe('async');
    expect(entry(result, 'e3')).toMatchObject({ guessed: true });
    expect(edges.e6?.props.kind).toBe('async');
    expect(entry(result, 'e6')).toMatchObject({ how: 'label', guessed: false });
  });

  it('reports every shape and edge, with a summary first', () => {
    expect(result.report?.entries.map((each) => each.id).sort()).toEqual(
      ['users', 'region', 'az', 'api', 'db', 'redis', 'mystery', 'vpc', 'inside-vpc', 'note', 'iam', 'bus', 'e1', 'e2', 'e3', 'e4', 'e4-label', 'e5', 'e6'].sort(),
    );
    expect(result.notes[0]).toMatch(/^draw\.io import of its page \("Shop"\): 7 components \(.*\), 2 groups, 5 edges; dropped 3 shapes and 1 edge/);
    expect(result.notes).toContain('shape "Ledger" (cell "mystery"): service, by default (guessed): neither its style nor its label names a kind, so it is taken as a service');
    expect(doc.title).toBe('Shop');
  });
});

function compress(xml: string): string {
  const bytes = deflateSync(new TextEncoder().encode(encodeURIComponent(xml)));
  return btoa(String.fromCharCode(...bytes));
}
const model = (cells: string) => `<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>${cells}</root></mxGraphModel>`;

describe('wrappings and pages', () => {
  const first = model(vertex('a', 'Cache', 'rounded=1;'));
  const second = model(vertex('b', 'Queue', 'rounded=1;') + vertex('c', 'Worker', 'rounded=1;'));
  const file = `<mxfile><diagram name="One">${compress(first)}</diagram><diagram name="Two">${compress(second)}</diagram></mxfile>`;

  it('inflates compressed pages, takes the first by default and says how many there are', () => {
    const result = opened(importDrawio(file));
    expect(result.doc.nodes.map((each) => each.kind)).toEqual(['cache']);
    expect(result.notes[0]).toContain('page 1 of 2 ("One")');
  });

  it('opens the page asked for, and refuses one that does not exist', () => {
    expect(opened(importDrawio(file, { page: 1 })).doc.nodes.map((each) => each.kind)).toEqual(['queue', 'worker']);
    const missing = importDrawio(file, { page: 2 });
    expect(missing.ok || describeImportError(missing.error)).toBe('Not a readable draw.io file: it has 2 pages, so there is no page 3.');
  });

  it('opens a bare <mxGraphModel>', () => {
    expect(opened(importDrawio(first)).doc.nodes).toHaveLength(1);
  });

  it('opens the diagram an SVG export carries', () => {
    const escaped = page(vertex('a', 'Search', 'rounded=1;')).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const svg = `<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg" content="${escaped}"><g/></svg>`;
    expect(opened(importDrawio(svg)).doc.nodes.map((each) => each.kind)).toEqual(['search']);
  });
});

describe('hostile files', () => {
  // Refused quickly: nothing expands or hangs (inflating to the limit takes longest).
  const refused = (text: string, withinMs = 1000) => {
    const started = performance.now();
    const result = importDrawio(text);
    expect(performance.now() - started).toBeLessThan(withinMs);
    if (result.ok) throw new Error('opened');
    return describeImportError(result.error);
  };

  it('refuses a billion-laughs file without expanding it', () => {
    const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level || ''};`.repeat(10)}">`)];
    const text = `<?xml version="1.0"?><!DOCTYPE lolz [${entities.join('')}]>${page(vertex('a', '&lol9;', 'rounded=1;'))}`;
    expect(refused(text)).toContain('DTD');
  });

  it('refuses an external entity without reading it', () => {
    expect(refused(`<!DOCTYPE m [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${page(vertex('a', '&xxe;', 'rounded=1;'))}`)).toContain('DTD');
  });

  it('leaves unknown entities as written text', () => {
    const result = opened(importDrawio(page(vertex('a', '&xxe; cache', 'rounded=1;'))));
    expect(result.doc.nodes[0]?.label).toBe('&xxe; cache');
  });

  it('refuses a compressed page that would inflate beyond the size limit', () => {
    const bomb = btoa(String.fromCharCode(...deflateSync(new Uint8Array(21 * 1024 * 1024).fill(65))));
    expect(refused(`<mxfile><diagram name="x">${bomb}</diagram></mxfile>`, 5000)).toContain('expands beyond');
  });

  it('refuses prototype keys as names, and damaged files, with a reason', () => {
    expect(refused(page(`<__proto__ id="x"/>`))).toContain('not well-formed XML');
    expect(refused('<mxfile><diagram>%%%</diagram></mxfile>')).toContain('not base64');
    expect(refused('<svg xmlns="http://www.w3.org/2000/svg"></svg>')).toContain('carries no draw.io diagram');
    expect(refused('<html/>')).toContain('not <mxfile>');
  });
});

describe('labels of several lines', () => {
  const html = (lines: string[]) => lines.join('&lt;br&gt;');
  it('lets the first line, the name, decide; the lines below may name a kind but never drop the shape', () => {
    const result = importDrawio(
      page(
        vertex('web', html(['Apache Guacamole', 'Port 8080 (internal)', '• roles and policies']), 'rounded=1;html=1;') +
          vertex('db', html(['Orders', 'PostgreSQL 16 primary']), 'rounded=1;html=1;', 200) +
          vertex('vault', html(['Key Vault', 'stores the API keys']), 'rounded=1;html=1;', 400),
      ),
    );
    expect(entry(result, 'web')).toMatchObject({ outcome: 'component', kind: 'service', how: 'default' });
    expect(entry(result, 'db')).toMatchObject({ outcome: 'component', kind: 'sql-database', how: 'label' });
    expect(entry(result, 'vault')).toMatchObject({ outcome: 'dropped', detail: expect.stringContaining('"key vault"') });
  });
});
