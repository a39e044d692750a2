// `npm run bench`: every figure the issues ask for, with the machine and the date.
// A benchmark, not a test: it prints numbers and `npm test` never runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function section(title: string, script: string): void {
  console.log(`\n## ${title}\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  if (run.status !== 0) console.log(`(${script} exited with ${run.status})`);
}

console.log('# Faultline benchmark');
console.log(`date: ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

section('Analysis (Node)', 'bench/analysis.ts');
section('Import and export (Node)', 'bench/io.ts');
section('draw.io import (Node)', 'bench/drawio.ts');
section('Command-line start-up', 'bench/cli.ts');
section('Auto layout (ELK in Node)', 'bench/layout.ts');
section('Live collaboration: 20 people in one room (Node clients, server process)', 'bench/collab.ts');
section("Live collaboration: the client's guard admitting a peer's edit (Node)", 'bench/guard.ts');

console.log('\n## First load (production build)\n');
if (!existsSync('dist/bundle-report.json')) spawnSync('npx', ['vite', 'build'], { stdio: 'ignore' });
if (existsSync('dist/bundle-report.json')) {
  const report = JSON.parse(readFileSync('dist/bundle-report.json', 'utf8')) as {
    budgetGzipBytes: number;
    entryGzipBytes: number;
    entry: { file: string; gzipBytes: number }[];
    lazy: { file: string; bytes: number; gzipBytes: number }[];
  };
  console.log(`entry JavaScript: ${kb(report.entryGzipBytes)} gzip (budget ${kb(report.budgetGzipBytes)})`);
  for (const chunk of report.entry) console.log(`  entry  ${chunk.file.padEnd(44)} ${kb(chunk.gzipBytes).padStart(10)} gzip`);
  for (const chunk of report.lazy) console.log(`  lazy   ${chunk.file.padEnd(44)} ${kb(chunk.gzipBytes).padStart(10)} gzip, ${kb(chunk.bytes)} raw`);
} else {
  console.log('(the build failed; run `npx vite build` to see why)');
}

section('A client’s rps edited, in Chromium', 'bench/rps-edit.ts');
if (existsSync('bench/browser.ts')) section('In Chromium against the production build', 'bench/browser.ts');
