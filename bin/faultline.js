#!/usr/bin/env node
// Runs the CLI built into dist-cli/ (`npm install` and `npm run build` make it) when it
// is up to date with every file it was built from; otherwise, after an edit to src/ or
// when nothing was built, the TypeScript itself through tsx: slower to start, never stale.
import { freshBuild } from './built.js';

const built = freshBuild(new URL('../dist-cli/', import.meta.url), new URL('../', import.meta.url));
if (built) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
