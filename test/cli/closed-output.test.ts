import { constants } from 'node:os';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CLOSED_EARLY, closedOutputHandler } from '../../src/cli/closed-output.js';

// The entry point's handler of a failing standard output or error (test/dist/cli-closed-output.test.ts runs the built
// command with a reader that stops early): EPIPE ends the run quietly with 141 — it ended with the run's status so
// far, 0 while the output was still being written, as if all had been read — and any other failure with 2, said on
// stderr when standard output failed.

const errorCode = fc.oneof(
  fc.constantFrom('EPIPE', 'EIO', 'ENOSPC', 'EBADF', 'EAGAIN', 'ECONNRESET'),
  fc.string({ maxLength: 8 }),
  fc.constant(undefined),
);

describe('closedOutputHandler', () => {
  test.prop([fc.constantFrom('stdout', 'stderr'), fc.constantFrom('zh', 'en'), errorCode, fc.string()])(
    'EPIPE: 141 and nothing said; anything else: 2, one line when standard output failed',
    (stream, lang, code, message) => {
      const written: string[] = [];
      const exits: number[] = [];
      const handler = closedOutputHandler(stream, lang, { write: (text) => written.push(text) }, (status) => {
        exits.push(status);
      });
      handler(Object.assign(new Error(message), code === undefined ? {} : { code }));
      if (code === 'EPIPE') {
        expect(exits).toEqual([CLOSED_EARLY]);
        expect(written).toEqual([]);
        return;
      }
      expect(exits).toEqual([2]);
      if (stream === 'stderr') expect(written).toEqual([]);
      else
        expect(written).toEqual([
          lang === 'zh'
            ? `shequ：无法写入标准输出（${code ?? message}）\n`
            : `shequ: cannot write to standard output (${code ?? message})\n`,
        ]);
    },
  );

  it('is the status a shell gives a program ended by SIGPIPE', () => {
    expect(CLOSED_EARLY).toBe(128 + constants.signals.SIGPIPE);
  });
});
