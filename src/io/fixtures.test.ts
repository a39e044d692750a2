import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, EDGE_PROPERTIES } from '../model/catalogue.ts';
import { EDGE_KINDS, isGroupKind, type Diagram } from '../model/types.ts';
import { exportJson } from './export.ts';
import { describeImportError, importDocument } from './import.ts';

// Real files of every released version, kept forever: each must keep importing in
// every later version of the app. Never edit a fixture; when the format gains a
// feature, add a new file that uses it (the coverage test below asks for one).

const DIR = new URL('./fixtures/', import.meta.url);
const files = readdirSync(DIR).filter((name) => name.endsWith('.faultline.json')).sort();
const read = (name: string) => readFileSync(new URL(name, DIR), 'utf8');

function load(name: string): Diagram {
  const result = importDocument(read(name));
  if (!result.ok) throw new Error(`${name}: ${describeImportError(result.error)}`);
  return result.doc;
}

/** sha-256 of each fixture as first committed. A changed hash means someone edited a
 *  fixture that stands for files users already have: restore it and add a new one. */
const FROZEN: Record<string, string> = {
  'v1-everything.faultline.json': '1cae23120bf079b3c6ed683fefd251abe072db8793c2c94b141dd432004b4222',
  // Added when services gained `idempotent`.
  'v1-service-idempotent.faultline.json': '092ceb7e968e93eb8b530d9d82fe4caed7179f46b2aca05a314ef2a5f1817d60',
};

describe('fixtures', () => {
  it.each(files)('%s imports', (name) => {
    expect(load(name).nodes.length).toBeGreaterThan(0);
  });

  it.each(files)('%s is unchanged since it was added', (name) => {
    expect(createHash('sha256').update(read(name)).digest('hex')).toBe(FROZEN[name]);
  });

  it('v1-everything exports byte for byte as it is stored, so files in git do not churn', () => {
    expect(exportJson(load('v1-everything.faultline.json'))).toBe(read('v1-everything.faultline.json'));
  });

  it('together use every kind, every property, every edge kind and every v1 structure', () => {
    const docs = files.map(load);
    const nodes = docs.flatMap((doc) => doc.nodes);
    const edges = docs.flatMap((doc) => doc.edges);
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const parentKind = (id: string | undefined) => (id === undefined ? undefined : byId.get(id)?.kind);

    for (const info of CATALOGUE) {
      const ofKind = nodes.filter((node) => node.kind === info.kind);
      expect(ofKind.length, info.kind).toBeGreaterThan(0);
      for (const spec of info.properties) {
        expect(ofKind.some((node) => spec.key in node.props), `${info.kind}.${spec.key}`).toBe(true);
      }
    }
    for (const spec of EDGE_PROPERTIES) expect(edges.some((edge) => spec.key in edge.props), `edge ${spec.key}`).toBe(true);
    for (const kind of EDGE_KINDS) expect(edges.some((edge) => edge.props.kind === kind), kind).toBe(true);
    expect(edges.some((edge) => edge.props.kind === undefined), 'edge kind left to its default').toBe(true);
    expect(edges.some((edge) => edge.label !== undefined), 'edge label').toBe(true);

    const components = nodes.filter((node) => !isGroupKind(node.kind));
    expect(components.some((node) => parentKind(node.parentId) === 'zone' && parentKind(byId.get(node.parentId!)!.parentId) === 'region'), 'region > zone > component').toBe(true);
    expect(components.some((node) => parentKind(node.parentId) === 'region'), 'component directly in a region').toBe(true);
    expect(components.some((node) => node.parentId === undefined), 'component at the top level').toBe(true);
    expect(nodes.some((node) => node.kind === 'zone' && node.parentId === undefined), 'zone at the top level').toBe(true);
    expect(components.some((node) => node.size !== undefined), 'component with a size').toBe(true);
    expect(nodes.some((node) => node.notes !== undefined), 'notes').toBe(true);
    const known = new Map(CATALOGUE.map((info) => [info.kind, new Set(info.properties.map((spec) => spec.key))]));
    expect(nodes.some((node) => Object.keys(node.props).some((key) => !known.get(node.kind)!.has(key))), 'an extra node prop').toBe(true);
    const edgeKeys = new Set(EDGE_PROPERTIES.map((spec) => spec.key));
    expect(edges.some((edge) => Object.keys(edge.props).some((key) => !edgeKeys.has(key))), 'an extra edge prop').toBe(true);
  });
});
