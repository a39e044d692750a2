import type { AvailabilityReport, Estimate } from '../analysis/numbers/availability.ts';
import { formatDollars, formatRate, formatUtilization } from '../analysis/numbers/load-words.ts';
import { busiestOf } from '../analysis/numbers/headroom.ts';
import type { LoadReport } from '../analysis/numbers/load.ts';
import { describeAvailability, formatPercent } from '../analysis/numbers/nines.ts';
import type { Finding, Severity } from '../analysis/types.ts';
import type { IdLines } from '../io/json-locations.ts';

// How findings are printed: JSON for machines, aligned text for people (coloured
// only when asked, which the process glue does for a terminal).

export interface FileReport {
  file: string;
  findings: Finding[];
  availability: AvailabilityReport;
  load: LoadReport;
  /** Labels by node id, for the text output. */
  label(id: string): string;
  /** Where each node and edge id is in the file's text, when its format has lines to point at. */
  lines?: () => IdLines;
}

/** A finding as `faultline lint --format json` documents it; what only the app's
 *  panel needs (subjects, actions) stays out. */
function published({ rule, severity, nodes, edges, message, cap }: Finding) {
  return cap ? { rule, severity, nodes, edges, message, cap } : { rule, severity, nodes, edges, message };
}

const estimate = ({ value, low, high, exact }: Estimate) => ({ value, low, high, exact });

/** The `availability` object as the brief documents it. */
function publishedAvailability({ system, entries }: AvailabilityReport) {
  return { system: estimate(system), entries: entries.map((entry) => ({ node: entry.node, ...estimate(entry) })) };
}

/** The `load` object as the brief documents it, only when some client sends load. */
function publishedLoad(load: LoadReport) {
  if (!load.active) return {};
  return { load: { components: load.components.map(({ node, rps, capacityRps, utilization }) => ({ node, rps, capacityRps, utilization })) } };
}

/** A file's figures: its availability, and its load when a client has rps. */
const figures = (report: FileReport) => ({ availability: publishedAvailability(report.availability), ...publishedLoad(report.load) });

/** One file: `{ "findings": [...], "availability": {...}, "load": {...} }`. Several: every
 *  finding with its `file`, and `files` holding each file's figures. */
export function formatJson(reports: readonly FileReport[]): string {
  if (reports.length === 1) {
    const [report] = reports;
    return `${JSON.stringify({ findings: report!.findings.map(published), ...figures(report!) }, null, 2)}\n`;
  }
  const findings = reports.flatMap((report) => report.findings.map((finding) => ({ file: report.file, ...published(finding) })));
  const files = reports.map((report) => ({ file: report.file, ...figures(report) }));
  return `${JSON.stringify({ findings, files }, null, 2)}\n`;
}

/** "98% (1.7 nines, 7 d 6 h down a year)", or for an estimate its interval too. */
function figureText(figure: Estimate): string {
  const text = describeAvailability(figure.value);
  return figure.exact ? text : `about ${text}; 95% between ${formatPercent(figure.low)} and ${formatPercent(figure.high)}`;
}

/** Rows of a name and a figure, the names padded to one width. */
function table(title: string, rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([name]) => name.length));
  return [`  ${title}`, ...rows.map(([name, figure]) => `    ${name.padEnd(width)}  ${figure}`)];
}

/** The busiest components the text output lists. */
const BUSIEST = 5;

/** The figures under a file's findings: availability per client and for all of them,
 *  the busiest components when a client sends load, and the monthly cost. */
function figureLines({ availability, load, label }: FileReport): string[] {
  const lines: string[] = [];
  if (availability.entries.length > 0) {
    const rows = availability.entries.map((entry) => [label(entry.node), figureText(entry)] as const);
    if (rows.length > 1) rows.push(['All clients', figureText(availability.system)]);
    lines.push(...table('Availability', rows));
  }
  if (load.active && load.components.length > 0) {
    const busiest = busiestOf(load, BUSIEST);
    lines.push(...table('Busiest at peak', busiest.map((c) => [label(c.node), `${formatRate(c.rps)} of ${formatRate(c.capacityRps)} requests/s (${formatUtilization(c.utilization)})`] as const)));
  }
  if (load.cost.total > 0) lines.push(`  Cost  about ${formatDollars(load.cost.total)} a month`);
  return lines;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const ANSI = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  cyan: '\u001b[36m',
  green: '\u001b[32m',
  reset: '\u001b[0m',
} as const;

const SEVERITY_COLOUR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };

export function formatText(reports: readonly FileReport[], colour: boolean): string {
  const paint = (code: string, text: string) => (colour ? `${code}${text}${ANSI.reset}` : text);
  const lines: string[] = [];
  const totals = new Map<Severity, number>(SEVERITIES.map((severity) => [severity, 0]));
  for (const report of reports) {
    const { file, findings } = report;
    if (findings.length === 0) {
      lines.push(`${paint(ANSI.bold, file)}: no findings`, ...figureLines(report), '');
      continue;
    }
    lines.push(paint(ANSI.bold, file));
    // Worst first; the engine's order (rule, then node) within a severity.
    const ordered = SEVERITIES.flatMap((severity) => findings.filter((finding) => finding.severity === severity));
    for (const finding of ordered) {
      totals.set(finding.severity, totals.get(finding.severity)! + 1);
      const severity = paint(SEVERITY_COLOUR[finding.severity], finding.severity.padEnd(7));
      lines.push(`  ${severity}  ${finding.message}  ${paint(ANSI.dim, finding.rule)}`);
    }
    lines.push(...figureLines(report), '');
  }
  const total = [...totals.values()].reduce((sum, n) => sum + n, 0);
  if (total === 0) {
    lines.push(paint(ANSI.green, '✔ No findings'));
  } else {
    const counts = SEVERITIES.map((severity) => plural(totals.get(severity)!, severity)).join(', ');
    const mark = totals.get('error')! > 0 ? paint(ANSI.red, '✖') : paint(ANSI.yellow, '!');
    lines.push(`${mark} ${plural(total, 'finding')} (${counts})`);
  }
  return `${lines.join('\n')}\n`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 || noun === 'info' ? '' : 's'}`;
}
