import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, TRAITS } from './catalogue.ts';
import { FORMAT_BLOCKS, generatedBlock, NUMBERS_BLOCKS, renderAvailabilityFiguresMarkdown, renderKindsMarkdown, replaceGenerated } from './catalogue-doc.ts';

const formatDoc = readFileSync(new URL('../../docs/format.md', import.meta.url), 'utf8');

describe('docs/format.md', () => {
  it.each(Object.entries(FORMAT_BLOCKS))('has the %s block up to date (regenerate: npm run docs)', (name, render) => {
    expect(generatedBlock(formatDoc, name)).toBe(render());
  });
});

describe('docs/numbers.md', () => {
  const numbersDoc = readFileSync(new URL('../../docs/numbers.md', import.meta.url), 'utf8');
  it.each(Object.entries(NUMBERS_BLOCKS))('has the %s block up to date (regenerate: npm run docs)', (name, render) => {
    expect(generatedBlock(numbersDoc, name)).toBe(render());
  });

  it('gives every kind that can fail its figure and its source', () => {
    const table = renderAvailabilityFiguresMarkdown();
    for (const info of CATALOGUE) {
      if (info.kind === 'client') expect(table).not.toContain('`client`');
      else expect(table).toContain(`| \`${info.kind}\` | `);
    }
    expect(table).toContain('| `zone` | 99.9% | — |');
    expect(table).toContain('| `service` | 99.5% | 99.99% | AWS EC2 SLA');
  });
});

describe('renderKindsMarkdown', () => {
  const markdown = renderKindsMarkdown();

  it('gives every kind a section and every trait a row', () => {
    for (const info of CATALOGUE) expect(markdown).toContain(`#### \`${info.kind}\` — ${info.name}\n`);
    for (const trait of Object.keys(TRAITS)) expect(markdown).toContain(`| \`${trait}\` |`);
  });

  it('lists a kind’s traits and its own properties with their defaults', () => {
    const section = markdown.split('#### `load-balancer`')[1]!.split('####')[0]!;
    expect(section).toContain('Traits: `stateless`, `distributor`.');
    expect(section).toContain('| `strategy` | `round-robin` \\| `weighted-round-robin`');
    expect(section).toContain('| `healthChecks` | boolean | `true` |');
    expect(section).not.toContain('`replicas`');
  });
});

describe('replaceGenerated', () => {
  const doc = (body: string) => `before\n${'<!-- generated:x from src/model/catalogue.ts by `npm run docs`; do not edit by hand -->'}\n${body}\n<!-- end generated:x -->\nafter\n`;

  it('replaces only the block, and reads back what it wrote', () => {
    const updated = replaceGenerated(doc('old'), 'x', 'new\ntext');
    expect(updated).toBe(doc('new\ntext'));
    expect(generatedBlock(updated, 'x')).toBe('new\ntext');
  });

  it('refuses a document without the block', () => {
    expect(() => replaceGenerated('nothing here', 'x', 'new')).toThrow(/"x"/);
    expect(generatedBlock('nothing here', 'x')).toBeUndefined();
  });
});
