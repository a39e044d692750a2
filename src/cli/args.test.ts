import { describe, expect, it } from 'vitest';
import { parseConvertArgs, parseLintArgs } from './args.ts';

describe('parseLintArgs', () => {
  it.each([
    [['a.json'], { files: ['a.json'], format: 'text', help: false }],
    [['a.json', 'b.json', '--format', 'json'], { files: ['a.json', 'b.json'], format: 'json', help: false }],
    [['--format=json', 'a.json'], { files: ['a.json'], format: 'json', help: false }],
    [['a.drawio', '--format', 'sarif'], { files: ['a.drawio'], format: 'sarif', help: false }],
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

describe('parseConvertArgs', () => {
  it('takes IN and OUT, also after --, and --help', () => {
    expect(parseConvertArgs(['a.drawio', 'a.faultline.json'])).toEqual({ ok: true, options: { input: 'a.drawio', output: 'a.faultline.json' } });
    expect(parseConvertArgs(['--', '-a.drawio', '-b.json'])).toEqual({ ok: true, options: { input: '-a.drawio', output: '-b.json' } });
    expect(parseConvertArgs(['a.drawio', '--help'])).toEqual({ ok: true, options: 'help' });
  });

  it.each([
    [[], 'two files, IN and OUT; 0 given'],
    [['a.drawio'], '1 given'],
    [['a', 'b', 'c'], '3 given'],
    [['a', 'b', '--force'], 'unknown option --force'],
  ])('refuses %j', (args, message) => {
    expect(parseConvertArgs(args)).toEqual({ ok: false, message: expect.stringContaining(message) });
  });
});
