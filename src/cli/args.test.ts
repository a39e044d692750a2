import { describe, expect, it } from 'vitest';
import { parseLintArgs } from './args.ts';

describe('parseLintArgs', () => {
  it.each([
    [['a.json'], { files: ['a.json'], format: 'text', help: false }],
    [['a.json', 'b.json', '--format', 'json'], { files: ['a.json', 'b.json'], format: 'json', help: false }],
    [['--format=json', 'a.json'], { files: ['a.json'], format: 'json', help: false }],
    [['--help'], { files: [], format: 'text', help: true }],
    [['--', '--odd-name.json'], { files: ['--odd-name.json'], format: 'text', help: false }],
  ])('%j', (args, options) => {
    expect(parseLintArgs(args)).toEqual({ ok: true, options });
  });

  it.each([
    [[], 'no file given'],
    [['a.json', '--format'], '--format needs a value'],
    [['a.json', '--format', 'xml'], 'unknown format "xml"'],
    [['a.json', '--fix'], 'unknown option --fix'],
  ])('refuses %j', (args, message) => {
    const parsed = parseLintArgs(args);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});
