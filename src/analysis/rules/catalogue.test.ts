import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../registry.ts';

// The build check for the rule catalogue: every rule file is registered and tested,
// and every rule has an id, a title, an explanation and a fix.

const dir = import.meta.dirname;
const ruleFiles = readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => file.replace(/\.ts$/, ''));

describe('rule catalogue', () => {
  it('has unique ids', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s is kebab-case, documented and lives in its own file', (id, rule) => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.title.trim()).not.toBe('');
    expect(rule.why.trim().length).toBeGreaterThan(40);
    expect(rule.fix.trim().length).toBeGreaterThan(20);
    expect(rule.when.trim().length).toBeGreaterThan(20);
    expect(['error', 'warning', 'info']).toContain(rule.severity);
    expect(ruleFiles).toContain(id);
    // The id is written in the file, not derived from the title.
    expect(readFileSync(join(dir, `${id}.ts`), 'utf8')).toContain(`id: '${id}'`);
  });

  it.each(ruleFiles)('%s.ts is registered and has a test beside it', (file) => {
    expect(RULES.map((rule) => rule.id)).toContain(file);
    expect(existsSync(join(dir, `${file}.test.ts`))).toBe(true);
  });
});
