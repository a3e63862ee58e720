#!/usr/bin/env node
import { main } from './main.js';

// A reader that stops early (`| head`) is not an error of ours.
// Any other failure to write standard output is a failure of the run: one line, exit 2.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`shequ: cannot write to standard output (${error.code ?? error.message})\n`);
  process.exit(2);
});

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`shequ: ${(error as Error).message}\n`);
    process.exitCode = 2;
  },
);
