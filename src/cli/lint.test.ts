import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagram, edge, node, path } from '../analysis/testing.ts';
import { describeFormat, openableFormats } from '../io/formats/registry.ts';
import type { Diagram } from '../model/types.ts';
import { runCli } from './cli.ts';
import { lint } from './lint.ts';

const dir = mkdtempSync(join(tmpdir(), 'faultline-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Diagram): string {
  const full = join(dir, name);
  writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content));
  return full;
}

const place = (doc: Diagram): Diagram => ({ ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })) });

const clean = file(
  'clean.faultline.json',
  place(
    diagram(
      node('web', 'client', { replicas: 1 }, { label: 'Web' }),
      node('gw', 'api-gateway', { replicas: 2 }, { label: 'Gateway' }),
      node('api', 'service', { replicas: 3 }, { label: 'API' }),
      path(['web', 'gw', 'api']),
    ),
  ),
);
const warnings = file(
  'warnings.faultline.json',
  place(diagram(node('web', 'client'), node('api', 'service', { replicas: 3 }), edge('web', 'api'))),
);
const errors = file(
  'errors.faultline.json',
  place(
    diagram(
      node('web', 'client', {}, { label: 'Web' }),
      node('lb', 'load-balancer', {}, { label: 'Load balancer' }),
      node('api', 'service', { replicas: 3 }, { label: 'API' }),
      path(['web', 'lb', 'api']),
    ),
  ),
);

describe('faultline lint exit status', () => {
  it('is 0 with no error finding', async () => {
    expect((await lint([clean])).exitCode).toBe(0);
    expect((await lint([warnings])).exitCode).toBe(0);
  });

  it('is 1 with an error finding', async () => {
    const result = await lint([errors]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('Load balancer runs as a single instance');
    expect(result.stderr).toBe('');
  });

  it('is 2 for bad usage', async () => {
    expect((await lint([])).exitCode).toBe(2);
    expect((await lint([clean, '--format', 'yaml'])).stderr).toContain('unknown format "yaml"');
    expect((await runCli(['check', clean])).exitCode).toBe(2);
    expect((await runCli([])).exitCode).toBe(2);
  });

  it('is 0 for help', async () => {
    expect(await runCli(['--help'])).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('Usage: faultline lint') });
    expect((await lint(['--help'])).exitCode).toBe(0);
  });

  it('help lists the formats a file may be in, from the registry', async () => {
    const { stdout } = await lint(['--help']);
    for (const format of openableFormats()) expect(stdout).toContain(describeFormat(format));
  });
});

describe('faultline lint on files that cannot be used', () => {
  const cases: [string, string, string][] = [
    ['a missing file', join(dir, 'missing.json'), 'cannot read the file (no such file)'],
    ['a directory', dir, 'it is a directory'],
    ['broken JSON', file('broken.json', '{"format": "faultline",\n  "version": 1,,}'), 'line 2, column'],
    ['another format', file('other.json', '{"format": "drawio", "version": 1}'), 'Not a Faultline file'],
    ['a newer version', file('new.json', '{"format": "faultline", "version": 99, "title": "", "nodes": [], "edges": []}'), 'version 99'],
    [
      'a dangling edge',
      file('dangling.json', JSON.stringify({ format: 'faultline', version: 1, title: 't', nodes: [], edges: [{ id: 'e1', source: 'a', target: 'ghost', props: {} }] })),
      '"ghost"',
    ],
    [
      'a duplicate id',
      file('duplicate.json', JSON.stringify(place(diagram(node('x', 'service'), node('x', 'cache'))))),
      '"x"',
    ],
    ['an unknown kind', file('kind.json', JSON.stringify(place(diagram(node('x', 'mainframe' as never))))), 'mainframe'],
    ['a property of the wrong type', file('prop.json', JSON.stringify(place(diagram(node('x', 'service', { replicas: 'three' }))))), 'replicas'],
    ['a property out of range', file('range.json', JSON.stringify(place(diagram(node('x', 'service', { replicas: 0 }))))), 'replicas'],
    ['a format no one opens', file('notes.txt', 'Web -> API -> DB'), 'Unknown format: "'],
    ['an image, which is only written', file('shop.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>'), 'it opens Faultline JSON (.faultline.json, .json)'],
  ];

  it.each(cases)('exits 2 for %s and names the problem on stderr', async (_name, target, expected) => {
    const result = await lint([target, '--format', 'json']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(target);
    expect(result.stderr).toContain(expected);
  });

  it('opens a Faultline document by its content when its name says nothing', async () => {
    const named = file('errors.txt', JSON.stringify(place(diagram(node('web', 'client'), node('lb', 'load-balancer'), edge('web', 'lb')))));
    const result = await lint([named]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(named);
  });

  it('still lints the good files given with a bad one, and exits 2', async () => {
    const result = await lint([errors, join(dir, 'missing.json')]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain('Load balancer');
    expect(result.stderr).toContain('missing.json');
  });
});

describe('faultline lint --format json', () => {
  it('prints exactly { "findings": [...], "availability": {...} } for one file', async () => {
    const output = JSON.parse((await lint([errors, '--format', 'json'])).stdout);
    expect(Object.keys(output)).toEqual(['findings', 'availability']);
    // One load balancer instance (0.995) in front of three API instances (down 0.005³ of the time).
    const value = 0.995 * (1 - 0.005 ** 3);
    const exact = { value: expect.closeTo(value, 12), low: expect.closeTo(value, 12), high: expect.closeTo(value, 12), exact: true };
    expect(output.availability).toEqual({ system: exact, entries: [{ node: 'web', ...exact }] });
    expect(output.findings.map((f: { rule: string }) => f.rule)).toEqual(['no-rate-limiting', 'spof']);
    expect(output.findings[1]).toEqual({
      rule: 'spof',
      severity: 'error',
      nodes: ['lb'],
      edges: [],
      message: 'Load balancer runs as a single instance: if it fails, the requests that need it fail for Web.',
    });
  });

  it('adds the file to each finding when there are several files', async () => {
    const output = JSON.parse((await lint([clean, errors, '--format=json'])).stdout);
    expect(Object.keys(output)).toEqual(['findings', 'files']);
    expect(output.files.map((f: { file: string }) => f.file)).toEqual([clean, errors]);
    expect(output.files[0].availability.entries[0]).toMatchObject({ node: 'web', value: expect.closeTo((1 - 0.005 ** 2) * (1 - 0.005 ** 3), 12) });
    expect(output.findings.map((f: { file: string; rule: string }) => [f.file, f.rule])).toEqual([
      [errors, 'no-rate-limiting'],
      [errors, 'spof'],
    ]);
  });

  it('carries the load object when a client has rps, and leaves it out otherwise', async () => {
    // 1,500 rps through two gateways (2 × 5,000) to three API instances (3 × 1,000).
    const busy = file('busy.json', place(diagram(node('web', 'client', { rps: 1500 }), node('gw', 'api-gateway', { replicas: 2 }), node('api', 'service', { replicas: 3 }), path(['web', 'gw', 'api']))));
    const output = JSON.parse((await lint([busy, '--format', 'json'])).stdout);
    expect(Object.keys(output)).toEqual(['findings', 'availability', 'load']);
    expect(output.load).toEqual({
      components: [
        { node: 'gw', rps: 1500, capacityRps: 10000, utilization: 0.15 },
        { node: 'api', rps: 1500, capacityRps: 3000, utilization: 0.5 },
      ],
    });
    expect(JSON.parse((await lint([clean, '--format', 'json'])).stdout).load).toBeUndefined();
    const text = (await lint([busy])).stdout;
    expect(text).toContain('  Busiest at peak\n    api  1,500 of 3,000 requests/s (50%)\n    gw   1,500 of 10,000 requests/s (15%)\n');
    expect(text).toContain('  Cost  about $350 a month');
  });

  it('carries cap on cap-choice findings', async () => {
    const stores = file('stores.json', place(diagram(node('web', 'client'), node('db', 'nosql-database', { engine: 'cassandra', replicas: 3 }), edge('web', 'db'))));
    const output = JSON.parse((await lint([stores, '--format', 'json'])).stdout);
    expect(output.findings.find((f: { rule: string }) => f.rule === 'cap-choice')).toMatchObject({ nodes: ['db'], cap: 'AP' });
  });
});

describe('faultline lint text output', () => {
  it('lists errors first and sums up', async () => {
    const { stdout } = await lint([errors]);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(errors);
    expect(lines[1]).toMatch(/^ {2}error {4}Load balancer runs/);
    expect(lines[1]).toMatch(/spof$/);
    expect(lines[2]).toMatch(/^ {2}warning {2}Web reaches API/);
    expect(stdout).toContain('✖ 2 findings (1 error, 1 warning, 0 info)');
    expect(stdout).toContain('  Availability\n    Web  99.5% (2.3 nines, 1 d 20 h down a year)\n');
    expect(stdout).not.toContain('\u001b[');
  });

  it('colours only when asked', async () => {
    expect((await lint([errors], { colour: true })).stdout).toContain('\u001b[31merror');
  });

  it('says when there is nothing to report', async () => {
    const { stdout } = await lint([clean]);
    expect(stdout).toContain(`${clean}: no findings`);
    expect(stdout).toContain('✔ No findings');
  });
});

describe('faultline lint on an older file', () => {
  it('upgrades it, says on stderr what the upgrade moved, and still lints it', async () => {
    const old = new URL('../io/fixtures/v1-own-new-names.faultline.json', import.meta.url).pathname;
    const result = await lint([old, '--format', 'json']);
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout).findings.length).toBeGreaterThan(0);
    expect(result.stderr).toContain(`faultline lint: ${old}: note: node "api": its own property "managed" is kept as "managed_v1"`);
  });
});

describe('faultline lint on a draw.io file', () => {
  it('reads it through the registry, reviews it, and prints the import report on stderr as notes', async () => {
    const cells = [
      '<mxCell id="u" value="Users" style="shape=mxgraph.aws4.users;" vertex="1" parent="1"><mxGeometry width="60" height="60" as="geometry"/></mxCell>',
      '<mxCell id="db" value="Orders" style="shape=cylinder3;" vertex="1" parent="1"><mxGeometry x="200" width="60" height="60" as="geometry"/></mxCell>',
      '<mxCell id="e" edge="1" parent="1" source="u" target="db"><mxGeometry relative="1" as="geometry"/></mxCell>',
    ].join('');
    const drawn = file('shop.drawio', `<mxfile><diagram name="Shop"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>${cells}</root></mxGraphModel></diagram></mxfile>`);
    const result = await lint([drawn, '--format', 'json']);
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout).findings.some((finding: { rule: string; nodes: string[] }) => finding.rule === 'spof' && finding.nodes[0] === 'db')).toBe(true);
    const notes = result.stderr.trimEnd().split('\n');
    expect(notes[0]).toBe(`faultline lint: ${drawn}: note: draw.io import of its page ("Shop"): 2 components (2 by shape), 0 groups, 1 edge; dropped 0 shapes and 0 edges; 1 guess.`);
    expect(notes).toContain(`faultline lint: ${drawn}: note: shape "Orders" (cell "db"): sql-database, by shape (guessed): a cylinder, the usual sign of a database; SQL unless the label says otherwise`);
  });
});
