// Regenerates the documentation that is generated from the code:
//   npm run docs
// docs/format.md (kind and edge-property tables, from the catalogue), docs/numbers.md
// (the default figures, from the catalogue) and
// docs/rules.md (from the rule registry), and the design tokens at the top of
// src/app/styles.css (from src/theme/tokens.ts). Tests fail when any is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { FORMAT_BLOCKS, NUMBERS_BLOCKS, replaceGenerated } from '../src/model/catalogue-doc.ts';
import { renderRulesMarkdown } from '../src/cli/rules-doc.ts';
import { withTokens } from '../src/theme/tokens.ts';

const docs = new URL('../docs/', import.meta.url);

let format = readFileSync(new URL('format.md', docs), 'utf8');
for (const [name, render] of Object.entries(FORMAT_BLOCKS)) format = replaceGenerated(format, name, render());
writeFileSync(new URL('format.md', docs), format);
let numbers = readFileSync(new URL('numbers.md', docs), 'utf8');
for (const [name, render] of Object.entries(NUMBERS_BLOCKS)) numbers = replaceGenerated(numbers, name, render());
writeFileSync(new URL('numbers.md', docs), numbers);
writeFileSync(new URL('rules.md', docs), renderRulesMarkdown());
const styles = new URL('../src/app/styles.css', import.meta.url);
writeFileSync(styles, withTokens(readFileSync(styles, 'utf8')));
console.log('docs/format.md, docs/numbers.md, docs/rules.md and the tokens in src/app/styles.css regenerated');
