import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeImportError } from '../errors.ts';
import type { ImportResult } from '../import.ts';
import type { FileFormat, OpenableFormat } from './format.ts';
import { acceptAttribute, describeWriting, FORMATS, formatByExtension, formatBySniff, formatForWriting, openDocument, pickFormat, writableFormatById, writableFormats } from './registry.ts';

const refused = (reason: string): Promise<ImportResult> => Promise.resolve({ ok: false, error: { kind: 'notAFaultlineFile', reason } });

// Stand-ins with distinct, recognisable answers, so a test sees which one was picked.
const jsonish: OpenableFormat = {
  id: 'jsonish',
  name: 'JSONish',
  extensions: ['.jsonish.json', '.json'],
  mime: 'application/json',
  sniff: (text) => text.startsWith('{'),
  parse: () => refused('parsed as jsonish'),
};
const xmlish: OpenableFormat = {
  id: 'xmlish',
  name: 'XMLish',
  extensions: ['.drawish', '.xml'],
  mime: 'application/xml',
  sniff: (text) => text.startsWith('<doc'),
  parse: () => refused('parsed as xmlish'),
};
const picture: FileFormat = { id: 'picture', name: 'Picture', extensions: ['.pic'], mime: 'image/x-pic', serialize: async () => '<pic/>' };
const fakes = [jsonish, xmlish, picture];

describe('the registered formats', () => {
  it('have unique ids and kebab-case ones', () => {
    const ids = FORMATS.map((format) => format.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('claim each extension once, in lower case with its dot', () => {
    const extensions = FORMATS.flatMap((format) => format.extensions);
    expect(new Set(extensions).size).toBe(extensions.length);
    for (const extension of extensions) expect(extension).toMatch(/^(\.[a-z0-9]+)+$/);
  });

  it('each open (sniff and parse) or write (serialize), with a name and a MIME type', () => {
    for (const format of FORMATS) {
      const opens = typeof format.sniff === 'function' && typeof format.parse === 'function';
      expect(opens || typeof format.serialize === 'function', format.id).toBe(true);
      expect(format.name, format.id).not.toBe('');
      expect(format.mime, format.id).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
      expect(format.extensions.length, format.id).toBeGreaterThan(0);
    }
  });

  it('each have a row in the table of docs/format.md, with every extension and the MIME type', () => {
    const doc = readFileSync(new URL('../../../docs/format.md', import.meta.url), 'utf8');
    const table = doc.split('## File formats')[1]?.split('\n## ')[0] ?? '';
    const rows = table.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Format') && !line.startsWith('| ---'));
    expect(rows).toHaveLength(FORMATS.length);
    for (const format of FORMATS) {
      const row = rows.find((line) => line.startsWith(`| ${format.name}`));
      expect(row, format.id).toBeDefined();
      expect(row, format.id).toContain(format.extensions.map((extension) => `\`${extension}\``).join(', '));
      expect(row, format.id).toContain(`\`${format.mime}\``);
    }
  });

  it('open draw.io files by name and by content, and an SVG only when it carries a diagram', () => {
    expect(formatByExtension('Shop.DRAWIO')?.id).toBe('drawio');
    expect(formatByExtension('shop.drawio.svg')?.id).toBe('drawio');
    expect(formatBySniff('<?xml version="1.0"?>\n<mxfile host="x">')?.id).toBe('drawio');
    expect(formatBySniff('<svg xmlns="http://www.w3.org/2000/svg" content="&lt;mxfile">')?.id).toBe('drawio');
    expect(formatBySniff('<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>')).toBeUndefined();
  });

  it('open Faultline JSON files by name and by content', () => {
    expect(formatByExtension('Shop.Faultline.JSON')?.id).toBe('faultline');
    expect(formatBySniff('  {"format": "faultline"}')?.id).toBe('faultline');
  });
});

describe('pickFormat', () => {
  it.each([
    ['a known extension', 'shop.drawish', 'xmlish'],
    ['an extension in any case', 'SHOP.XML', 'xmlish'],
    ['the longest matching extension', 'shop.jsonish.json', 'jsonish'],
  ])('goes by %s', (_case, fileName, id) => {
    expect(pickFormat('<doc/>', { fileName }, fakes)).toMatchObject({ ok: true, format: { id } });
  });

  it('trusts the extension over the content, so a broken file gets its own format’s error', () => {
    expect(pickFormat('<doc/>', { fileName: 'shop.json' }, fakes)).toMatchObject({ ok: true, format: { id: 'jsonish' } });
  });

  it.each([
    ['no name', undefined, '<doc/>', 'xmlish'],
    ['a name without a known extension', 'shop.txt', '{"a": 1}', 'jsonish'],
    ['the extension of a format that is only written', 'shop.pic', '<doc/>', 'xmlish'],
  ])('sniffs the content when there is %s', (_case, fileName, text, id) => {
    expect(pickFormat(text, { fileName }, fakes)).toMatchObject({ ok: true, format: { id } });
  });

  it('takes the first format whose sniff matches, in registry order', () => {
    const greedy: OpenableFormat = { ...xmlish, id: 'greedy', extensions: ['.greedy'], sniff: () => true };
    expect(pickFormat('{}', {}, [jsonish, greedy])).toMatchObject({ format: { id: 'jsonish' } });
    expect(pickFormat('{}', {}, [greedy, jsonish])).toMatchObject({ format: { id: 'greedy' } });
  });

  it('returns unknownFormat naming the file and every format that opens', () => {
    const choice = pickFormat('hello', { fileName: 'notes.txt' }, fakes);
    expect(choice).toEqual({
      ok: false,
      error: { kind: 'unknownFormat', source: 'notes.txt', supported: ['JSONish (.jsonish.json, .json)', 'XMLish (.drawish, .xml)'] },
    });
  });

  it('names the source it is given, or "the text"', () => {
    expect(pickFormat('hello', { source: 'the pasted text' }, fakes)).toMatchObject({ error: { source: 'the pasted text' } });
    expect(pickFormat('hello', {}, fakes)).toMatchObject({ error: { source: 'the text' } });
  });
});

describe('openDocument', () => {
  it('parses with the chosen format', async () => {
    const result = await openDocument('<doc/>', { fileName: 'a.txt' }, fakes);
    expect(result).toEqual({ ok: false, error: { kind: 'notAFaultlineFile', reason: 'parsed as xmlish' } });
  });

  it('says which formats open when none fits', async () => {
    const result = await openDocument('PK\u0003\u0004', { fileName: 'diagram.zip' });
    if (result.ok) throw new Error('a zip file opened');
    expect(result.error.kind).toBe('unknownFormat');
    expect(describeImportError(result.error)).toBe(
      'Unknown format: "diagram.zip" is not a file Faultline opens; it opens Faultline JSON (.faultline.json, .json), draw.io diagram (.drawio, .drawio.svg, .drawio.png, .xml, .png), Mermaid diagram (.mmd, .mermaid).',
    );
  });
});

describe('acceptAttribute', () => {
  it('lists the last extension and the MIME type of each openable format, once each', () => {
    expect(acceptAttribute(fakes)).toBe('.json,.drawish,.xml,application/json,application/xml');
  });

  it('offers Faultline JSON, draw.io and Mermaid files to the file picker', () => {
    expect(acceptAttribute()).toBe('.json,.drawio,.svg,.png,.xml,.mmd,.mermaid,application/json,application/vnd.jgraph.mxfile,text/vnd.mermaid');
  });
});

describe('formatForWriting', () => {
  const writer: OpenableFormat = { ...xmlish, id: 'writer', extensions: ['.drawish', '.drawish.pic', '.xml'], readOnlyExtensions: ['.drawish.pic'], serialize: async () => '<doc/>' };
  const formats = [jsonish, writer, picture];

  it('goes by the longest extension any format claims, in any case', () => {
    expect(formatForWriting('out.XML', formats)).toMatchObject({ ok: true, format: { id: 'writer' } });
    expect(formatForWriting('out.pic', formats)).toMatchObject({ ok: true, format: { id: 'picture' } });
  });

  it('refuses an extension its format only reads, rather than a shorter one that writes', () => {
    expect(formatForWriting('out.drawish.pic', formats)).toEqual({
      ok: false,
      message: 'Unknown output format: "out.drawish.pic" is not a file Faultline writes; it writes XMLish (.drawish, .xml), Picture (.pic).',
    });
  });

  it('refuses a format that cannot write and an unknown extension, naming what it writes', () => {
    expect(formatForWriting('out.json', formats)).toMatchObject({ ok: false });
    expect(formatForWriting('out.txt', formats)).toMatchObject({ ok: false, message: expect.stringContaining('"out.txt"') });
  });

  it('writes Faultline JSON, draw.io and SVG, but not a draw.io SVG', () => {
    expect(formatForWriting('a.faultline.json')).toMatchObject({ ok: true, format: { id: 'faultline' } });
    expect(formatForWriting('a.xml')).toMatchObject({ ok: true, format: { id: 'drawio' } });
    expect(formatForWriting('a.svg')).toMatchObject({ ok: true, format: { id: 'svg' } });
    expect(formatForWriting('a.drawio.svg').ok).toBe(false);
    expect(writableFormats().map(describeWriting)).toContain('draw.io diagram (.drawio, .xml)');
  });
});

describe('the formats the File menu exports to', () => {
  it.each(['faultline', 'drawio', 'mermaid', 'review'] as const)('%s is a registered format that writes', (id) => {
    expect(writableFormatById(id)?.id).toBe(id);
  });
});
