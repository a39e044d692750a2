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
  // Version 2: the dependency model and the numbers.
  'v2-everything.faultline.json': '689f5c6d0d126b7b8169f959cab3783f0d2deba102a1ffe1318e2f697502ff8b',
  // A version 1 file whose own properties use names that version 2 gives a meaning.
  'v1-own-new-names.faultline.json': 'ad6696a9a6b6d620b4fb8d53961e4839c181bef58997235d80de7d650a9adfc4',
};

describe('fixtures', () => {
  it.each(files)('%s imports', (name) => {
    expect(load(name).nodes.length).toBeGreaterThan(0);
  });

  it.each(files)('%s is unchanged since it was added', (name) => {
    expect(createHash('sha256').update(read(name)).digest('hex')).toBe(FROZEN[name]);
  });

  it('v2-everything exports byte for byte as it is stored, so files in git do not churn', () => {
    expect(exportJson(load('v2-everything.faultline.json'))).toBe(read('v2-everything.faultline.json'));
  });

  it.each(['v1-everything.faultline.json', 'v1-service-idempotent.faultline.json'])(
    '%s opens as version 2 and means the same: only the version changes',
    (name) => {
      const asVersion2 = importDocument(read(name).replace('"version": 1,', '"version": 2,'));
      expect(asVersion2.ok && asVersion2.doc).toEqual(load(name));
      expect(importDocument(read(name))).toMatchObject({ ok: true, notes: [] });
    },
  );

  it('v1-own-new-names keeps its own values under other names, and says so', () => {
    const result = importDocument(read('v1-own-new-names.faultline.json'));
    if (!result.ok) throw new Error(describeImportError(result.error));
    const props = (id: string) => result.doc.nodes.find((node) => node.id === id)!.props;
    expect(props('browser')).toEqual({ replicas: 1, rps_v1: 'lots', needs_v1: 'everything' });
    expect(props('api')).toEqual({ replicas: 2, managed_v1: 'by team blue', availability_v1: 'taken', availability_v1_2: 99.9, owner: 'blue' });
    expect(props('cache')).toEqual({ replicas: 1, hitRate_v1: 'high' });
    expect(result.doc.edges.map((edge) => edge.props)).toEqual([{ weight_v1: 'heavy' }, { optional_v1: 'yes', protocol: 'tcp' }]);
    expect(result.notes).toEqual([
      'node "browser": its own property "needs" is kept as "needs_v1", since version 2 gives "needs" a meaning',
      'node "browser": its own property "rps" is kept as "rps_v1", since version 2 gives "rps" a meaning',
      'node "api": its own property "managed" is kept as "managed_v1", since version 2 gives "managed" a meaning',
      'node "api": its own property "availability" is kept as "availability_v1_2", since version 2 gives "availability" a meaning',
      'node "cache": its own property "hitRate" is kept as "hitRate_v1", since version 2 gives "hitRate" a meaning',
      'edge "e1": its own property "weight" is kept as "weight_v1", since version 2 gives "weight" a meaning',
      'edge "e2": its own property "optional" is kept as "optional_v1", since version 2 gives "optional" a meaning',
    ]);
  });

  it('together use every kind, every property, every edge kind and every structure', () => {
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
