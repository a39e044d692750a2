import { USAGE } from './args.ts';
import { lint, type CliResult, type LintEnvironment } from './lint.ts';
import { renderRulesMarkdown, renderRulesText } from './rules-doc.ts';

/** `faultline COMMAND ...`: the commands there are, by name. */
export async function runCli(argv: readonly string[], environment: Partial<LintEnvironment> = {}): Promise<CliResult> {
  const [command, ...rest] = argv;
  if (command === 'lint') return lint(rest, environment);
  if (command === 'rules') return rules(rest);
  if (command === '-h' || command === '--help' || command === 'help') return { stdout: USAGE, stderr: '', exitCode: 0 };
  const problem = command === undefined ? 'no command given' : `unknown command "${command}"`;
  return { stdout: '', stderr: `faultline: ${problem}\n\n${USAGE}`, exitCode: 2 };
}

/** `faultline rules [--markdown]`: the catalogue, as a list or as docs/rules.md. */
function rules(args: readonly string[]): CliResult {
  const unknown = args.find((arg) => arg !== '--markdown');
  if (unknown !== undefined) return { stdout: '', stderr: `faultline rules: unknown option ${unknown}\n`, exitCode: 2 };
  return { stdout: args.includes('--markdown') ? renderRulesMarkdown() : renderRulesText(), stderr: '', exitCode: 0 };
}
