// Lays the starter designs out again after a hand edit, in place:
//   node --import tsx src/templates/relayout.ts            every starter
//   node --import tsx src/templates/relayout.ts chat-naive  only the ones named
// Each file goes through the real import first, so a broken edit is reported, not laid out.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeImportError, importValue } from '../io/import.ts';
import { layOutInProcess, layoutProblems } from '../layout/testing.ts';

const SUFFIX = '.faultline.json';
const here = dirname(fileURLToPath(import.meta.url));
const wanted = new Set(process.argv.slice(2));
const files = readdirSync(here).filter(
  (name) => name.endsWith(SUFFIX) && (wanted.size === 0 || wanted.has(name.slice(0, -SUFFIX.length))),
);

for (const name of files) {
  const path = join(here, name);
  const imported = importValue(JSON.parse(readFileSync(path, 'utf8')));
  if (!imported.ok) {
    console.error(`${name}: ${describeImportError(imported.error)}`);
    process.exitCode = 1;
    continue;
  }
  const laidOut = await layOutInProcess(imported.doc, { direction: 'RIGHT' });
  const problems = layoutProblems(laidOut);
  if (problems.length > 0) console.warn(`${name}: ${problems.join('; ')}`);
  writeFileSync(path, `${JSON.stringify(laidOut, null, 2)}\n`);
  console.log(`${name}: laid out ${laidOut.nodes.length} nodes`);
}
