/**
 * `--out FILE` written whole or not at all. The output is written into a partial file beside its target (same folder,
 * so the final step is a rename on one file system) and renamed over the target only once complete: a run that fails
 * half-way (a full disk, a refused row that throws, Ctrl-C, a `kill`) leaves no half JSON or CSV that a nightly job
 * would take for a result, and an earlier result at that path stays as it was. A target that is not a regular file
 * (a pipe, a device such as /dev/stdout, a symbolic link) is written in place, as before: it cannot be replaced.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, rmSync } from 'node:fs';
import { chmod, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { releaseTempPath, trackTempPath } from './temp-dirs.js';

/** Where an output is written, and where it goes when complete. */
export interface OutputFile {
  /** The path opened for writing. */
  readonly path: string;
  /** The target it is renamed to when complete; `undefined` when written in place. */
  readonly target: string | undefined;
  /** The permissions of the target it replaces (kept), when there was one. */
  readonly mode: number | undefined;
}

/**
 * How a partial file is opened: created, never an existing one (`wx`: O_CREAT | O_EXCL, which also refuses a
 * symbolic link at that name instead of following it).
 */
export const PARTIAL_FLAGS = 'wx';

/** Partial files not yet complete, each with the sequence number of its opening. */
const open = new Map<string, number>();
let opened = 0;

/** The longest file name Linux and macOS take, in bytes (ENAMETOOLONG above). */
const NAME_MAX = 255;

/**
 * The partial file's name: `.NAME<suffix>`, with NAME shortened (whole characters) when the whole would pass
 * {@link NAME_MAX} — a target whose own name is near the limit must still be writable, as it was in place.
 */
function partialName(name: string, suffix: string): string {
  const room = NAME_MAX - 1 - Buffer.byteLength(suffix);
  const characters = Array.from(name);
  let bytes = Buffer.byteLength(name);
  while (bytes > room) bytes -= Buffer.byteLength(characters.pop() as string);
  return `.${characters.join('')}${suffix}`;
}

/** Removes a partial file; a failure to remove must not hide the run's own outcome (it is named `.NAME.*.partial`). */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing more can be done here.
  }
}

/**
 * The file to write for `--out target`: a partial file beside it, removed if the process ends first, or the target
 * itself when it cannot be replaced.
 */
export function outputFile(target: string): OutputFile {
  let mode: number | undefined;
  try {
    const stat = lstatSync(target);
    if (!stat.isFile()) return { path: target, target: undefined, mode: undefined };
    // The permission bits only: a setuid, setgid or sticky bit of the file replaced is not given to an output.
    mode = stat.mode & 0o777;
  } catch {
    // No such file yet (or no such folder: opening the partial file then says why).
  }
  opened++;
  // A part no one can guess: the file is created anew (PARTIAL_FLAGS), and a name known in advance could be taken
  // first — a symlink planted there would have the output written through it, a file planted there read it.
  const unguessable = randomBytes(4).toString('hex');
  const path = join(
    dirname(target),
    partialName(basename(target), `.${process.pid}-${opened}-${unguessable}.partial`),
  );
  trackTempPath(path);
  open.set(path, opened);
  return { path, target, mode };
}

/** Moves a complete partial file onto its target (with the permissions of the file it replaces). */
export async function completeOutputFile(file: OutputFile): Promise<void> {
  if (file.target === undefined) return;
  try {
    if (file.mode !== undefined) await chmod(file.path, file.mode);
    await rename(file.path, file.target);
  } catch (error) {
    // Not renamed (the target became a folder, a sticky folder's file of another user): the run fails, and the
    // partial file must not stay behind — it is no longer counted for removal once this returns.
    removeQuietly(file.path);
    throw error;
  } finally {
    open.delete(file.path);
    releaseTempPath(file.path);
  }
}

/** A mark of the outputs opened so far (taken when a run begins). */
export function outputMark(): number {
  return opened;
}

/**
 * Removes the partial files opened after `mark` that were never completed: the run failed (a process that ends
 * removes them itself, see temp-dirs.ts; this is for a run inside a longer process, as `main` is in tests); `only`:
 * that one file alone.
 */
export function discardOutputsSince(mark: number, only?: string): void {
  for (const [path, sequence] of open) {
    if (sequence <= mark || (only !== undefined && path !== only)) continue;
    open.delete(path);
    releaseTempPath(path);
    removeQuietly(path);
  }
}
