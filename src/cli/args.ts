import { describeFormat, describeWriting, openableFormats, writableFormats } from '../io/formats/registry.ts';

// Command-line arguments, parsed into a value or a usage error.

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface LintOptions {
  files: string[];
  format: OutputFormat;
  help: boolean;
  /** `--page NAME|N`: the page of a draw.io file to read (its name, or its 1-based number). */
  page?: string;
}

export type ParsedArgs = { ok: true; options: LintOptions } | { ok: false; message: string };

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const FORMAT_NAMES = FORMATS.join(', ');

/** `--page NAME|N` or `--page=NAME|N` at `args[i]`: the value and where parsing goes on,
 *  an error, or null when the argument is something else. */
function pageOption(args: readonly string[], i: number): { page: string; next: number } | { message: string } | null {
  const arg = args[i]!;
  if (arg !== '--page' && !arg.startsWith('--page=')) return null;
  const page = arg === '--page' ? args[i + 1] : arg.slice('--page='.length);
  if (page === undefined || page === '') return { message: '--page needs a value: a page name or number' };
  return { page, next: arg === '--page' ? i + 1 : i };
}

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
    const page = pageOption(args, i);
    if (page && 'message' in page) return { ok: false, message: page.message };
    if (page) {
      options.page = page.page;
      i = page.next;
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
  page?: string;
}

export type ParsedConvertArgs = { ok: true; options: ConvertOptions | 'help' } | { ok: false; message: string };

/** The paths and the `--page` of a command that takes only files, or 'help'. */
function parsePaths(args: readonly string[]): { ok: true; paths: string[] | 'help'; page?: string } | { ok: false; message: string } {
  const paths: string[] = [];
  let chosen: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      paths.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { ok: true, paths: 'help' };
    const page = pageOption(args, i);
    if (page && 'message' in page) return { ok: false, message: page.message };
    if (page) {
      chosen = page.page;
      i = page.next;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') return { ok: false, message: `unknown option ${arg}` };
    paths.push(arg);
  }
  return { ok: true, paths, ...(chosen === undefined ? {} : { page: chosen }) };
}

export function parseConvertArgs(args: readonly string[]): ParsedConvertArgs {
  const parsed = parsePaths(args);
  if (!parsed.ok || parsed.paths === 'help') return parsed.ok ? { ok: true, options: 'help' } : parsed;
  const { paths, page } = parsed;
  if (paths.length !== 2) return { ok: false, message: `convert takes two files, IN and OUT; ${paths.length} given` };
  return { ok: true, options: { input: paths[0]!, output: paths[1]!, ...(page === undefined ? {} : { page }) } };
}

export type ParsedReportArgs = { ok: true; file: string | 'help'; page?: string } | { ok: false; message: string };

export function parseReportArgs(args: readonly string[]): ParsedReportArgs {
  const parsed = parsePaths(args);
  if (!parsed.ok || parsed.paths === 'help') return parsed.ok ? { ok: true, file: 'help' } : parsed;
  if (parsed.paths.length !== 1) return { ok: false, message: `report takes one file; ${parsed.paths.length} given` };
  return { ok: true, file: parsed.paths[0]!, ...(parsed.page === undefined ? {} : { page: parsed.page }) };
}

/** One line per command, in the usage. */
const SYNOPSES = [`lint FILE... [--format ${FORMATS.join('|')}] [--page NAME|N]`, 'convert IN OUT [--page NAME|N]', 'report FILE [--page NAME|N]', 'rules [--markdown]'];

export const USAGE = `Usage: ${SYNOPSES.map((synopsis) => `faultline ${synopsis}`).join('\n       ')}

\`faultline lint\` reviews architecture files the way the app does: single points
of failure, CAP choices, and the classic mistakes of caching, queueing, load
balancing and scaling.

A FILE (or IN) is opened as the app opens a dropped file: by its extension,
else by its content. Formats: ${openableFormats().map(describeFormat).join('; ')}.

Options:
  --format ${FORMATS.join('|')}  how to print the findings (default: text;
                            sarif is SARIF 2.1.0, for code scanning)
  --page NAME|N             the page of a draw.io file to read, by name or
                            number (default: the first; stderr says when
                            there are others)
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
