import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freshBuild } from '../bin/built.js';
import { runCli } from '../src/cli/cli.ts';
import { buildCli, MANIFEST } from './cli.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'faultline-build-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const asDirectory = (path: string) => pathToFileURL(`${path}/`);

describe('the built CLI', () => {
  it('prints what the TypeScript prints and keeps the draw.io parser out of a JSON lint', async () => {
    const outdir = join(dir, 'dist-cli');
    const { manifest, outputs } = await buildCli(outdir);
    const run = (args: string[]) => spawnSync(process.execPath, [join(outdir, 'main.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(manifest.inputs).toContain('src/cli/main.ts');
    expect(manifest.inputs).toContain('src/io/formats/drawio/import.ts');
    const file = 'src/templates/checkout.faultline.json';
    for (const args of [['lint', file, '--format', 'json'], ['lint', file], ['rules']]) {
      const built = run(args);
      const source = await runCli(args);
      expect({ stdout: built.stdout, stderr: built.stderr, status: built.status }).toEqual({ stdout: source.stdout, stderr: source.stderr, status: source.exitCode });
    }
    // convert writes the same file from the bundle as from the source (the draw.io writer is a chunk of its own).
    const fromBundle = join(dir, 'bundle.drawio');
    const fromSource = join(dir, 'source.drawio');
    expect(run(['convert', file, fromBundle]).status).toBe(0);
    expect((await runCli(['convert', file, fromSource])).exitCode).toBe(0);
    expect(readFileSync(fromBundle, 'utf8')).toBe(readFileSync(fromSource, 'utf8'));
    // Without the chunk that holds the draw.io parser, a JSON file still lints: that path never loads it.
    const drawioChunk = Object.entries(outputs).find(([, output]) => 'src/io/formats/drawio/import.ts' in output.inputs)![0];
    rmSync(join(root, drawioChunk));
    const drawioFile = join(dir, 'one.drawio');
    writeFileSync(drawioFile, '<mxfile><diagram name="p"><mxGraphModel><root><mxCell id="0"/></root></mxGraphModel></diagram></mxfile>');
    expect(run(['lint', file]).status).toBe((await runCli(['lint', file])).exitCode);
    expect(run(['lint', drawioFile]).stderr).toMatch(/Cannot find module/);
  }, 60_000);
});

describe('freshBuild: whether bin/faultline.js may run dist-cli/', () => {
  const repo = join(dir, 'repo');
  const out = join(repo, 'dist-cli');
  const source = join(repo, 'a.ts');
  const builtAt = Date.UTC(2026, 0, 1);
  function setUp(manifest: unknown) {
    rmSync(repo, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    writeFileSync(source, '');
    utimesSync(source, new Date(builtAt - 60_000), new Date(builtAt - 60_000));
    writeFileSync(join(out, MANIFEST), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  }

  it('is the built entry when every input is older than the build', () => {
    setUp({ builtAt, inputs: ['a.ts'] });
    expect(freshBuild(asDirectory(out), asDirectory(repo))?.href).toBe(pathToFileURL(join(out, 'main.js')).href);
  });

  it('is null once an input changed after the build started', () => {
    setUp({ builtAt, inputs: ['a.ts'] });
    utimesSync(source, new Date(builtAt + 1), new Date(builtAt + 1));
    expect(freshBuild(asDirectory(out), asDirectory(repo))).toBeNull();
  });

  it('is null when an input is gone, or the manifest is missing or not one', () => {
    setUp({ builtAt, inputs: ['a.ts', 'gone.ts'] });
    expect(freshBuild(asDirectory(out), asDirectory(repo))).toBeNull();
    setUp('{"builtAt": "yesterday", "inputs": []}');
    expect(freshBuild(asDirectory(out), asDirectory(repo))).toBeNull();
    setUp('not json');
    expect(freshBuild(asDirectory(out), asDirectory(repo))).toBeNull();
    rmSync(join(out, MANIFEST));
    expect(freshBuild(asDirectory(out), asDirectory(repo))).toBeNull();
  });
});
