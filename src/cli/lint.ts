import { readFileSync } from 'node:fs';
import { buildGraph } from '../analysis/graph.ts';
import { availability } from '../analysis/numbers/availability.ts';
import { loadReport } from '../analysis/numbers/load.ts';
import { analyseGraph } from '../analysis/run.ts';
import { describeImportError } from '../io/errors.ts';
import { openDocument } from '../io/formats/registry.ts';
import type { Diagram } from '../model/types.ts';
import { parseLintArgs, USAGE } from './args.ts';
import { formatJson, formatText, type FileReport } from './format.ts';

// `faultline lint FILE... [--format text|json]` as a function: arguments in, output
// and exit status out. Reading files is the only side effect, and it can be replaced.
// Each file opens through the format registry, as a file dropped on the app does: by
// its extension, then by its content. It is async because a format's parser loads
// on first use.

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1 | 2;
}

export interface LintEnvironment {
  /** Reads a file as UTF-8; throws as `fs.readFileSync` does. */
  readFile(path: string): string;
  /** Colour the text output (the glue turns this on for a terminal). */
  colour: boolean;
}

const defaultEnvironment: LintEnvironment = {
  readFile: (path) => readFileSync(path, 'utf8'),
  colour: false,
};

export async function lint(args: readonly string[], environment: Partial<LintEnvironment> = {}): Promise<CliResult> {
  const { readFile, colour } = { ...defaultEnvironment, ...environment };
  const parsed = parseLintArgs(args);
  if (!parsed.ok) return { stdout: '', stderr: `faultline lint: ${parsed.message}\n\n${USAGE}`, exitCode: 2 };
  const { files, format, help } = parsed.options;
  if (help) return { stdout: USAGE, stderr: '', exitCode: 0 };

  const reports: FileReport[] = [];
  // What goes to stderr: files that could not be opened, and notes on upgraded ones.
  const messages: string[] = [];
  for (const file of files) {
    const loaded = await load(file, readFile);
    if ('problem' in loaded) {
      messages.push(`faultline lint: ${file}: ${loaded.problem}\n`);
      continue;
    }
    // What upgrading an older file changed goes to stderr: the output stays the findings.
    for (const note of loaded.notes) messages.push(`faultline lint: ${file}: note: ${note}\n`);
    const graph = buildGraph(loaded.doc);
    reports.push({ file, findings: analyseGraph(graph), availability: availability(graph), load: loadReport(graph), label: graph.label });
  }

  const hasErrors = reports.some((report) => report.findings.some((finding) => finding.severity === 'error'));
  const exitCode = reports.length < files.length ? 2 : hasErrors ? 1 : 0;
  if (reports.length === 0) return { stdout: '', stderr: messages.join(''), exitCode };
  const stdout = format === 'json' ? formatJson(reports) : formatText(reports, colour);
  return { stdout, stderr: messages.join(''), exitCode };
}

async function load(file: string, readFile: (path: string) => string): Promise<{ doc: Diagram; notes: string[] } | { problem: string }> {
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    return { problem: `cannot read the file (${readProblem(error)})` };
  }
  const result = await openDocument(text, { fileName: file });
  return result.ok ? { doc: result.doc, notes: result.notes } : { problem: describeImportError(result.error) };
}

const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

function readProblem(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return READ_PROBLEMS[code] ?? (error instanceof Error ? error.message : String(error));
}
