import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../../analysis/numbers/nines.ts';
import { diagram, edge, node, path } from '../../../analysis/testing.ts';
import { templateById } from '../../../templates/index.ts';
import { importMermaid } from '../mermaid/import.ts';
import { markdownText } from './markdown-text.ts';
import { reviewDocument } from '../../../analysis/review.ts';
import { renderReview, reviewMarkdown } from './markdown.ts';

const naive = templateById('url-shortener-naive')!.doc;
const robust = templateById('url-shortener-robust')!.doc;

/** The report's Mermaid block, without its fences. */
const mermaidBlock = (report: string) => /```mermaid\n([\s\S]*?)```/.exec(report)![1]!;
const section = (report: string, heading: string) => {
  const start = report.indexOf(`\n${heading}\n`);
  if (start < 0) return '';
  const next = report.slice(start + heading.length + 2).search(/\n#{1,2} /);
  return next < 0 ? report.slice(start) : report.slice(start, start + heading.length + 2 + next);
};

describe('the Markdown review', () => {
  it('lists every finding under its severity, worst first, with its rule’s reason and fix once', () => {
    const review = reviewDocument(naive);
    const report = renderReview(review);
    const headings = [...report.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual(['Errors', 'Warnings', 'Notes', 'Numbers', 'Diagram']);
    for (const finding of review.findings) {
      const heading = { error: '## Errors', warning: '## Warnings', info: '## Notes' }[finding.severity];
      expect(section(report, heading)).toContain(`- ${markdownText(finding.message)}`);
    }
    const rules = new Set(review.findings.map((finding) => finding.rule));
    for (const rule of rules) expect(report.match(new RegExp(`\\(\`${rule}\`\\)`, 'g'))).toHaveLength(1);
    expect(report.match(/^Why it matters: /gm)).toHaveLength(rules.size);
    expect(report.match(/^Fix: /gm)).toHaveLength(rules.size);
    const errors = review.findings.filter((finding) => finding.severity === 'error').length;
    expect(report).toContain(`reviewed by Faultline: ${errors} errors,`);
  });

  it('gives the figures of the Numbers region: availability against the target, load, latency and cost', () => {
    const review = reviewDocument(robust);
    const report = renderReview(review);
    const [entry] = review.availability.entries;
    expect(report).toContain(`| Browsers and apps | ${formatPercent(entry!.value)} | 4.1 nines | 45 min | 4 min | 99.9%: met |`);
    // 20,000 rps split 100 : 1 by the gateways: 19,802 redirects over 30 instances of 1,000.
    expect(report).toContain('| Redirect service | 19,802 | 30,000 | 66% |');
    expect(report).toContain('- Browsers and apps: Responds in 65 ms on average, 300 ms at p99');
    expect(report).toContain('About $5,704 a month');
    expect(section(report, '### Availability')).toContain('What to improve first:');
  });

  it('says a missed target and leaves out load while no client sends any', () => {
    const doc = diagram(node('web', 'client', { availabilityTarget: 0.9999 }), node('api', 'service'), ...path(['web', 'api']));
    const report = reviewMarkdown(doc);
    expect(report).toMatch(/\| web \| 99\.5% \| 2\.3 nines \| .+ \| 99\.99%: missed \|/);
    expect(report).not.toContain('### Load at peak');
    expect(report).not.toContain('### Latency');
  });

  it('draws the diagram as a Mermaid flowchart that opens as the same components and connections', async () => {
    const reopened = await importMermaid(mermaidBlock(reviewMarkdown(robust)));
    if (!reopened.ok) throw new Error(JSON.stringify(reopened.error));
    const kinds = (nodes: readonly { kind: string }[]) => nodes.map((n) => n.kind).sort();
    expect(kinds(reopened.doc.nodes)).toEqual(kinds(robust.nodes));
    expect(reopened.doc.edges).toHaveLength(robust.edges.length);
    // A diagram to read: without the records that make an export reopen exactly.
    expect(mermaidBlock(reviewMarkdown(robust))).not.toContain('%% faultline:');
  });

  it('writes labels and titles as text, never as Markdown or HTML', () => {
    const hostile = '<img src=x onerror=alert(1)> | # [link](javascript:x)';
    const doc = { ...diagram(node('web', 'client', {}, { label: hostile }), node('db', 'sql-database', {}, { label: '*db*\n## heading' }), edge('web', 'db')), title: '</h1><script>x</script>' };
    const report = reviewMarkdown(doc);
    const prose = report.slice(0, report.indexOf('```mermaid'));
    // No tag, and no link: every `]` is escaped, so `](` cannot close a link text.
    expect(prose).not.toMatch(/<img|<script|<\/h1>|(?<!\\)\]\(/);
    expect(prose).not.toMatch(/^## heading/m);
    expect(prose).toContain(markdownText(hostile));
    expect(report.startsWith('# Design review: &lt;/h1&gt;&lt;script&gt;x&lt;/script&gt;\n')).toBe(true);
  });

  it('says so when there is nothing to find', () => {
    const report = reviewMarkdown(diagram());
    expect(report).toContain('No findings');
    expect(report).not.toContain('## Numbers');
  });
});
