import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log, Result } from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../analysis/registry.ts';
import { diagram, edge, node, path } from '../analysis/testing.ts';
import { exportJson } from '../io/export.ts';
import type { Diagram } from '../model/types.ts';
import { lint } from './lint.ts';
import { artifactUri } from './sarif.ts';

// The official SARIF 2.1.0 schema (errata 01), vendored with its source in sarif-schema/README.md.
const schema = JSON.parse(readFileSync(new URL('./sarif-schema/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

const dir = mkdtempSync(join(tmpdir(), 'faultline-sarif-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const place = (doc: Diagram): Diagram => ({ ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })) });
function write(name: string, text: string): string {
  const full = join(dir, name);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
}

// Pretty-printed as the app exports it, so nodes sit on lines of their own.
const shopText = exportJson(
  place(diagram(node('web', 'client', {}, { label: 'Web' }), node('lb', 'load-balancer', {}, { label: 'Load balancer' }), node('api', 'service', { replicas: 3 }, { label: 'API' }), path(['web', 'lb', 'api']))),
);
const shop = write('designs/shop v2.faultline.json', shopText);
const queueText = exportJson(place(diagram(node('web', 'client', { replicas: 2 }), node('q', 'queue', { replicas: 2 }), edge('web', 'q', { kind: 'async' }))));
const queued = write('queued.faultline.json', queueText);
const drawn = write(
  'shop.drawio',
  '<mxfile><diagram name="Shop"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>' +
    '<mxCell id="u" value="Users" style="shape=mxgraph.aws4.users;" vertex="1" parent="1"><mxGeometry width="60" height="60" as="geometry"/></mxCell>' +
    '<mxCell id="db" value="Orders" style="shape=cylinder3;" vertex="1" parent="1"><mxGeometry x="200" width="60" height="60" as="geometry"/></mxCell>' +
    '<mxCell id="e" edge="1" parent="1" source="u" target="db"><mxGeometry relative="1" as="geometry"/></mxCell>' +
    '</root></mxGraphModel></diagram></mxfile>',
);
const uriOf = (result: Result) => result.locations![0]!.physicalLocation!.artifactLocation!.uri!;
const lineOf = (text: string, id: string) => text.split('\n').findIndex((line) => line.includes(`"id": ${JSON.stringify(id)}`)) + 1;

describe('faultline lint --format sarif', () => {
  it('writes one run for every file that validates against the SARIF 2.1.0 schema', async () => {
    const result = await lint([shop, queued, drawn, join(dir, 'missing.json'), '--format', 'sarif'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    const log = JSON.parse(result.stdout) as Log;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    const uris = new Set(run!.results!.map(uriOf));
    expect(uris).toEqual(new Set(['designs/shop%20v2.faultline.json', 'queued.faultline.json', 'shop.drawio']));
    // The file that could not be read is a notification, and the run says it did not succeed.
    expect(run!.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [{ level: 'error', message: { text: 'cannot read the file (no such file)' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'missing.json' } } }] }],
      },
    ]);
  });

  it('lists every rule of the registry with its title, why, fix and level', async () => {
    const log = JSON.parse((await lint([shop, '--format', 'sarif'], { cwd: dir })).stdout) as Log;
    const { driver } = log.runs[0]!.tool;
    expect(driver.name).toBe('Faultline');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.rules!.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    const levels = { error: 'error', warning: 'warning', info: 'note' } as const;
    for (const [index, rule] of RULES.entries()) {
      expect(driver.rules![index]).toMatchObject({
        shortDescription: { text: rule.title },
        fullDescription: { text: rule.why },
        help: { text: rule.fix },
        defaultConfiguration: { level: levels[rule.severity] },
      });
    }
    expect(log.runs[0]!.invocations![0]!.executionSuccessful).toBe(true);
  });

  it('points each result at the line of its component in JSON, names its nodes and edges, and gives line 1 elsewhere', async () => {
    const result = await lint([shop, queued, drawn, '--format', 'sarif'], { cwd: dir });
    expect(result.exitCode).toBe(1);
    const { results, tool } = (JSON.parse(result.stdout) as Log).runs[0]!;
    const spof = results!.find((r) => r.ruleId === 'spof' && uriOf(r).startsWith('designs/'))!;
    expect(spof).toMatchObject({
      level: 'error',
      message: { text: 'Load balancer runs as a single instance: if it fails, the requests that need it fail for Web.' },
      locations: [{ physicalLocation: { region: { startLine: lineOf(shopText, 'lb') } }, logicalLocations: [{ name: 'lb', fullyQualifiedName: 'nodes/lb', kind: 'object' }] }],
    });
    expect(lineOf(shopText, 'lb')).toBeGreaterThan(1);
    expect(tool.driver.rules![spof.ruleIndex!]!.id).toBe('spof');
    const idle = results!.find((r) => r.ruleId === 'queue-no-consumer')!;
    expect(idle.locations![0]!.physicalLocation!.region!.startLine).toBe(lineOf(queueText, 'q'));
    const fromDrawio = results!.filter((r) => uriOf(r) === 'shop.drawio');
    expect(fromDrawio.length).toBeGreaterThan(0);
    for (const r of fromDrawio) expect(r.locations![0]!.physicalLocation!.region).toEqual({ startLine: 1 });
  });

  it('prints a valid log even when no file could be read', async () => {
    const result = await lint([join(dir, 'missing.json'), '--format', 'sarif'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('missing.json: cannot read the file');
    const log = JSON.parse(result.stdout) as Log;
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0]!.results).toEqual([]);
  });

  it('has a schema check that refuses what is not SARIF', () => {
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'info' }] }] })).toBe(false);
    expect(validateSarif({ version: '2.0.0', runs: [] })).toBe(false);
  });
});

describe('artifactUri', () => {
  it('is relative to the working directory, with slashes and percent-encoding, else a file URL', () => {
    expect(artifactUri('a b/c#1.json', '/repo')).toBe('a%20b/c%231.json');
    expect(artifactUri('/repo/x/y.json', '/repo')).toBe('x/y.json');
    expect(artifactUri('../elsewhere/y.json', '/repo/sub')).toBe(pathToFileURL('/repo/elsewhere/y.json').href);
    expect(artifactUri('..file.json', '/repo')).toBe('..file.json');
  });
});
