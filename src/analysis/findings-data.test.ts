import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from './run.ts';
import { diagram, edge, node } from './testing.ts';

// The panel, the badges and the failure view act on what a finding carries (its
// subjects, its actions, its CAP class), never on which rule produced it.

describe('findings carry what the UI acts on', () => {
  const findings = analyse(
    diagram(
      node('web', 'client'),
      node('lb', 'load-balancer'),
      node('api', 'service', { replicas: 2 }),
      node('db', 'sql-database', { replicas: 2 }),
      edge('web', 'lb'),
      edge('lb', 'api'),
      edge('api', 'db'),
    ),
  );

  it('gives a single point of failure its unit as the only subject, and the failure view', () => {
    const spof = findings.find((f) => f.rule === 'spof')!;
    expect(spof.nodes).toEqual(['lb']);
    expect(spof.subjects).toEqual(['lb']);
    expect(spof.actions).toEqual(['show', 'what-if']);
  });

  it('gives other findings all their nodes and only "Show"; CAP choices carry their class', () => {
    const cap = findings.find((f) => f.rule === 'cap-choice')!;
    expect(cap).toMatchObject({ subjects: ['db'], actions: ['show'], cap: 'AP' });
    const open = findings.find((f) => f.rule === 'no-rate-limiting')!;
    expect(open.subjects).toEqual(open.nodes);
  });

  it('offers nothing for a finding about no component', () => {
    const [none] = analyse(diagram(node('api', 'service'))).filter((f) => f.rule === 'no-entry-point');
    expect(none).toMatchObject({ nodes: [], subjects: [], actions: [] });
  });
});

const src = join(import.meta.dirname, '..');
const UI_DIRS = ['app', 'canvas', 'panels', 'store', 'commands'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('UI code', () => {
  const RULE_TEST = /\brule\s*[!=]==?\s*['"`]/;
  it.each(UI_DIRS.flatMap((dir) => sources(join(src, dir))).map((path) => [relative(src, path), path]))(
    '%s never asks which rule a finding came from',
    (_name, path) => {
      expect(readFileSync(path, 'utf8')).not.toMatch(RULE_TEST);
    },
  );

  it('would catch such a test', () => {
    expect("finding.rule === 'spof'").toMatch(RULE_TEST);
  });
});
