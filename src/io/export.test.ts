import { describe, expect, it } from 'vitest';
import type { Diagram } from '../model/types.ts';
import { exportFileName, exportJson } from './export.ts';
import { importDocument } from './import.ts';

const doc: Diagram = {
  format: 'faultline',
  version: 2,
  title: 'Order',
  nodes: [
    { props: { replicas: 2, engine: 'postgresql' }, position: { y: 2, x: 1 }, label: 'DB', kind: 'sql-database', id: 'db', parentId: 'z' },
    { id: 'b', kind: 'service', label: 'B', position: { x: 0, y: 0 }, notes: 'n', size: { height: 5, width: 6 }, props: { zeta: 1, alpha: true } },
    { id: 'z', kind: 'zone', label: 'Z', position: { x: 0, y: 0 }, size: { width: 10, height: 10 }, parentId: 'r', props: {} },
    { id: 'r', kind: 'region', label: 'R', position: { x: 0, y: 0 }, size: { width: 100, height: 100 }, props: {} },
    { id: 'a', kind: 'client', label: 'A', position: { x: 0, y: 0 }, props: {} },
  ],
  edges: [
    { props: { protocol: 'sql', kind: 'request' }, target: 'db', source: 'b', id: 'e2' },
    { id: 'e10', source: 'a', target: 'b', label: 'calls', props: {} },
  ],
};

describe('exportJson', () => {
  const text = exportJson(doc);
  const data = JSON.parse(text) as { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };

  it('writes keys in the documented order, props sorted', () => {
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['format', 'version', 'title', 'nodes', 'edges']);
    expect(Object.keys(data.nodes.find((node) => node.id === 'b')!)).toEqual(['id', 'kind', 'label', 'position', 'size', 'notes', 'props']);
    expect(Object.keys(data.nodes.find((node) => node.id === 'db')!)).toEqual(['id', 'kind', 'label', 'position', 'parentId', 'props']);
    expect(Object.keys(data.nodes.find((node) => node.id === 'b')!.props as object)).toEqual(['alpha', 'zeta']);
    expect(Object.keys(data.nodes.find((node) => node.id === 'b')!.size as object)).toEqual(['width', 'height']);
    expect(Object.keys(data.nodes.find((node) => node.id === 'db')!.position as object)).toEqual(['x', 'y']);
    expect(Object.keys(data.edges[1]!)).toEqual(['id', 'source', 'target', 'props']);
    expect(Object.keys(data.edges[1]!.props as object)).toEqual(['kind', 'protocol']);
    expect(Object.keys(data.edges[0]!)).toEqual(['id', 'source', 'target', 'label', 'props']);
  });

  it('orders nodes regions, zones, components, each by id, and edges by id', () => {
    expect(data.nodes.map((node) => node.id)).toEqual(['r', 'z', 'a', 'b', 'db']);
    expect(data.edges.map((edge) => edge.id)).toEqual(['e10', 'e2']);
  });

  it('pretty-prints with two spaces and ends with a newline', () => {
    expect(text.startsWith('{\n  "format": "faultline",\n  "version": 2,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('is byte-identical after an import', () => {
    const result = importDocument(text);
    expect(result.ok && exportJson(result.doc)).toBe(text);
  });

  it('keeps a component in place in the file when it moves into a group', () => {
    const moved = { ...doc, nodes: doc.nodes.map((node) => (node.id === 'b' ? { ...node, parentId: 'r' } : node)) };
    expect(JSON.parse(exportJson(moved)).nodes.map((node: { id: string }) => node.id)).toEqual(['r', 'z', 'a', 'b', 'db']);
  });

  it('writes labels and notes as JSON strings, nothing more', () => {
    const sneaky = { ...doc, title: '</script><script>alert(1)</script>' };
    expect(JSON.parse(exportJson(sneaky)).title).toBe(sneaky.title);
  });
});

describe('exportFileName', () => {
  it.each([
    ['URL shortener', 'url-shortener.faultline.json'],
    ['  Chat: v2 / prod  ', 'chat-v2-prod.faultline.json'],
    ['../../etc/passwd', 'etc-passwd.faultline.json'],
    ['Résumé Ünïcode', 'résumé-ünïcode.faultline.json'],
    ['東京 リージョン', '東京-リージョン.faultline.json'],
    ['', 'diagram.faultline.json'],
    ['***', 'diagram.faultline.json'],
    ['CON', 'con-diagram.faultline.json'],
    ['a\u0000b\nc', 'a-b-c.faultline.json'],
    ['x'.repeat(300), `${'x'.repeat(80)}.faultline.json`],
  ])('%j -> %s', (title, name) => {
    expect(exportFileName(title)).toBe(name);
  });

  it('takes the extension of the format being written', () => {
    expect(exportFileName('URL shortener', '.svg')).toBe('url-shortener.svg');
    expect(exportFileName('', '.png')).toBe('diagram.png');
  });
});
