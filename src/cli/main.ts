import { runCli } from './cli.ts';

// Process glue: arguments from argv, colour for a terminal (unless NO_COLOR is set),
// output to the standard streams, and the exit status via process.exitCode so that
// a large output is flushed before the process ends.

const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const result = await runCli(process.argv.slice(2), { colour });
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
