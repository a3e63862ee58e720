/**
 * One full garbage collection, asked for by the command line between reading a large file and writing its output.
 * What the reading leaves — the range workers' tables once merged into this thread's, the file's chunks, ≈ 40 MB of
 * array buffers at 3 000 000 rows — is garbage below V8's own threshold for external memory (64 MB), so it stays
 * until the heap's limits are reached, while the output's buffers fill beside it: the peak RSS of the 3 000 000-row
 * job varied from 185 to 265 MB between runs of the same command. Collected at once, it stays near the low end.
 *
 * `gc` is exposed to a new context only (`--expose-gc` set at run time, the way Node's own tests do it): this is the
 * command line's process, never the library's, and where it fails nothing is collected early.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Files at least this large (bytes) are worth a collection after reading: 6–12 ms at 3 000 000 rows, against ≈ 5 s. */
export const COLLECT_AFTER_READING_FROM = 64 << 20;

/**
 * Runs a full garbage collection now, if the engine lets the process ask for one.
 *
 * @returns whether a collection ran
 *
 * @example
 * ```ts
 * if (size >= COLLECT_AFTER_READING_FROM) collectGarbage();
 * //=> true
 * ```
 */
export function collectGarbage(): boolean {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    return true;
  } catch {
    return false; // the collector runs when it decides to
  }
}
