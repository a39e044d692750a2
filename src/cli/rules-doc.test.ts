import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../analysis/registry.ts';
import { runCli } from './cli.ts';
import { renderRulesMarkdown } from './rules-doc.ts';

describe('docs/rules.md', () => {
  it('is up to date with the registry (regenerate: node bin/faultline.js rules --markdown > docs/rules.md)', () => {
    const onDisk = readFileSync(resolve(import.meta.dirname, '../../docs/rules.md'), 'utf8');
    expect(onDisk).toBe(renderRulesMarkdown());
  });

  it('documents every rule with its explanation and fix', () => {
    const doc = renderRulesMarkdown();
    for (const rule of RULES) {
      expect(doc).toContain(`## ${rule.id}\n`);
      expect(doc).toContain(rule.why);
      expect(doc).toContain(rule.fix);
    }
  });
});

describe('faultline rules', () => {
  it('lists every rule, or prints the docs page', async () => {
    const list = await runCli(['rules']);
    expect(list.exitCode).toBe(0);
    expect(list.stdout.trim().split('\n')).toHaveLength(RULES.length);
    expect((await runCli(['rules', '--markdown'])).stdout).toBe(renderRulesMarkdown());
    expect((await runCli(['rules', '--json'])).exitCode).toBe(2);
  });
});
