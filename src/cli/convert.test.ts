import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagram, node, path } from '../analysis/testing.ts';
import { exportJson } from '../io/export.ts';
import { writtenExtensions } from '../io/formats/format.ts';
import { formatByExtension, writableFormats } from '../io/formats/registry.ts';
import type { Diagram } from '../model/types.ts';
import { runCli } from './cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'faultline-convert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);
const place = (doc: Diagram): Diagram => ({ ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: 40 * doc.nodes.indexOf(n), y: 0 } })) });

const shop = place(
  diagram(
    node('web', 'client', {}, { label: 'Web' }),
    node('lb', 'load-balancer', { replicas: 2 }, { label: 'Load balancer' }),
    node('db', 'sql-database', {}, { label: 'Orders DB' }),
    path(['web', 'lb', 'db']),
  ),
);
const input = at('shop.faultline.json');
writeFileSync(input, exportJson(shop));

const convert = (from: string, to: string) => runCli(['convert', from, to]);
const kinds = (doc: Diagram) => doc.nodes.map((n) => [n.label, n.kind]).sort();

async function reopen(file: string): Promise<Diagram> {
  const format = formatByExtension(file)!;
  const result = await format.parse(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${file} did not reopen: ${JSON.stringify(result.error)}`);
  return result.doc;
}

describe('faultline convert', () => {
  // Every format the registry can write, so a newly registered one is covered with no change here.
  const targets = writableFormats().flatMap((format) => writtenExtensions(format).map((extension) => [format.id, extension] as const));

  it.each(targets)('writes %s for an OUT ending %s, and what opens again has the same components', async (_id, extension) => {
    const output = at(`out${extension}`);
    const result = await convert(input, output);
    expect(result).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const written = readFileSync(output, 'utf8');
    expect(written.length).toBeGreaterThan(0);
    if (formatByExtension(output)) expect(kinds(await reopen(output))).toEqual(kinds(shop));
  });

  it('converts draw.io to Faultline JSON and prints the import report on stderr', async () => {
    const drawio = at('back.drawio');
    expect((await convert(input, drawio)).exitCode).toBe(0);
    const output = at('back.faultline.json');
    const result = await convert(drawio, output);
    expect(result.exitCode).toBe(0);
    const notes = result.stderr.trimEnd().split('\n');
    expect(notes[0]).toMatch(new RegExp(`^faultline convert: ${drawio.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: note: draw.io import of its page .*: 3 components`));
    expect(notes.length).toBeGreaterThan(3);
    for (const note of notes) expect(note.startsWith(`faultline convert: ${drawio}: note: `)).toBe(true);
    const doc = await reopen(output);
    expect(kinds(doc)).toEqual(kinds(shop));
    expect(doc.edges).toHaveLength(2);
  });

  it.each([
    ['an unknown output extension', () => convert(input, at('out.txt')), 'out.txt: Unknown output format: ', 'it writes Faultline JSON (.faultline.json, .json), draw.io diagram (.drawio, .xml)'],
    ['an extension that is only read', () => convert(input, at('out.drawio.svg')), 'out.drawio.svg: Unknown output format: ', 'is not a file Faultline writes'],
    ['a missing input', () => convert(at('missing.json'), at('out2.drawio')), 'missing.json: cannot read the file (no such file)', ''],
    ['an invalid input', () => convert(writeBad(), at('out3.drawio')), 'bad.json: Not valid JSON at line 1', ''],
    ['an input in no format', () => convert(writeText('notes.txt', 'Web -> DB'), at('out4.drawio')), 'notes.txt: Unknown format: ', ''],
    ['an output that cannot be written', () => convert(input, at('no/such/dir/out.drawio')), 'out.drawio: cannot write the file (no such file)', ''],
  ])('exits 2 for %s, names the file and the problem, and writes nothing', async (_case, run, problem, more) => {
    const result = await run();
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^faultline convert: /);
    expect(result.stderr).toContain(problem);
    expect(result.stderr).toContain(more);
    for (const name of ['out.txt', 'out.drawio.svg', 'out2.drawio', 'out3.drawio', 'out4.drawio']) expect(existsSync(at(name))).toBe(false);
  });

  it('exits 2 with the usage for a wrong command line, and 0 for --help', async () => {
    for (const args of [[], [input], [input, at('a.drawio'), at('b.drawio')], ['--page', input, at('a.drawio')]]) {
      const result = await runCli(['convert', ...args]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('Usage: faultline lint');
    }
    expect(await runCli(['convert', '--help'])).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('faultline convert IN OUT') });
  });
});

function writeText(name: string, text: string): string {
  writeFileSync(at(name), text);
  return at(name);
}

function writeBad(): string {
  return writeText('bad.json', '{"format": ');
}
