import { USAGE } from './args.ts';
import { convert } from './convert.ts';
import type { CliEnvironment, CliResult } from './environment.ts';
import { lint } from './lint.ts';
import { report } from './report.ts';
import { renderRulesMarkdown, renderRulesText } from './rules-doc.ts';

type Command = (args: readonly string[], environment: Partial<CliEnvironment>) => Promise<CliResult> | CliResult;

/** `faultline COMMAND ...`: every command, by name. A command is a module exporting one
 *  such function, one line here and its synopsis in args.ts. */
const COMMANDS: Readonly<Record<string, Command>> = {
  lint,
  convert,
  report,
  rules,
};

export async function runCli(argv: readonly string[], environment: Partial<CliEnvironment> = {}): Promise<CliResult> {
  const [command, ...rest] = argv;
  if (command !== undefined && Object.hasOwn(COMMANDS, command)) return COMMANDS[command]!(rest, environment);
  if (command === '-h' || command === '--help' || command === 'help') return { stdout: USAGE, stderr: '', exitCode: 0 };
  const problem = command === undefined ? 'no command given' : `unknown command ${JSON.stringify(command)}`;
  return { stdout: '', stderr: `faultline: ${problem}\n\n${USAGE}`, exitCode: 2 };
}

/** `faultline rules [--markdown]`: the catalogue, as a list or as docs/rules.md. */
function rules(args: readonly string[]): CliResult {
  const unknown = args.find((arg) => arg !== '--markdown');
  if (unknown !== undefined) return { stdout: '', stderr: `faultline rules: unknown option ${unknown}\n`, exitCode: 2 };
  return { stdout: args.includes('--markdown') ? renderRulesMarkdown() : renderRulesText(), stderr: '', exitCode: 0 };
}
