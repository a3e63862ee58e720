/**
 * Runs the built CLI while watching a folder: as soon as a file whose name passes `seen` appears there, `signal` (when
 * given) is sent — a run stopped in the middle of its work, at a moment the test can name (its temporary folder
 * made, its partial output begun). Shared by the dist tests of what a stopped run leaves behind.
 */
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');

/** How the run ended, and whether the file watched for appeared. */
export interface WatchedRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly seen: boolean;
}

/** What to watch, and what to do when it appears. */
export interface WatchOptions {
  readonly folder: string;
  readonly seen: (name: string) => boolean;
  readonly signal?: NodeJS.Signals | undefined;
  readonly env?: NodeJS.ProcessEnv;
}

export function runCliWatching(args: readonly string[], options: WatchOptions): Promise<WatchedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: options.env ?? process.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let seen = false;
    const watcher = watch(options.folder, (_event, name) => {
      if (seen || !options.seen(String(name))) return;
      seen = true;
      if (options.signal !== undefined) child.kill(options.signal);
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      stderr += text;
    });
    child.on('error', reject);
    child.on('close', (code, ended) => {
      watcher.close();
      resolve({ code, signal: ended, stderr, seen });
    });
  });
}
