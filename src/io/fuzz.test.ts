import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagram } from '../model/types.ts';
import { exportJson } from './export.ts';
import { describeImportError, importDocument, importValue, type ImportResult } from './import.ts';
import { FORBIDDEN_KEYS } from './safe-keys.ts';
import { diagramArb } from './test-support/arbitraries.ts';

// Malformed and mutated input by the ten thousand: nothing may throw, every refusal
// must say something, every acceptance must be a real document, and Object.prototype
// must come out exactly as it went in.

const RUNS = 10_500;
let inputs = 0;
const outcomes = new Map<string, number>();

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Input = { text: string } | { value: unknown };

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

/** Every container in `value` with the path to it, for picking a spot to break. */
function containers(value: unknown, path: (string | number)[] = [], out: { path: (string | number)[]; at: object }[] = []) {
  if (typeof value === 'object' && value !== null) {
    out.push({ path, at: value });
    for (const [key, child] of Object.entries(value)) containers(child, [...path, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

const strange: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e8, -1e8, 1.5, -1, 0, '', null, undefined, [], {}, true, 'x'),
  fc.jsonValue(),
  fc.string({ maxLength: 6 }),
);

type Mutation = (doc: Record<string, Json>, pick: number, extra: unknown) => Input;

const atPick = (doc: object, pick: number) => {
  const all = containers(doc);
  return all[pick % all.length]!;
};

const MUTATIONS: Record<string, Mutation> = {
  deleteField: (doc, pick) => {
    const { at } = atPick(doc, pick);
    const keys = Object.keys(at);
    if (keys.length > 0) {
      const key = keys[pick % keys.length]!;
      if (Array.isArray(at)) at.splice(Number(key), 1);
      else delete (at as Record<string, unknown>)[key];
    }
    return { value: doc };
  },
  wrongValue: (doc, pick, extra) => {
    const { at } = atPick(doc, pick);
    const keys = Object.keys(at);
    if (keys.length > 0) (at as Record<string, unknown>)[keys[(pick >> 3) % keys.length]!] = extra;
    return { value: doc };
  },
  dangling: (doc, pick, extra) => {
    const edges = doc.edges as { source: Json; target: Json }[];
    const nodes = doc.nodes as { parentId?: Json }[];
    const ref = typeof extra === 'string' ? extra : 'nowhere';
    if (pick % 3 === 0 && edges.length > 0) edges[pick % edges.length]!.source = ref;
    else if (pick % 3 === 1 && edges.length > 0) edges[pick % edges.length]!.target = ref;
    else if (nodes.length > 0) nodes[pick % nodes.length]!.parentId = ref;
    return { value: doc };
  },
  duplicate: (doc, pick) => {
    const nodes = doc.nodes as Json[];
    if (nodes.length > 0) nodes.push(structuredClone(nodes[pick % nodes.length]!));
    return { value: doc };
  },
  protoKeyInValue: (doc, pick) => {
    const { at } = atPick(doc, pick);
    const key = [...FORBIDDEN_KEYS][pick % FORBIDDEN_KEYS.size]!;
    const value = pick % 2 === 0 ? { polluted: true } : 'polluted';
    Object.defineProperty(at, key, { value, enumerable: true, configurable: true, writable: true });
    return { value: doc };
  },
  protoKeyInText: (doc, pick) => {
    const text = JSON.stringify(doc);
    const braces = [...text.matchAll(/\{/g)].map((match) => match.index);
    const at = braces[pick % braces.length]! + 1;
    const key = [...FORBIDDEN_KEYS][pick % FORBIDDEN_KEYS.size]!;
    const value = pick % 2 === 0 ? '{"polluted":true}' : '"polluted"';
    const body = text[at] === '}' ? `"${key}":${value}` : `"${key}":${value},`;
    return { text: text.slice(0, at) + body + text.slice(at) };
  },
  truncate: (doc, pick) => {
    const text = exportJson(doc as unknown as Diagram);
    return { text: text.slice(0, pick % text.length) };
  },
  flipCharacter: (doc, pick, extra) => {
    const text = JSON.stringify(doc);
    const at = pick % text.length;
    return { text: text.slice(0, at) + (typeof extra === 'string' && extra ? extra : '"') + text.slice(at + 1) };
  },
  version: (doc, pick, extra) => {
    const versions = [2, 3, 99, 1e8, 0, -1, '1', null, 1.5, 1, extra];
    doc.version = versions[pick % versions.length] as Json;
    return { value: doc };
  },
};

const mutated: fc.Arbitrary<Input> = fc
  .tuple(diagramArb({ maxComponents: 6, maxEdges: 6 }), fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat(), strange)
  .map(([doc, name, pick, extra]) => MUTATIONS[name]!(JSON.parse(JSON.stringify(doc)) as Record<string, Json>, pick, extra));

const input: fc.Arbitrary<Input> = fc.oneof(
  { weight: 6, arbitrary: mutated },
  { weight: 1, arbitrary: fc.json().map((text) => ({ text })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((text) => ({ text })) },
  { weight: 1, arbitrary: fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withDate: true }).map((value) => ({ value })) },
  {
    weight: 1,
    arbitrary: fc.record({ format: fc.constant('faultline'), version: fc.constant(1), title: fc.string(), nodes: fc.jsonValue(), edges: fc.jsonValue() }).map((value) => ({ value })),
  },
);

function hasForbiddenKey(value: unknown): boolean {
  return containers(value).some(({ at }) => Object.keys(at).some((key) => FORBIDDEN_KEYS.has(key)));
}

function check(result: ImportResult): void {
  const outcome = result.ok ? 'accepted' : result.error.kind;
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  if (result.ok) {
    expect(hasForbiddenKey(result.doc)).toBe(false);
    const again = importDocument(exportJson(result.doc));
    expect(again.ok).toBe(true);
    return;
  }
  expect(describeImportError(result.error).length).toBeGreaterThan(10);
  if (result.error.kind === 'invalidDocument') {
    expect(result.error.problems.length).toBeGreaterThan(0);
    for (const problem of result.error.problems) expect(problem.message.length).toBeGreaterThan(0);
  }
}

describe('fuzzing the import', () => {
  it(`survives ${RUNS} malformed and mutated inputs`, () => {
    fc.assert(
      fc.property(input, (item) => {
        inputs++;
        check('text' in item ? importDocument(item.text) : importValue(item.value));
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  afterAll(() => {
    expect(inputs).toBeGreaterThanOrEqual(10_000);
    // The inputs reach every stage of the import, not just the first refusal.
    for (const outcome of ['accepted', 'notJson', 'notAFaultlineFile', 'unsupportedVersion', 'versionTooNew', 'invalidDocument']) {
      expect(outcomes.get(outcome) ?? 0, outcome).toBeGreaterThan(20);
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
