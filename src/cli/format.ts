import type { Finding, Severity } from '../analysis/types.ts';

// How findings are printed: JSON for machines, aligned text for people (coloured
// only when asked, which the process glue does for a terminal).

export interface FileReport {
  file: string;
  findings: Finding[];
}

/** A finding as `faultline lint --format json` documents it; what only the app's
 *  panel needs (subjects, actions) stays out. */
function published({ rule, severity, nodes, edges, message, cap }: Finding) {
  return cap ? { rule, severity, nodes, edges, message, cap } : { rule, severity, nodes, edges, message };
}

/** One file: `{ "findings": [...] }`. Several: the same shape, each finding with a `file`. */
export function formatJson(reports: readonly FileReport[]): string {
  const findings =
    reports.length === 1
      ? reports[0]!.findings.map(published)
      : reports.flatMap((report) => report.findings.map((finding) => ({ file: report.file, ...published(finding) })));
  return `${JSON.stringify({ findings }, null, 2)}\n`;
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
  for (const { file, findings } of reports) {
    if (findings.length === 0) {
      lines.push(`${paint(ANSI.bold, file)}: no findings`, '');
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
    lines.push('');
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
