import { readFileSync, writeFileSync } from 'node:fs';

// What every `faultline` command returns, and the side effects it may have. Commands
// are functions (arguments in, output and exit status out) so that tests call them
// directly; reading and writing files is replaceable, and main.ts does the process glue.

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1 | 2;
}

export interface CliEnvironment {
  /** Reads a file's bytes (tests may give text); throws as `fs.readFileSync` does. Bytes,
   *  so that a draw.io PNG opens as it does in the app. */
  readFile(path: string): string | Uint8Array;
  /** Writes a UTF-8 file; throws as `fs.writeFileSync` does. */
  writeFile(path: string, text: string): void;
  /** Colour the text output (the glue turns this on for a terminal). */
  colour: boolean;
  /** The directory paths in machine output are relative to (SARIF's artifact URIs). */
  cwd: string;
}

const defaultEnvironment: CliEnvironment = {
  readFile: (path) => readFileSync(path),
  writeFile: (path, text) => writeFileSync(path, text),
  colour: false,
  cwd: process.cwd(),
};

export const withDefaults = (environment: Partial<CliEnvironment>): CliEnvironment => ({ ...defaultEnvironment, ...environment });

/** A command's one-line failure on stderr, then the usage, with exit status 2. */
export const usageError = (command: string, message: string, usage: string): CliResult => ({
  stdout: '',
  stderr: `faultline ${command}: ${message}\n\n${usage}`,
  exitCode: 2,
});

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** "no such file", "permission denied", ... for an error `fs` threw. */
export function fileProblem(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return FILE_PROBLEMS[code] ?? (error instanceof Error ? error.message : String(error));
}
