import { describeFormat, openableFormats } from '../io/formats/registry.ts';

// Command-line arguments for `faultline lint`, parsed into a value or a usage error.

export type OutputFormat = 'text' | 'json';

export interface LintOptions {
  files: string[];
  format: OutputFormat;
  help: boolean;
}

export type ParsedArgs = { ok: true; options: LintOptions } | { ok: false; message: string };

const FORMATS: readonly OutputFormat[] = ['text', 'json'];

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
      if (value === undefined) return { ok: false, message: '--format needs a value: text or json' };
      if (!FORMATS.includes(value as OutputFormat)) {
        return { ok: false, message: `unknown format "${value}": use text or json` };
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

export const USAGE = `Usage: faultline lint FILE... [--format text|json]
       faultline rules [--markdown]

Reviews Faultline architecture files (*.faultline.json) the way the app does:
single points of failure, CAP choices, and the classic mistakes of caching,
queueing, load balancing and scaling.

A FILE is opened as the app opens a dropped file: by its extension, else by
its content. Formats: ${openableFormats().map(describeFormat).join('; ')}.

Options:
  --format text|json  how to print the findings (default: text)
  -h, --help          show this help

\`faultline rules\` lists every rule; with --markdown it prints docs/rules.md.

Exit status:
  0  no finding has severity error
  1  at least one finding has severity error
  2  a file cannot be read or is not a valid document, or the command line is wrong
`;
