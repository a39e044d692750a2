import { describe, expect, it } from 'vitest';
import type { Diagram } from '../model/types.ts';
import { checkSize, describeImportError, importDocument, importValue, MAX_FILE_BYTES, type ImportError, type ImportResult } from './import.ts';

// One test per class of bad input the brief names, through the same entry points the
// app and the CLI use.

function sample(): Diagram {
  return {
    format: 'faultline',
    version: 2,
    title: 'Shop',
    nodes: [
      { id: 'r1', kind: 'region', label: 'eu', position: { x: 0, y: 0 }, size: { width: 900, height: 600 }, props: {} },
      { id: 'za', kind: 'zone', label: 'eu-a', position: { x: 20, y: 20 }, size: { width: 400, height: 500 }, parentId: 'r1', props: {} },
      { id: 'client', kind: 'client', label: 'Browser', position: { x: -300, y: 0 }, props: { replicas: 1 } },
      { id: 'lb', kind: 'load-balancer', label: 'LB', position: { x: 40, y: 40 }, parentId: 'za', props: { replicas: 2, strategy: 'least-connections' } },
      { id: 'db', kind: 'sql-database', label: 'DB', position: { x: 40, y: 200 }, parentId: 'r1', props: { replicas: 2 } },
    ],
    edges: [
      { id: 'e1', source: 'client', target: 'lb', props: { kind: 'request', protocol: 'https' } },
      { id: 'e2', source: 'lb', target: 'db', props: {} },
    ],
  };
}

// These tests put wrong values of every type into any place of a document; a typed
// view of it would only get in the way.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

/** A JSON-like copy of the sample, changed by `change`. */
function changed(change: (doc: Loose) => void): Loose {
  const doc = structuredClone(sample()) as Loose;
  change(doc);
  return doc;
}

function errorOf(result: ImportResult): ImportError {
  if (result.ok) throw new Error('expected the import to fail');
  return result.error;
}

function problemsOf(result: ImportResult) {
  const error = errorOf(result);
  if (error.kind !== 'invalidDocument') throw new Error(`expected invalidDocument, got ${error.kind}: ${describeImportError(error)}`);
  return error.problems;
}

describe('importDocument accepts valid documents', () => {
  it('returns the document', () => {
    const result = importDocument(JSON.stringify(sample()));
    expect(result).toEqual({ ok: true, doc: sample(), notes: [] });
  });

  it('ignores a UTF-8 byte-order mark', () => {
    expect(importDocument(`\uFEFF${JSON.stringify(sample())}`).ok).toBe(true);
  });

  it('reads absent props as {}', () => {
    const result = importValue(changed((doc) => {
      delete doc.nodes[0].props;
      delete doc.edges[1].props;
    }));
    expect(result.ok && result.doc.nodes[0]!.props).toEqual({});
    expect(result.ok && result.doc.edges[1]!.props).toEqual({});
  });

  it('puts parents before their children', () => {
    const result = importValue(changed((doc) => doc.nodes.reverse()));
    if (!result.ok) throw new Error(describeImportError(result.error));
    const seen = new Set<string>();
    for (const node of result.doc.nodes) {
      if (node.parentId) expect(seen).toContain(node.parentId);
      seen.add(node.id);
    }
    expect(result.doc.nodes.map((node) => node.kind).slice(0, 2)).toEqual(['region', 'zone']);
  });

  it('keeps unknown props whose values are text, numbers or booleans', () => {
    const result = importValue(changed((doc) => {
      doc.nodes[3].props.team = 'edge';
      doc.nodes[3].props.cpu = 2.5;
      doc.edges[0].props.priority = true;
    }));
    expect(result.ok && result.doc.nodes.find((node) => node.id === 'lb')!.props).toMatchObject({ team: 'edge', cpu: 2.5 });
    expect(result.ok && result.doc.edges[0]!.props).toMatchObject({ priority: true });
  });

  it('never shares objects with the value it was given, and never changes it', () => {
    const value = sample();
    const before = structuredClone(value);
    const result = importValue(value);
    expect(value).toEqual(before);
    if (!result.ok) throw new Error('expected ok');
    expect(result.doc.nodes[0]).not.toBe(value.nodes[0]);
    expect(result.doc.nodes[0]!.props).not.toBe(value.nodes[0]!.props);
    expect(result.doc.edges[0]!.props).not.toBe(value.edges[0]!.props);
  });

  it('drops optional fields and props that are undefined (possible only in stored values)', () => {
    const result = importValue(changed((doc) => {
      doc.nodes[2].parentId = undefined;
      doc.nodes[2].props.replicas = undefined;
    }));
    if (!result.ok) throw new Error(describeImportError(result.error));
    const client = result.doc.nodes.find((node) => node.id === 'client')!;
    expect('parentId' in client).toBe(false);
    expect('replicas' in client.props).toBe(false);
  });
});

describe('size', () => {
  it('refuses text over 20 MB before parsing it', () => {
    const text = `{"format":"faultline","pad":"${'x'.repeat(MAX_FILE_BYTES)}"}`;
    const error = errorOf(importDocument(text));
    expect(error).toMatchObject({ kind: 'tooLarge', limit: MAX_FILE_BYTES });
    expect(describeImportError(error)).toMatch(/20\.0 MB/);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const text = '"' + '€'.repeat(Math.ceil(MAX_FILE_BYTES / 3) + 1) + '"';
    expect(errorOf(importDocument(text))).toMatchObject({ kind: 'tooLarge' });
  });

  it('lets the page refuse a File by its size', () => {
    expect(checkSize(MAX_FILE_BYTES)).toBeNull();
    expect(checkSize(MAX_FILE_BYTES + 1)).toMatchObject({ kind: 'tooLarge', bytes: MAX_FILE_BYTES + 1 });
  });
});

describe('not JSON', () => {
  it('gives the line, column and position of the error', () => {
    const text = '{\n  "format": "faultline",\n  "version": 1,\n  "title": oops\n}';
    const error = errorOf(importDocument(text));
    expect(error).toMatchObject({ kind: 'notJson', line: 4, column: 12, position: text.indexOf('oops') });
    expect(describeImportError(error)).toBe(
      `Not valid JSON at line 4, column 12 (position ${text.indexOf('oops')}): expected a value, found "o".`,
    );
  });

  it('reports an empty file', () => {
    expect(errorOf(importDocument(''))).toMatchObject({ kind: 'notJson', position: 0, line: 1, column: 1 });
  });

  it('reports a truncated file at its end', () => {
    const text = JSON.stringify(sample()).slice(0, 40);
    expect(errorOf(importDocument(text))).toMatchObject({ kind: 'notJson', position: 40 });
  });
});

describe('not a Faultline file', () => {
  it.each([
    ['an array', '[]', 'the JSON holds a list, not an object'],
    ['a string', '"faultline"', 'the JSON holds "faultline", not an object'],
    ['no format', '{"version":1}', 'it has no "format": "faultline" field'],
    ['another format', '{"type":"excalidraw","format":"excalidraw"}', '"format" is "excalidraw", not "faultline"'],
  ])('refuses %s', (_name, text, reason) => {
    const error = errorOf(importDocument(text));
    expect(error).toEqual({ kind: 'notAFaultlineFile', reason });
    expect(describeImportError(error)).toBe(`Not a Faultline file: ${reason}.`);
  });
});

describe('versions', () => {
  it('refuses a version newer than this app knows, before validating anything else', () => {
    const error = errorOf(importDocument('{"format":"faultline","version":3,"nodes":"whatever"}'));
    expect(error).toEqual({ kind: 'versionTooNew', version: 3, supported: 2 });
    expect(describeImportError(error)).toMatch(/version 3.*newer Faultline.*up to 2/);
  });

  it.each([
    ['missing', '{"format":"faultline"}', 'missing'],
    ['text', '{"format":"faultline","version":"1"}', '"1"'],
    ['zero', '{"format":"faultline","version":0}', '0'],
    ['a fraction', '{"format":"faultline","version":1.5}', '1.5'],
  ])('refuses a version that is %s', (_name, text, found) => {
    expect(errorOf(importDocument(text))).toEqual({ kind: 'unsupportedVersion', found });
  });
});

describe('invalid documents name the problem and where it is', () => {
  it('a dangling edge names the edge and the missing node', () => {
    const problems = problemsOf(importValue(changed((doc) => (doc.edges[1].target = 'cache')))) ;
    expect(problems).toEqual([{ path: 'edges[1].target', message: 'edge "e2" points at node "cache", which does not exist' }]);
  });

  it('a dangling edge source too', () => {
    const problems = problemsOf(importValue(changed((doc) => (doc.edges[0].source = 'nobody'))));
    expect(problems).toEqual([{ path: 'edges[0].source', message: 'edge "e1" starts at node "nobody", which does not exist' }]);
  });

  it('a duplicate node id', () => {
    const problems = problemsOf(importValue(changed((doc) => (doc.nodes[4].id = 'lb'))));
    expect(problems).toContainEqual({ path: 'nodes[4].id', message: 'the id "lb" is used twice: by nodes[3] and by nodes[4]' });
  });

  it('an id shared by a node and an edge', () => {
    const problems = problemsOf(importValue(changed((doc) => (doc.edges[0].id = 'db'))));
    expect(problems).toEqual([{ path: 'edges[0].id', message: 'the id "db" is used twice: by nodes[4] and by edges[0]' }]);
  });

  it('an unknown kind', () => {
    const [problem] = problemsOf(importValue(changed((doc) => (doc.nodes[3].kind = 'mainframe'))));
    expect(problem!.path).toBe('nodes[3].kind');
    expect(problem!.message).toMatch(/^node "lb": unknown kind "mainframe"; the kinds are client, dns, /);
  });

  it.each([
    ['replicas below 1', 'replicas', 0, 'node "lb": props.replicas is 0; Replicas must be at least 1'],
    ['replicas not whole', 'replicas', 1.5, 'node "lb": props.replicas is 1.5; Replicas must be a whole number'],
    ['replicas as text', 'replicas', '2', 'node "lb": props.replicas is "2"; Replicas must be a whole number'],
    ['an enum outside its options', 'strategy', 'random', 'node "lb": props.strategy is "random"; Strategy must be one of round-robin, weighted-round-robin, least-connections, least-response-time, ip-hash, url-hash'],
    ['a boolean as text', 'healthChecks', 'yes', 'node "lb": props.healthChecks is "yes"; Health checks must be true or false'],
    ['needs outside its options', 'needs', 'some', 'node "lb": props.needs is "some"; Needs must be one of all, any'],
    ['availability above 1', 'availability', 1.5, 'node "lb": props.availability is 1.5; Availability must be at most 1'],
    ['availability of 0', 'availability', 0, 'node "lb": props.availability is 0; Availability must be more than 0'],
    ['more healthy instances needed than there are', 'minHealthy', 3, 'node "lb": props.minHealthy is 3, more than its 2 replicas; it could never be up'],
  ])('a property of the wrong type or range: %s', (_name, key, value, message) => {
    const problems = problemsOf(importValue(changed((doc) => (doc.nodes[3].props[key] = value))));
    expect(problems).toEqual([{ path: `nodes[3].props.${key}`, message }]);
  });

  it('an edge property of the wrong type or range', () => {
    const problems = problemsOf(importValue(changed((doc) => (doc.edges[0].props = { kind: 'rpc', retries: -1, weight: 0, optional: 'yes' }))));
    expect(problems.map((problem) => problem.path)).toEqual(['edges[0].props.kind', 'edges[0].props.retries', 'edges[0].props.weight', 'edges[0].props.optional']);
    expect(problems[1]!.message).toBe('edge "e1": props.retries is -1; Retries must be at least 0');
    expect(problems[2]!.message).toBe('edge "e1": props.weight is 0; Weight must be more than 0');
  });

  it('an unknown prop that is not text, a number or a boolean', () => {
    const problems = problemsOf(importValue(changed((doc) => (doc.nodes[3].props.tags = ['a']))));
    expect(problems).toEqual([{ path: 'nodes[3].props.tags', message: 'node "lb": props.tags must be text, a finite number or true/false, not a list' }]);
  });

  it('a parent cycle', () => {
    const value = changed((doc) => {
      doc.nodes.push({ id: 'zb', kind: 'zone', label: 'b', position: { x: 0, y: 0 }, size: { width: 1, height: 1 }, parentId: 'zc', props: {} });
      doc.nodes.push({ id: 'zc', kind: 'zone', label: 'c', position: { x: 0, y: 0 }, size: { width: 1, height: 1 }, parentId: 'zb', props: {} });
    });
    expect(problemsOf(importValue(value))).toEqual([{ path: 'nodes[5].parentId', message: 'zone "zb" is inside itself: "zb" → "zc" → "zb"' }]);
  });

  it('a node that is its own parent', () => {
    const problems = problemsOf(importValue(changed((doc) => (doc.nodes[1].parentId = 'za'))));
    expect(problems).toEqual([{ path: 'nodes[1].parentId', message: 'zone "za" is inside itself: "za" → "za"' }]);
  });

  it('a parent that is not a group', () => {
    const problems = problemsOf(importValue(changed((doc) => (doc.nodes[4].parentId = 'lb'))));
    expect(problems).toEqual([{ path: 'nodes[4].parentId', message: 'node "db": its parent "lb" is a load-balancer; only a region or a zone can hold other nodes' }]);
  });

  it('a parent that does not exist', () => {
    const problems = problemsOf(importValue(changed((doc) => (doc.nodes[4].parentId = 'r9'))));
    expect(problems).toEqual([{ path: 'nodes[4].parentId', message: 'node "db": parentId "r9" names no node' }]);
  });

  it('a region inside a group, and a zone inside a zone', () => {
    const value = changed((doc) => {
      doc.nodes.push({ id: 'r2', kind: 'region', label: 'r2', position: { x: 0, y: 0 }, size: { width: 1, height: 1 }, parentId: 'r1', props: {} });
      doc.nodes.push({ id: 'zz', kind: 'zone', label: 'zz', position: { x: 0, y: 0 }, size: { width: 1, height: 1 }, parentId: 'za', props: {} });
    });
    expect(problemsOf(importValue(value))).toEqual([
      { path: 'nodes[5].parentId', message: 'region "r2" is inside region "r1"; regions sit at the top level' },
      { path: 'nodes[6].parentId', message: 'zone "zz" is inside zone "za"; a zone sits in a region or at the top level' },
    ]);
  });

  it('a group without a size', () => {
    const problems = problemsOf(importValue(changed((doc) => delete doc.nodes[0].size)));
    expect(problems).toEqual([{ path: 'nodes[0].size', message: 'region "r1" has no size; regions and zones need one' }]);
  });

  it.each([
    ['NaN', Number.NaN, 'node "lb": position.x must be a finite number, not NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'node "lb": position.x must be a finite number, not Infinity'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'node "lb": position.x must be a finite number, not -Infinity'],
    ['beyond 1e7', 10_000_001, 'node "lb": position.x is 10000001; it must be at most 10000000'],
    ['beyond -1e7', -2e7, 'node "lb": position.x is -20000000; it must be at least -10000000'],
  ])('a coordinate that is %s', (_name, x, message) => {
    expect(problemsOf(importValue(changed((doc) => (doc.nodes[3].position.x = x))))).toEqual([{ path: 'nodes[3].position.x', message }]);
  });

  it('coordinates beyond 1e7 in a file', () => {
    const text = JSON.stringify(sample()).replace('"x":40,"y":40', '"x":1e8,"y":40');
    expect(problemsOf(importDocument(text))[0]!.path).toBe('nodes[3].position.x');
  });

  it.each([
    ['too big', 1e7 + 1, 'node "r1": size.width is 10000001; it must be at most 10000000'],
    ['negative', -1, 'node "r1": size.width is -1; it must be at least 0'],
    ['NaN', Number.NaN, 'node "r1": size.width must be a finite number, not NaN'],
  ])('a size that is %s', (_name, width, message) => {
    expect(problemsOf(importValue(changed((doc) => (doc.nodes[0].size.width = width))))).toEqual([{ path: 'nodes[0].size.width', message }]);
  });

  it('a numeric prop that is NaN or infinite', () => {
    const problems = problemsOf(importValue(changed((doc) => (doc.nodes[3].props.weight = Number.POSITIVE_INFINITY))));
    expect(problems).toEqual([{ path: 'nodes[3].props.weight', message: 'node "lb": props.weight must be text, a finite number or true/false, not Infinity' }]);
  });

  it('a missing field and a field of the wrong type', () => {
    const problems = problemsOf(importValue(changed((doc) => {
      delete doc.nodes[2].label;
      doc.title = 7;
    })));
    expect(problems).toEqual([
      { path: 'title', message: 'title must be text, not 7' },
      { path: 'nodes[2].label', message: 'node "client": label is missing' },
    ]);
  });

  it('an unknown field, listing the known ones', () => {
    const problems = problemsOf(importValue(changed((doc) => (doc.nodes[4].parentID = 'r1'))));
    expect(problems).toEqual([
      { path: 'nodes[4].parentID', message: 'node "db": unknown field "parentID"; the fields are id, kind, label, position, size, parentId, notes, props' },
    ]);
  });

  it('describes the first three problems on one line and counts the rest', () => {
    const value = changed((doc) => {
      for (const node of doc.nodes) node.label = 1;
    });
    const text = describeImportError(errorOf(importValue(value)));
    expect(text).toMatch(/^Invalid document: node "r1": label must be text, not 1 \(at nodes\[0\]\.label\); .*; and 2 more problems\.$/);
    expect(text).not.toMatch(/\n/);
  });

  it('keeps messages on one line whatever the ids hold', () => {
    const text = describeImportError(errorOf(importValue(changed((doc) => (doc.edges[0].target = 'a\nb')))));
    expect(text).toContain('"a\\nb"');
    expect(text).not.toMatch(/[\r\n]/);
  });
});

describe('prototype keys do nothing', () => {
  const polluted = () => (Object.prototype as Record<string, unknown>).polluted;

  it.each([
    ['the document', '{"__proto__":{"polluted":1},'],
    ['a node', null],
  ])('in %s', (_where, prefix) => {
    const json = JSON.stringify(sample());
    const text = prefix ? json.replace('{', prefix) : json.replace('{"id":"lb",', '{"id":"lb","__proto__":{"polluted":1},');
    const error = errorOf(importDocument(text));
    expect(error.kind).toBe('invalidDocument');
    expect(describeImportError(error)).toMatch(/the key "__proto__" is not allowed/);
    expect(polluted()).toBeUndefined();
  });

  it.each(['__proto__', 'constructor', 'prototype'])('%s as a prop key', (key) => {
    const text = JSON.stringify(sample()).replace('"props":{"replicas":2,', `"props":{"${key}":{"polluted":1},"replicas":2,`);
    const problems = problemsOf(importDocument(text));
    expect(problems).toEqual([{ path: `nodes[3].props.${key}`, message: `the key "${key}" is not allowed anywhere in a document` }]);
    expect(polluted()).toBeUndefined();
  });

  it('deep inside a value given directly', () => {
    const value = changed((doc) => Object.defineProperty(doc.nodes[0].position, 'constructor', { value: { prototype: { polluted: 1 } }, enumerable: true }));
    expect(problemsOf(importValue(value))).toEqual([{ path: 'nodes[0].position.constructor', message: 'the key "constructor" is not allowed anywhere in a document' }]);
    expect(polluted()).toBeUndefined();
  });

  it('ids that look like prototype members are only ids', () => {
    const value = changed((doc) => {
      doc.nodes[3].id = '__proto__';
      doc.edges[0].target = '__proto__';
      doc.edges[1].source = '__proto__';
      doc.nodes[2].id = 'constructor';
      doc.edges[0].source = 'constructor';
    });
    const result = importValue(value);
    expect(result.ok).toBe(true);
  });
});

describe('importValue', () => {
  it('refuses values that are not plain documents without throwing', () => {
    for (const value of [undefined, null, 0, 'x', [], new Map(), () => 1, Symbol('s')]) {
      expect(importValue(value).ok).toBe(false);
    }
  });

  it('copes with cycles in a stored value', () => {
    const value = changed(() => {});
    value.nodes[0].props.self = value;
    expect(importValue(value).ok).toBe(false);
  });

  it('copes with deep nesting', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const value = changed((doc) => (doc.nodes[0].notes = deep));
    expect(problemsOf(importValue(value))[0]!.path).toBe('nodes[0].notes');
    const text = `{"format":"faultline","version":1,"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(errorOf(importDocument(text)).kind).toBe('invalidDocument');
  });

  it('reads only own properties of the envelope', () => {
    const value = Object.create({ format: 'faultline', version: 1 }) as object;
    expect(errorOf(importValue(value)).kind).toBe('notAFaultlineFile');
  });
});
