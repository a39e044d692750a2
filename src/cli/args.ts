import { describeFormat, describeWriting, openableFormats, writableFormats } from '../io/formats/registry.ts';

// Command-line arguments, parsed into a value or a usage error.

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface LintOptions {
  files: string[];
  format: OutputFormat;
  help: boolean;
}

export type ParsedArgs = { ok: true; options: LintOptions } | { ok: false; message: string };

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const FORMAT_NAMES = FORMATS.join(', ');

export function parseLintArgs(args: readonly string[]): ParsedArgs {
  const options: LintOptions = { files: [], format: 'text', help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      options.files.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      options.help = true;
      continue;
    }
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      if (value === undefined) return { ok: false, message: `--format needs a value: ${FORMAT_NAMES}` };
      if (!FORMATS.includes(value as OutputFormat)) {
        return { ok: false, message: `unknown format "${value}": use ${FORMAT_NAMES}` };
      }
      options.format = value as OutputFormat;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') return { ok: false, message: `unknown option ${arg}` };
    options.files.push(arg);
  }
  if (!options.help && options.files.length === 0) return { ok: false, message: 'no file given' };
  return { ok: true, options };
}

export interface ConvertOptions {
  input: string;
  output: string;
}

export type ParsedConvertArgs = { ok: true; options: ConvertOptions | 'help' } | { ok: false; message: string };

/** The paths a command that takes only files was given, or 'help'. */
function parsePaths(args: readonly string[]): { ok: true; paths: string[] | 'help' } | { ok: false; message: string } {
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      paths.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { ok: true, paths: 'help' };
    if (arg.startsWith('-') && arg !== '-') return { ok: false, message: `unknown option ${arg}` };
    paths.push(arg);
  }
  return { ok: true, paths };
}

export function parseConvertArgs(args: readonly string[]): ParsedConvertArgs {
  const parsed = parsePaths(args);
  if (!parsed.ok || parsed.paths === 'help') return parsed.ok ? { ok: true, options: 'help' } : parsed;
  const { paths } = parsed;
  if (paths.length !== 2) return { ok: false, message: `convert takes two files, IN and OUT; ${paths.length} given` };
  return { ok: true, options: { input: paths[0]!, output: paths[1]! } };
}

export type ParsedReportArgs = { ok: true; file: string | 'help' } | { ok: false; message: string };

export function parseReportArgs(args: readonly string[]): ParsedReportArgs {
  const parsed = parsePaths(args);
  if (!parsed.ok || parsed.paths === 'help') return parsed.ok ? { ok: true, file: 'help' } : parsed;
  if (parsed.paths.length !== 1) return { ok: false, message: `report takes one file; ${parsed.paths.length} given` };
  return { ok: true, file: parsed.paths[0]! };
}

/** One line per command, in the usage. */
const SYNOPSES = [`lint FILE... [--format ${FORMATS.join('|')}]`, 'convert IN OUT', 'report FILE', 'rules [--markdown]'];

export const USAGE = `Usage: ${SYNOPSES.map((synopsis) => `faultline ${synopsis}`).join('\n       ')}

\`faultline lint\` reviews architecture files the way the app does: single points
of failure, CAP choices, and the classic mistakes of caching, queueing, load
balancing and scaling.

A FILE (or IN) is opened as the app opens a dropped file: by its extension,
else by its content. Formats: ${openableFormats().map(describeFormat).join('; ')}.

Options:
  --format ${FORMATS.join('|')}  how to print the findings (default: text;
                            sarif is SARIF 2.1.0, for code scanning)
  -h, --help                show this help

\`faultline convert IN OUT\` writes IN in the format OUT's extension names:
${writableFormats().map(describeWriting).join('; ')}.
What the conversion did with each element goes to stderr.

\`faultline report FILE\` prints the design review as Markdown: the findings with
their reasons and fixes, availability, load, latency and cost, and the diagram as
a Mermaid flowchart (\`faultline convert FILE review.md\` writes the same to a file).

\`faultline rules\` lists every rule; with --markdown it prints docs/rules.md.

Exit status:
  0  no finding has severity error (convert: the file was written)
  1  at least one finding has severity error (report: printed all the same)
  2  a file cannot be read or is not a valid document, or the command line is wrong
`;
