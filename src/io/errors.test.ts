import { describe, expect, it } from 'vitest';
import { describeImportError } from './errors.ts';

describe('describeImportError for an unknown format', () => {
  it('names the file and every format that opens', () => {
    const text = describeImportError({ kind: 'unknownFormat', source: 'notes.txt', supported: ['Faultline JSON (.faultline.json, .json)', 'draw.io (.drawio)'] });
    expect(text).toBe('Unknown format: "notes.txt" is not a file Faultline opens; it opens Faultline JSON (.faultline.json, .json), draw.io (.drawio).');
  });

  it('keeps a hostile file name to one quoted line, and a long one whole', () => {
    const text = describeImportError({ kind: 'unknownFormat', source: 'a\nb.txt', supported: ['Faultline JSON (.json)'] });
    expect(text).toContain('"a\\nb.txt"');
    expect(text).not.toMatch(/[\r\n]/);
    const path = `/home/someone/${'deep/'.repeat(20)}notes.txt`;
    expect(describeImportError({ kind: 'unknownFormat', source: path, supported: [] })).toContain(`"${path}"`);
  });
});
