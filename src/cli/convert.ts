import { formatForWriting } from '../io/formats/registry.ts';
import { parseConvertArgs, USAGE } from './args.ts';
import { fileProblem, usageError, withDefaults, type CliEnvironment, type CliResult } from './environment.ts';
import { openFile } from './open.ts';

// `faultline convert IN OUT`: IN is opened as lint opens a file (its format by its
// extension, else its content), OUT is written in the format its extension names.
// Both come from the format registry, so a format registered with a `serialize` is
// written here with no change to this file. What the import did (draw.io's report,
// an upgrade's notes) goes to stderr, one note a line.

export async function convert(args: readonly string[], environment: Partial<CliEnvironment> = {}): Promise<CliResult> {
  const { readFile, writeFile } = withDefaults(environment);
  const parsed = parseConvertArgs(args);
  if (!parsed.ok) return usageError('convert', parsed.message, USAGE);
  if (parsed.options === 'help') return { stdout: USAGE, stderr: '', exitCode: 0 };
  const { input, output, page } = parsed.options;
  const failed = (file: string, problem: string): CliResult => ({ stdout: '', stderr: `faultline convert: ${file}: ${problem}\n`, exitCode: 2 });

  // The output's format first: a wrong extension is found before any reading.
  const target = formatForWriting(output);
  if (!target.ok) return failed(output, target.message);
  const opened = await openFile(input, readFile, page);
  if (!opened.ok) return failed(input, opened.problem);
  const notes = opened.notes.map((note) => `faultline convert: ${input}: note: ${note}\n`).join('');

  const text = await target.format.serialize(opened.doc);
  try {
    writeFile(output, text);
  } catch (error) {
    return { stdout: '', stderr: `${notes}faultline convert: ${output}: cannot write the file (${fileProblem(error)})\n`, exitCode: 2 };
  }
  return { stdout: '', stderr: notes, exitCode: 0 };
}
