import { reviewDocument } from '../analysis/review.ts';
import { renderReview } from '../io/formats/review/markdown.ts';
import { parseReportArgs, USAGE } from './args.ts';
import { usageError, withDefaults, type CliEnvironment, type CliResult } from './environment.ts';
import { openFile } from './open.ts';

// `faultline report FILE`: the design review as Markdown on stdout, for a pull request
// comment or a wiki page. The exit status is lint's, so a CI job can post the report
// and still fail on an error finding; what the import did goes to stderr.

export async function report(args: readonly string[], environment: Partial<CliEnvironment> = {}): Promise<CliResult> {
  const { readFile } = withDefaults(environment);
  const parsed = parseReportArgs(args);
  if (!parsed.ok) return usageError('report', parsed.message, USAGE);
  if (parsed.file === 'help') return { stdout: USAGE, stderr: '', exitCode: 0 };
  const file = parsed.file;
  const opened = await openFile(file, readFile, parsed.page);
  if (!opened.ok) return { stdout: '', stderr: `faultline report: ${file}: ${opened.problem}\n`, exitCode: 2 };
  const review = reviewDocument(opened.doc);
  const notes = opened.notes.map((note) => `faultline report: ${file}: note: ${note}\n`).join('');
  return { stdout: renderReview(review), stderr: notes, exitCode: review.findings.some((finding) => finding.severity === 'error') ? 1 : 0 };
}
