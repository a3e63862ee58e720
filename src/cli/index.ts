#!/usr/bin/env node
import { maskIdNumbersInText } from '../core/mask.js';
import { closedOutputHandler } from './closed-output.js';
import { maskedStreams } from './context.js';
import { langOfRun } from './lang.js';
import { main } from './main.js';

const args = process.argv.slice(2);
const lang = langOfRun(args, process.env);

// A reader that stops early (`| head`) ends the run quietly with 141, as a closed pipe ends a program: never 0, since
// not all of the output was read. Any other failure to write standard output is a failure of the run: one line, exit 2.
process.stdout.on('error', closedOutputHandler('stdout', lang, process.stderr, process.exit));
process.stderr.on('error', closedOutputHandler('stderr', lang, process.stderr, process.exit));

// Every byte the command prints goes through the ID-number mask (see maskedStreams).
// The report writers write UTF-8 bytes to it, as to a file (text would be decoded from their bytes and encoded again).
const stdout = {
  write: (text: string) => process.stdout.write(text),
  writeBytes: (bytes: Uint8Array) =>
    new Promise<void>((resolve) => process.stdout.write(bytes, () => resolve())),
};
const streams = maskedStreams({ stdout, stderr: process.stderr, stdin: process.stdin });
// The scripts of the workers a large file is read with, beside this entry point (dist/cli/index.js): started before
// the command loads (early-workers.ts).
const workerScripts = {
  indicators: new URL('../pipeline/indicators-worker.js', import.meta.url),
  validate: new URL('./validate-worker.js', import.meta.url),
};
main(args, streams, process.env, workerScripts).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(maskIdNumbersInText(`shequ: ${(error as Error).message}\n`));
    process.exitCode = 2;
  },
);
