#!/usr/bin/env node
import { maskIdNumbersInText } from '../core/mask.js';
import { maskedStreams } from './context.js';
import { langOfRun } from './lang.js';
import { main } from './main.js';

const args = process.argv.slice(2);
const lang = langOfRun(args, process.env);

// A reader that stops early (`| head`) is not an error of ours.
// Any other failure to write standard output is a failure of the run: one line, exit 2.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  const reason = error.code ?? error.message;
  process.stderr.write(
    lang === 'zh'
      ? `shequ：无法写入标准输出（${reason}）\n`
      : `shequ: cannot write to standard output (${reason})\n`,
  );
  process.exit(2);
});

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
