#!/usr/bin/env node
import { maskIdNumbersInText } from 'shequ';
import { maskedStreams } from './context.js';
import { main } from './main.js';

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Every byte the command prints goes through the ID-number mask (see maskedStreams).
const streams = maskedStreams({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
main(process.argv.slice(2), streams).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(maskIdNumbersInText(`shequ: ${(error as Error).message}\n`));
    process.exitCode = 2;
  },
);
