/**
 * What the command does when standard output or standard error fails. A reader that stops early (`shequ validate
 * big.csv | head -1`) closes the pipe: the next write fails with EPIPE. The run then stops quietly with the status a
 * shell gives a program that a closed pipe ended (128 + SIGPIPE = 141, as `yes | head -1` ends): never 0, since what
 * it had to print was not all read, nor 1 or 2, which say something of the data or the command line. Any other failure
 * to write standard output is a failure of the run: one line on stderr, exit 2. Imported by the entry point: no
 * imports of its own (start-up time).
 */

/** The exit status of a run whose standard output or error was closed before it was all written (128 + SIGPIPE). */
export const CLOSED_EARLY = 141;

/**
 * The handler of a stream's `error` event: EPIPE ends the run with {@link CLOSED_EARLY} and says nothing (the reader
 * has gone); any other error of standard output ends it with 2 and one line on `stderr` in `lang`; of standard error,
 * with 2 and nothing (no message can reach it).
 *
 * @param stream - which stream fails
 * @param lang - the run's language
 * @param stderr - where the line goes
 * @param exit - ends the process with a status (`process.exit`)
 * @returns the handler
 *
 * @example
 * ```ts
 * process.stdout.on('error', closedOutputHandler('stdout', 'en', process.stderr, process.exit));
 * // `| head -1` closes the pipe: exit 141, nothing said
 * ```
 */
export function closedOutputHandler(
  stream: 'stdout' | 'stderr',
  lang: 'zh' | 'en',
  stderr: { write(text: string): unknown },
  exit: (code: number) => void,
): (error: NodeJS.ErrnoException) => void {
  return (error) => {
    if (error.code === 'EPIPE') {
      exit(CLOSED_EARLY);
      return;
    }
    if (stream === 'stdout') {
      const reason = error.code ?? error.message;
      stderr.write(
        lang === 'zh'
          ? `shequ：无法写入标准输出（${reason}）\n`
          : `shequ: cannot write to standard output (${reason})\n`,
      );
    }
    exit(2);
  };
}
