/**
 * The command's own temporary folders and files (validate's and report's sorted runs, run-store.ts), removed however the run
 * ends. A `finally` removes them when a command returns or throws; but a run also ends without reaching it — on
 * Ctrl-C (SIGINT), a `kill` (SIGTERM), a closed terminal (SIGHUP), or `process.exit` when standard output is closed
 * early (`shequ validate big.csv | head`: EPIPE, exit 141, src/cli/closed-output.ts) — and a national file's runs are hundreds of
 * megabytes left in the temp folder each time. So every live folder is also removed on the process's `exit` event
 * and on those signals, after which the signal is raised again: the run still ends as the signal asks (exit status
 * 128 + its number), as it did without the handler.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const live = new Set<string>();

/** Removes a folder and all in it; a failure (a file still open on Windows) must not hide the run's own outcome. */
function removeQuietly(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // Nothing more can be done at exit; the folder is named shequ-* in the temp folder.
  }
}

function removeAll(): void {
  for (const dir of live) removeQuietly(dir);
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  uninstall();
  // No listener left: the signal's default action (the process ends by it).
  process.kill(process.pid, signal);
}

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

/** Handlers only while a folder lives: a command that spills nothing keeps the default behaviour of signals. */
function uninstall(): void {
  if (!installed) return;
  installed = false;
  process.off('exit', removeAll);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/** Makes a new folder `<prefix>XXXXXX` in the temp folder, removed at the latest when the process ends. */
export function makeTempDir(prefix: string): string {
  // The handlers first: a signal that comes just after the folder is made must find them.
  install();
  try {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    live.add(dir);
    return dir;
  } finally {
    if (live.size === 0) uninstall();
  }
}

/**
 * Counts a path the command made itself (an output being written, see partial-output.ts) among those removed when
 * the process ends or is signalled, until {@link releaseTempPath}.
 */
export function trackTempPath(path: string): void {
  install();
  live.add(path);
}

/** Stops counting a path (it became the command's result, or was removed). */
export function releaseTempPath(path: string): void {
  live.delete(path);
  if (live.size === 0) uninstall();
}

/** Removes a folder made by {@link makeTempDir} and all it holds. */
export function removeTempDir(dir: string): void {
  live.delete(dir);
  if (live.size === 0) uninstall();
  rmSync(dir, { recursive: true, force: true });
}

/** How many folders are live (for tests). */
export function liveTempDirs(): number {
  return live.size;
}
