import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeImportError } from '../../errors.ts';
import { importDrawio } from './import.ts';
import { mappedShare } from '../report.ts';

// Real diagrams from public repositories (corpus/README.md names each source and
// licence). Every one must import; the share of components whose kind came from
// their shape or label (not the default) is printed, and must not fall.

const dir = new URL('./corpus/', import.meta.url);
const files = readdirSync(dir).filter((name) => name.endsWith('.drawio'));
const readme = readFileSync(new URL('README.md', dir), 'utf8');

describe('the draw.io corpus', () => {
  it('holds at least 30 diagrams from several repositories, each with its source and licence', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const file of files) expect(readme, file).toMatch(new RegExp(`\\| \`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\` \\| https://github\\.com/\\S+ \\| (MIT|MIT-0|Apache-2\\.0) \\|`));
    expect(new Set(files.map((file) => file.split('--')[0])).size).toBeGreaterThanOrEqual(3);
  });

  it('imports every diagram, and maps most components by shape or label', () => {
    let mapped = 0;
    let components = 0;
    for (const file of files) {
      const result = importDrawio(readFileSync(new URL(file, dir), 'utf8'));
      if (!result.ok) throw new Error(`${file}: ${describeImportError(result.error)}`);
      const share = mappedShare(result.report!);
      mapped += share.mapped;
      components += share.components;
    }
    const percent = (100 * mapped) / components;
    console.log(`draw.io corpus: ${files.length} files, ${components} components, ${mapped} (${percent.toFixed(1)}%) mapped by shape or label`);
    // The target. Shapes leave the count only as the report says why: text,
    // notes, table cells, containers, and icons or words for what the review does not
    // model (networking, accounts, delivery, monitoring, a provider's logo).
    expect(percent).toBeGreaterThanOrEqual(90);
  }, 60_000);
});
