import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportJson } from '../export.ts';
import { importDocument } from '../import.ts';
import { faultlineJson } from './faultline.ts';

const fixture = readFileSync(new URL('../fixtures/v2-everything.faultline.json', import.meta.url), 'utf8');

describe('the Faultline JSON format', () => {
  it.each([
    ['an object', '{"format": "faultline"}', true],
    ['an object after white space', '\n  \t{}', true],
    ['an object after a byte-order mark', '\uFEFF{}', true],
    ['a list', '[1, 2]', false],
    ['XML', '<mxfile/>', false],
    ['Mermaid', 'flowchart LR\n  a --> b', false],
    ['nothing', '', false],
  ])('sniffs %s: %s', (_case, text, expected) => {
    expect(faultlineJson.sniff(text)).toBe(expected);
  });

  it('parses through the import pipeline, errors included', async () => {
    expect(await faultlineJson.parse(fixture)).toEqual(importDocument(fixture));
    const broken = '{"format": "faultline",,}';
    expect(await faultlineJson.parse(broken)).toEqual(importDocument(broken));
    expect(await faultlineJson.parse(broken)).toMatchObject({ ok: false, error: { kind: 'notJson' } });
  });

  it('writes what the export writes, and reads it back to the same bytes', async () => {
    const opened = await faultlineJson.parse(fixture);
    if (!opened.ok) throw new Error('the fixture did not open');
    const text = await faultlineJson.serialize(opened.doc);
    expect(text).toBe(exportJson(opened.doc));
    expect(text).toBe(fixture);
  });
});
