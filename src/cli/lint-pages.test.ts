import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConvertArgs, parseLintArgs } from './args.ts';
import { convert } from './convert.ts';
import { lint } from './lint.ts';

const dir = mkdtempSync(join(tmpdir(), 'faultline-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shape = (id: string, label: string, style: string, x: number) =>
  `<mxCell id="${id}" value="${label}" style="${style}" vertex="1" parent="1"><mxGeometry x="${x}" width="60" height="60" as="geometry"/></mxCell>`;
const link = (id: string, source: string, target: string) => `<mxCell id="${id}" edge="1" parent="1" source="${source}" target="${target}"><mxGeometry relative="1" as="geometry"/></mxCell>`;
const diagram = (name: string, cells: string) => `<diagram name="${name}"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>${cells}</root></mxGraphModel></diagram>`;

const file = join(dir, 'shop.drawio');
writeFileSync(
  file,
  `<mxfile>${[
    diagram('Overview', shape('web', 'Web', 'shape=mxgraph.aws4.users;', 0) + shape('api', 'Checkout API', 'rounded=1;', 200) + link('e1', 'web', 'api')),
    diagram('Orders', shape('q', 'Orders queue', 'rounded=1;', 0) + shape('w', 'Order worker', 'rounded=1;', 200) + link('e2', 'q', 'w')),
    diagram('Empty', ''),
  ].join('')}</mxfile>`,
);
const labels = (stdout: string) => (JSON.parse(stdout) as { findings: { message: string }[] }).findings.map((finding) => finding.message).join('\n');

describe('--page', () => {
  it('is read by lint and convert, as --page NAME, --page N or --page=…', () => {
    expect(parseLintArgs(['a.drawio', '--page', 'Orders'])).toEqual({ ok: true, options: { files: ['a.drawio'], format: 'text', help: false, page: 'Orders' } });
    expect(parseLintArgs(['--page=2', 'a.drawio'])).toMatchObject({ ok: true, options: { files: ['a.drawio'], page: '2' } });
    expect(parseLintArgs(['a.drawio', '--page'])).toEqual({ ok: false, message: '--page needs a value: a page name or number' });
    expect(parseConvertArgs(['a.drawio', '--page', '3', 'b.json'])).toEqual({ ok: true, options: { input: 'a.drawio', output: 'b.json', page: '3' } });
  });

  it('without it, lint reviews the first page and says on stderr which it read and what the others are', async () => {
    const result = await lint([file, '--format', 'json']);
    expect(labels(result.stdout)).toContain('Checkout API');
    expect(labels(result.stdout)).not.toContain('Order worker');
    const notes = result.stderr.trimEnd().split('\n');
    expect(notes[0]).toBe(
      `faultline lint: ${file}: note: read page 1 "Overview" (3 elements), the first of 3; the others are 2 "Orders" (3 elements), 3 "Empty" (0 elements); choose one with --page NAME|N`,
    );
    expect(notes[1]).toContain('draw.io import of page 1 of 3 ("Overview")');
  });

  it('reads the page named, or numbered, and then says nothing of the others', async () => {
    for (const page of ['Orders', '2']) {
      const result = await lint([file, '--format', 'json', '--page', page]);
      expect(labels(result.stdout)).toContain('Order worker');
      expect(result.stderr).not.toContain('choose one with --page');
      expect(result.stderr.split('\n')[0]).toContain('draw.io import of page 2 of 3 ("Orders")');
    }
  });

  it('refuses a page that is not there, listing those that are', async () => {
    const result = await lint([file, '--page', 'Billing']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `faultline lint: ${file}: Not a readable draw.io file: it has no page named or numbered "Billing"; its 3 pages: 1 "Overview", 2 "Orders", 3 "Empty".\n`,
    );
  });

  it('lets convert write the page chosen', async () => {
    const output = join(dir, 'orders.faultline.json');
    expect((await convert([file, output, '--page', 'Orders'])).exitCode).toBe(0);
    expect((JSON.parse(readFileSync(output, 'utf8')) as { nodes: { label: string }[] }).nodes.map((node) => node.label)).toEqual(['Orders queue', 'Order worker']);
  });
});
