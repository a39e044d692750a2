import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, EDGE_PROPERTIES, SHARED_COMPONENT_KEYS } from '../model/catalogue.ts';
import { describeImportError, importDocument, MAX_FILE_BYTES } from './import.ts';
import { MAX_COORDINATE } from './limits.ts';

// docs/format.md is the public definition of the format: keep it in step with the code.

const doc = readFileSync(new URL('../../docs/format.md', import.meta.url), 'utf8');

describe('docs/format.md', () => {
  it('opens with an example that imports', () => {
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    const result = importDocument(example ?? '');
    expect(result.ok, result.ok ? '' : describeImportError(result.error)).toBe(true);
  });

  it('documents every kind and each of its properties with its default', () => {
    const shared = doc.split('### Kinds')[1]!.split('#### ')[0]!;
    for (const info of CATALOGUE) {
      const section = doc.split(`#### \`${info.kind}\``)[1]?.split('####')[0];
      expect(section, info.kind).toBeDefined();
      for (const spec of info.properties) {
        if (spec.key === 'replicas') continue;
        // The properties every component shares are documented once, before the kinds.
        const where = SHARED_COMPONENT_KEYS.includes(spec.key) ? shared : section!;
        const row = where.split('\n').find((line) => line.startsWith(`| \`${spec.key}\``));
        expect(row, `${info.kind}.${spec.key}`).toBeDefined();
        if (spec.default !== undefined) expect(row, `${info.kind}.${spec.key} default`).toContain(`\`${JSON.stringify(spec.default)}\``);
      }
    }
  });

  it('documents every edge property', () => {
    for (const spec of EDGE_PROPERTIES) expect(doc, spec.key).toContain(`| \`${spec.key}\` |`);
  });

  it('states the limits the code enforces', () => {
    expect(MAX_FILE_BYTES).toBe(20_971_520);
    expect(doc).toContain('20,971,520 bytes');
    expect(doc).toContain(`±${MAX_COORDINATE.toLocaleString('en-US')}`);
  });
});
