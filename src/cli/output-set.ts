/**
 * The files of one run that stand or fall together — `shequ report`'s page, the findings and indicators CSVs it links
 * to, and the rejected rows. When the run fails after it began writing them (a full disk, a vanished folder), a half
 * page or CSV, or a page beside a CSV that was never completed, must not stay where a reader takes it for the report:
 * every file the run opened is removed and stderr says which — once one of them was complete; before, each target
 * still holds the earlier report's file (they are written whole or not at all, partial-output.ts) and all stay as they
 * were. Files the run never opened (an older report's CSV that this run had no finding for) are left as they were.
 */
import { lstatSync, rmSync } from 'node:fs';
import { type CliStreams, messageLang } from './context.js';
import { type Output, openOutput } from './output.js';

/** The outputs of one run: open them through it; `discard` when the run fails. */
export interface OutputSet {
  /** Opens `path` for writing (as `openOutput`) and counts it among the run's files. */
  open(path: string, streams: CliStreams): Output;
  /** Counts a file that another function opens (the rejected rows, written by `reportInput`). */
  claim(path: string | undefined): void;
  /**
   * Removes every file counted, and writes to stderr what was removed — and what could not be (a symlink, or a
   * file that another process holds open), so that nothing is left unsaid.
   */
  discard(command: string, streams: CliStreams): void;
}

/** Removes a regular file: 'left' for anything else (a symlink's target or a device is not ours to remove). */
function removeFile(path: string): 'removed' | 'left' | 'absent' {
  try {
    if (!lstatSync(path).isFile()) return 'left';
    rmSync(path);
    return 'removed';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'left';
  }
}

/** Whether an output goes into its target as it is written (a symlink, a device), not whole when complete. */
function writtenInPlace(path: string): boolean {
  try {
    return !lstatSync(path).isFile();
  } catch {
    return false; // not there yet: written whole
  }
}

/** The line of stderr that says what a failed run removed and left. */
function discardedLine(
  command: string,
  removed: readonly string[],
  left: readonly string[],
  lang: 'zh' | 'en',
) {
  // Whole paths (echo would shorten a long one): which file is gone must be plain. One line, whatever the names.
  const names = (paths: readonly string[]) => paths.map((path) => path.replace(/[\r\n\t]+/g, ' ')).join(', ');
  if (lang === 'zh')
    return (
      `shequ ${command}：运行失败，输出未写完` +
      (removed.length > 0 ? `；已删除：${names(removed)}` : '') +
      (left.length > 0 ? `；未能删除（可能不完整）：${names(left)}` : '') +
      '\n'
    );
  return (
    `shequ ${command}: the run failed before its output was complete` +
    (removed.length > 0 ? `; removed: ${names(removed)}` : '') +
    (left.length > 0 ? `; could not remove (may be incomplete): ${names(left)}` : '') +
    '\n'
  );
}

/** Creates the set of a run's output files. */
export function createOutputSet(): OutputSet {
  const paths: string[] = [];
  // Whether any file of the set may hold this run's output. A file opened here replaces its target only once
  // complete (partial-output.ts): until one is, every target still holds the earlier run's whole set, which a
  // failure must leave as it was; once one is, the earlier set is broken, and every file of the run goes.
  let replaced = false;
  return {
    open(path, streams) {
      paths.push(path);
      if (writtenInPlace(path)) replaced = true; // a symlink or a device gets the output as it comes
      const output = openOutput(path, streams);
      return {
        ...output,
        async close() {
          await output.close();
          replaced = true;
        },
      };
    },
    claim(path) {
      if (path === undefined) return;
      paths.push(path);
      replaced = true; // written by another function: it may be this run's
    },
    discard(command, streams) {
      if (!replaced) paths.length = 0;
      if (paths.length === 0) return;
      const removed: string[] = [];
      const left: string[] = [];
      for (const path of new Set(paths)) {
        const outcome = removeFile(path);
        if (outcome === 'removed') removed.push(path);
        else if (outcome === 'left') left.push(path);
      }
      paths.length = 0;
      if (removed.length > 0 || left.length > 0)
        streams.stderr.write(discardedLine(command, removed, left, messageLang(streams)));
    },
  };
}
