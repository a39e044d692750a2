// Builds the command line into dist-cli/: `npm run build:cli`, run by npm's `prepare`
// (so after every `npm install` and `npm ci`) and by `npm run build`.
//
// tsx compiling src/ on every run costs about half a second; the bundle starts in a
// fraction of that. bin/faultline.js runs it only while it is fresh: the manifest
// lists every file the bundle was built from (esbuild's metafile) and when the build
// started, and an input changed since then sends the launcher back to tsx. So the
// bundle is never stale, only sometimes unused.
//
// Dynamic imports stay chunks of their own (esbuild's splitting), so linting a JSON
// file never loads the draw.io parser.
import { build, type Metafile } from 'esbuild';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Manifest {
  /** When the build started, in ms since the epoch: an input modified after it may not be in the bundle. */
  builtAt: number;
  /** Paths relative to the repository root, every source and package file in the bundle. */
  inputs: string[];
}

export const MANIFEST = 'manifest.json';

const CLOCK_MARGIN_MS = 100;

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds src/cli/main.ts into `outdir` (dist-cli/ by default) and writes its manifest last. */
export async function buildCli(outdir = `${root}dist-cli`): Promise<{ manifest: Manifest; outputs: Metafile['outputs'] }> {
  // A file's mtime comes from the kernel's coarse clock, which may trail Date.now() by a
  // few ms: an edit made just before the build counts as after it (only ever too cautious).
  const builtAt = Date.now() - CLOCK_MARGIN_MS;
  // The manifest goes first and comes back last: while it is missing the launcher uses tsx,
  // so a run during the build never loads half-written chunks.
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
    // A readable bundle: a stack trace from a bug should name the functions.
    minify: false,
  });
  const manifest: Manifest = { builtAt, inputs: inputsOf(metafile) };
  writeFileSync(`${outdir}/${MANIFEST}`, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, outputs: metafile.outputs };
}

/** The files esbuild read; it also lists virtual modules, which have no file to watch. */
function inputsOf(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs)
    .filter((input) => existsSync(`${root}${input}`))
    .sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { inputs } = (await buildCli()).manifest;
  console.log(`dist-cli/ built from ${inputs.length} files`);
}
