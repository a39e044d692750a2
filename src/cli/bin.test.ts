import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = resolve(import.meta.dirname, '../../bin/faultline.js');

describe('bin/faultline.js', () => {
  it('runs `faultline lint` as a real process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-bin-'));
    try {
      const file = join(dir, 'shop.faultline.json');
      const at = { x: 0, y: 0 };
      writeFileSync(
        file,
        JSON.stringify({
          format: 'faultline',
          version: 1,
          title: 'Shop',
          nodes: [
            { id: 'web', kind: 'client', label: 'Web', position: at, props: {} },
            { id: 'db', kind: 'sql-database', label: 'Orders DB', position: at, props: {} },
          ],
          edges: [{ id: 'e1', source: 'web', target: 'db', props: {} }],
        }),
      );
      const run = spawnSync(process.execPath, [bin, 'lint', file, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      const { findings } = JSON.parse(run.stdout) as { findings: { rule: string; nodes: string[] }[] };
      expect(findings.find((f) => f.rule === 'spof')?.nodes).toEqual(['db']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('exits 2 and names the file and the formats it opens for a file in no known format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-bin-'));
    try {
      const file = join(dir, 'shop.vsdx');
      writeFileSync(file, 'PK\u0003\u0004');
      const run = spawnSync(process.execPath, [bin, 'lint', file], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`faultline lint: ${file}: Unknown format: ${JSON.stringify(file)} is not a file Faultline opens; it opens Faultline JSON (.faultline.json, .json), draw.io diagram (.drawio, .drawio.svg, .drawio.png, .xml, .png), Mermaid diagram (.mmd, .mermaid).\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
