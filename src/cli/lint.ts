import { reviewDocument } from '../analysis/review.ts';
import { faultlineJson } from '../io/formats/faultline.ts';
import { idLines, type IdLines } from '../io/json-locations.ts';
import { parseLintArgs, USAGE } from './args.ts';
import { usageError, withDefaults, type CliEnvironment, type CliResult } from './environment.ts';
import { formatJson, formatText, type FileReport } from './format.ts';
import { openFile } from './open.ts';
import { formatSarif, type FileFailure } from './sarif.ts';

// `faultline lint FILE... [--format text|json|sarif]` as a function: arguments in,
// output and exit status out. Each file opens through the format registry (open.ts),
// as a file dropped on the app does. It is async because a format's parser loads on
// first use.

export async function lint(args: readonly string[], environment: Partial<CliEnvironment> = {}): Promise<CliResult> {
  const { readFile, colour, cwd } = withDefaults(environment);
  const parsed = parseLintArgs(args);
  if (!parsed.ok) return usageError('lint', parsed.message, USAGE);
  const { files, format, help, page } = parsed.options;
  if (help) return { stdout: USAGE, stderr: '', exitCode: 0 };

  const reports: FileReport[] = [];
  const failures: FileFailure[] = [];
  // What goes to stderr: files that could not be opened, and notes on upgraded ones.
  const messages: string[] = [];
  for (const file of files) {
    const opened = await openFile(file, readFile, page);
    if (!opened.ok) {
      failures.push({ file, problem: opened.problem });
      messages.push(`faultline lint: ${file}: ${opened.problem}\n`);
      continue;
    }
    // What upgrading an older file changed goes to stderr: the output stays the findings.
    for (const note of opened.notes) messages.push(`faultline lint: ${file}: note: ${note}\n`);
    const { graph, findings, availability, load } = reviewDocument(opened.doc);
    // Lines exist only in the app's own JSON; other formats are pointed at as a whole.
    const lines = opened.format.id === faultlineJson.id ? memo(() => idLines(opened.text)) : undefined;
    reports.push({ file, findings, availability, load, label: graph.label, lines });
  }

  const hasErrors = reports.some((report) => report.findings.some((finding) => finding.severity === 'error'));
  const exitCode = failures.length > 0 ? 2 : hasErrors ? 1 : 0;
  // SARIF always prints a log, so that an upload step has a file; a failure is a notification in it.
  if (format === 'sarif') return { stdout: formatSarif(reports, failures, cwd), stderr: messages.join(''), exitCode };
  if (reports.length === 0) return { stdout: '', stderr: messages.join(''), exitCode };
  const stdout = format === 'json' ? formatJson(reports) : formatText(reports, colour);
  return { stdout, stderr: messages.join(''), exitCode };
}

function memo(compute: () => IdLines): () => IdLines {
  let value: IdLines | undefined;
  return () => (value ??= compute());
}
