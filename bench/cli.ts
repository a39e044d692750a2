// CLI start-up benchmark: `node --import tsx bench/cli.ts [RUNS]`
//
// Spawns `node bin/faultline.js lint FILE` RUNS times (default 15, after one warm-up)
// and prints the median wall-clock time, beside a bare `node -e 0` and the same lint
// run from the TypeScript through tsx (what bin/faultline.js falls back to when
// dist-cli/ is missing or older than src/). Issue 15 asks for a small file in ≤ 250 ms.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 15);
const FILES = ['src/templates/url-shortener-naive.faultline.json', 'src/templates/notifications.faultline.json'];

function medianMs(args: readonly string[]): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    const elapsed = performance.now() - start;
    if (run.status !== 0 && run.status !== 1) throw new Error(`node ${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
    if (i > 0) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const nodesIn = (file: string) => (JSON.parse(readFileSync(new URL(file, `file://${root}`), 'utf8')) as { nodes: unknown[] }).nodes.length;
const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(7);

console.log(`median of ${runs} runs each`);
console.log(`${ms(medianMs(['-e', '0']))}  node -e 0`);
for (const file of FILES) {
  console.log(`${ms(medianMs(['bin/faultline.js', 'lint', file]))}  faultline lint ${file} (${nodesIn(file)} components)`);
}
console.log(`${ms(medianMs(['--import', 'tsx', 'src/cli/main.ts', 'lint', FILES[0]!]))}  the same from src/ through tsx (the fallback)`);
