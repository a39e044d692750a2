// Whether dist-cli/ (build/cli.ts) may run in place of src/: it exists and none of the
// files it was built from changed since the build started. Plain JavaScript, so the
// launcher needs nothing compiled to decide; the stats cost about a millisecond.
import { readFileSync, statSync } from 'node:fs';

/** The URL of the built entry in `outdir` (a directory URL, ending in /) when it is
 *  fresh against `root` (the directory the manifest's inputs are relative to), else null. */
export function freshBuild(outdir, root) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL('manifest.json', outdir), 'utf8'));
  } catch {
    return null;
  }
  if (typeof manifest?.builtAt !== 'number' || !Array.isArray(manifest.inputs)) return null;
  for (const input of manifest.inputs) {
    const stat = statSync(new URL(input, root), { throwIfNoEntry: false });
    if (stat === undefined || stat.mtimeMs > manifest.builtAt) return null;
  }
  return new URL('main.js', outdir);
}
