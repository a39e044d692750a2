import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from './lint.ts';

const dir = mkdtempSync(join(tmpdir(), 'faultline-lint-mermaid-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const full = join(dir, name);
  writeFileSync(full, content);
  return full;
}

describe('faultline lint on a Mermaid file', () => {
  it('reads a .mmd flowchart through the registry, reviews it, and prints the import report on stderr', async () => {
    const drawn = file('shop.mmd', 'flowchart LR\n  web([Browser]) --> lb[Load balancer] --> api[Orders API] --> db[(Postgres)]\n');
    const result = await lint([drawn, '--format', 'json']);
    expect(result.exitCode).toBe(1);
    const findings: { rule: string; nodes: string[] }[] = JSON.parse(result.stdout).findings;
    expect(findings.some((finding) => finding.rule === 'spof' && finding.nodes[0] === 'db')).toBe(true);
    const notes = result.stderr.trimEnd().split('\n');
    expect(notes[0]).toBe(`faultline lint: ${drawn}: note: Mermaid import of a flowchart: 4 components (4 by label), 0 groups, 3 edges; dropped 0 shapes and 0 edges; 0 guesses.`);
    expect(notes).toContain(`faultline lint: ${drawn}: note: shape "Postgres" (id "db"): sql-database, by label: a cylinder whose label says "postgres"`);
  });

  it('reads a .mermaid architecture-beta diagram', async () => {
    const drawn = file('shop.mermaid', 'architecture-beta\n  service web(internet)[Customers]\n  service api(server)[API]\n  service db(database)[Orders]\n  web:R --> L:api\n  api:R --> L:db\n');
    const result = await lint([drawn, '--format', 'json']);
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((finding: { rule: string }) => finding.rule)).toContain('spof');
  });

  it('exits 2 with the line and column of a syntax error', async () => {
    const broken = file('broken.mmd', 'flowchart LR\n  a -->\n');
    const result = await lint([broken]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`faultline lint: ${broken}: Not a readable Mermaid diagram at line 2, column 8: expected a node id after the edge, found the end of the line.\n`);
  });
});
