import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { reviewMarkdown } from '../io/formats/review/markdown.ts';
import { templateById } from '../templates/index.ts';
import { runCli } from './cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'faultline-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);
const naive = templateById('url-shortener-naive')!.doc;
const robust = templateById('url-shortener-robust')!.doc;
// The starter files as they are, so what the command opens is exactly the template's document.
const starter = (id: string) => fileURLToPath(new URL(`../templates/${id}.faultline.json`, import.meta.url));

describe('faultline report', () => {
  it('prints the Markdown review and exits 1 when the design has an error finding, as lint does', async () => {
    const result = await runCli(['report', starter('url-shortener-naive')]);
    expect(result).toEqual({ stdout: reviewMarkdown(naive), stderr: '', exitCode: 1 });
    expect(result.stdout).toMatch(/^# Design review: URL shortener \(first draft\)\n/);
  });

  it('exits 0 for a design without errors', async () => {
    const result = await runCli(['report', starter('url-shortener-robust')]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('## Numbers');
  });

  it('writes the same review through convert to a .md file', async () => {
    const output = at('review.md');
    expect((await runCli(['convert', starter('url-shortener-robust'), output])).exitCode).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(reviewMarkdown(robust));
  });

  it.each([
    ['no file', [], 'report takes one file; 0 given'],
    ['two files', ['a.json', 'b.json'], 'report takes one file; 2 given'],
    ['an unknown option', ['--format', 'x'], 'unknown option --format'],
  ])('refuses %s with the usage and exit 2', async (_name, args, message) => {
    const result = await runCli(['report', ...args]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^faultline report: ${message}\\n\\nUsage:`));
  });

  it('names the file that cannot be read, with exit 2', async () => {
    const result = await runCli(['report', at('missing.json')]);
    expect(result).toEqual({ stdout: '', stderr: `faultline report: ${at('missing.json')}: cannot read the file (no such file)\n`, exitCode: 2 });
  });
});
