import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../model/catalogue.ts';

// The review asks the catalogue what a kind is (its traits, its CAP family, its
// property defaults). A list of kind names written into analysis/ would have to be
// found and edited by hand whenever a kind is added, so none may exist.

const root = import.meta.dirname;
/** Files only tests import: the literal reference model may spell the brief out. */
const TEST_SUPPORT = new Set(['testing.ts', 'reference.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !TEST_SUPPORT.has(entry.name) ? [path] : [];
  });
}

const kindName = `'(?:${NODE_KINDS.join('|')})'`;
const KIND_LIST = new RegExp(`\\[\\s*${kindName}\\s*,\\s*${kindName}`);
const ENTRY_TEST = /kind\s*[!=]==\s*'client'/;

describe('analysis/', () => {
  it.each(sources(root).map((path) => [relative(root, path), path]))('%s names no list of kinds and no entry kind', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(KIND_LIST);
    expect(text).not.toMatch(ENTRY_TEST);
  });

  it('would catch a list of kinds', () => {
    expect("const DATA = new Set(['cache', 'search']);").toMatch(KIND_LIST);
    expect("if (node.kind !== 'client')").toMatch(ENTRY_TEST);
  });
});
