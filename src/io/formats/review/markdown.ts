import type { Estimate } from '../../../analysis/numbers/availability.ts';
import { describeLatency, formatDollars, formatRate, formatUtilization } from '../../../analysis/numbers/load-words.ts';
import { busiestOf } from '../../../analysis/numbers/headroom.ts';
import { describeGain, downtimeOf, formatNines, formatPercent } from '../../../analysis/numbers/nines.ts';
import { ruleById } from '../../../analysis/registry.ts';
import { reviewDocument, type Review } from '../../../analysis/review.ts';
import type { Finding, Severity } from '../../../analysis/types.ts';
import { availabilityTargetOf, latencyBudgetOf } from '../../../model/props.ts';
import { isGroupKind, type Diagram } from '../../../model/types.ts';
import { exportMermaid } from '../mermaid/export.ts';
import { markdownText as md } from './markdown-text.ts';

// The design review as a Markdown page, for a pull request, a wiki or an interview's
// notes: the findings worst first, each rule's reason and fix once above its findings;
// the figures of the Numbers region (availability, load at peak, latency, cost); and the
// diagram as a Mermaid flowchart, which GitHub and most wikis draw. The same text comes
// from `faultline report FILE` and from the app's "Export review".

export function reviewMarkdown(doc: Diagram): string {
  return renderReview(reviewDocument(doc));
}

const SEVERITIES: readonly { severity: Severity; heading: string; one: string; many: string }[] = [
  { severity: 'error', heading: 'Errors', one: 'error', many: 'errors' },
  { severity: 'warning', heading: 'Warnings', one: 'warning', many: 'warnings' },
  { severity: 'info', heading: 'Notes', one: 'note', many: 'notes' },
];

/** Busiest components in the load table. */
const BUSIEST = 10;
/** What to improve first, per client. */
const CONTRIBUTORS = 3;

export function renderReview(review: Review): string {
  const { doc, findings } = review;
  const components = doc.nodes.filter((node) => !isGroupKind(node.kind)).length;
  const counts = SEVERITIES.map(({ severity, one, many }) => {
    const n = findings.filter((finding) => finding.severity === severity).length;
    return `${n} ${n === 1 ? one : many}`;
  });
  const lines = [
    `# Design review: ${md(doc.title.trim() || 'Untitled design')}`,
    '',
    `${components} ${components === 1 ? 'component' : 'components'} and ${doc.edges.length} ${doc.edges.length === 1 ? 'connection' : 'connections'}, reviewed by Faultline: ${counts.join(', ')}.`,
    ...findingSections(review),
    ...numberSections(review),
    '',
    '## Diagram',
    '',
    '```mermaid',
    exportMermaid(doc, { records: false }).trimEnd(),
    '```',
  ];
  return `${lines.join('\n')}\n`;
}

/** Worst first; within a severity, rule by rule in the engine's order, each rule's
 *  title, reason and fix once, then its findings. */
function findingSections({ findings }: Review): string[] {
  if (findings.length === 0) return ['', 'No findings: nothing here is a single point of failure or a known mistake.'];
  const lines: string[] = [];
  for (const { severity, heading } of SEVERITIES) {
    const ofSeverity = findings.filter((finding) => finding.severity === severity);
    if (ofSeverity.length === 0) continue;
    lines.push('', `## ${heading}`);
    const byRule = new Map<string, Finding[]>();
    for (const finding of ofSeverity) byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding]);
    for (const [id, ruleFindings] of byRule) {
      const rule = ruleById(id);
      lines.push('', `### ${md(rule?.title ?? id)} (\`${id}\`)`, '');
      // Messages name the components they are about.
      for (const finding of ruleFindings) lines.push(`- ${md(finding.message)}`);
      if (rule) lines.push('', `Why it matters: ${md(rule.why)}`, '', `Fix: ${md(rule.fix)}`);
    }
  }
  return lines;
}

const estimateText = ({ value, low, high, exact }: Estimate) =>
  exact ? formatPercent(value) : `about ${formatPercent(value)} (95% between ${formatPercent(low)} and ${formatPercent(high)})`;

function numberSections({ graph, availability: report, load, latency }: Review): string[] {
  const lines: string[] = [];
  if (report.entries.length > 0) {
    lines.push('', '### Availability', '', '| Client | Availability | Nines | Down a year | Down a month | Target |', '| --- | --- | --- | --- | --- | --- |');
    for (const entry of report.entries) {
      const target = availabilityTargetOf(graph.nodes.get(entry.node)!);
      const verdict = target === undefined ? '—' : `${formatPercent(target)}: ${entry.value >= target ? 'met' : 'missed'}`;
      const down = downtimeOf(entry.value);
      lines.push(`| ${md(graph.label(entry.node))} | ${estimateText(entry)} | ${formatNines(entry.value)} | ${down.year} | ${down.month} | ${verdict} |`);
    }
    if (report.entries.length > 1) {
      const down = downtimeOf(report.system.value);
      lines.push(`| All clients at once | ${estimateText(report.system)} | ${formatNines(report.system.value)} | ${down.year} | ${down.month} | — |`);
    }
    const improvable = report.entries.filter((entry) => entry.contributors.length > 0);
    if (improvable.length > 0) {
      lines.push('', 'What to improve first:', '');
      for (const entry of improvable) {
        const best = entry.contributors.slice(0, CONTRIBUTORS).map((c) => `${md(graph.label(c.unit))} (${describeGain(entry.value, c.gain)})`);
        lines.push(`- ${md(graph.label(entry.node))}: ${best.join('; ')}`);
      }
    }
  }
  if (load.active && load.components.length > 0) {
    lines.push('', '### Load at peak', '', '| Component | Requests/s | Capacity (requests/s) | Utilization |', '| --- | --- | --- | --- |');
    const busiest = busiestOf(load, BUSIEST);
    for (const c of busiest) lines.push(`| ${md(graph.label(c.node))} | ${formatRate(c.rps)} | ${formatRate(c.capacityRps)} | ${formatUtilization(c.utilization)} |`);
    if (load.components.length > BUSIEST) lines.push('', `The ${BUSIEST} busiest of ${load.components.length} components that receive load.`);
  }
  if (load.active && latency.length > 0) {
    lines.push('', '### Latency', '');
    for (const entry of latency) lines.push(`- ${md(graph.label(entry.node))}: ${md(describeLatency(entry, latencyBudgetOf(graph.nodes.get(entry.node)!)).text)}`);
  }
  if (load.cost.total > 0) {
    const dearest = load.cost.components.slice(0, 3).map((c) => `${md(graph.label(c.node))} ${formatDollars(c.monthly)}`);
    lines.push('', '### Cost', '', `About ${formatDollars(load.cost.total)} a month (most: ${dearest.join(', ')}).`);
  }
  return lines.length > 0 ? ['', '## Numbers', ...lines] : [];
}
