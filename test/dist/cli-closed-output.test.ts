/**
 * Standard output (or error) closed before the command has written it all — `shequ validate big.csv | head -1` — ends
 * the run quietly with 141 (128 + SIGPIPE, as a shell reports a program a closed pipe ended): it ended with 0 while the
 * output was being written, a success that no script may take for one, and a closed standard error crashed the run
 * (an unhandled EPIPE: status 1, as rejected rows). Every command and format that writes much to standard output is
 * read a first chunk of and closed. Run after `npm run build`.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli', 'index.js');
const dir = useTempDir('closed-output');

// 9 720 rows (the sample forty times, each copy in a county of its own: a unit given twice is counted once) and a
// rejected one: megabytes of output in every format.
const sample = readFileSync(join(root, 'examples', 'data', 'sample-units.csv'), 'utf8').replace(
  /^\ufeff/,
  '',
);
const [header, ...rows] = sample.split('\n').filter((line) => line !== '');
const copy = (k: number) => rows.map((row) => `${row.slice(0, 4)}${10 + k}${row.slice(6)}`);
const big = join(dir, 'big-2025.csv');
writeFileSync(
  big,
  `${[header, ...Array.from({ length: 40 }, (_, k) => copy(k)).flat(), 'x,坏,村委会,1,是'].join('\n')}\n`,
);

/** Command lines that write megabytes to standard output. */
const WRITING = [
  ...['table', 'md', 'json', 'ndjson', 'csv'].map((format) => ['validate', big, '--format', format]),
  ...['table', 'md', 'json', 'ndjson', 'csv'].map((format) => [
    'indicators',
    big,
    '--group-by',
    'unit',
    '--format',
    format,
  ]),
  ['evaluate', big, '--group-by', 'unit', '--format', 'csv'],
];

interface Ended {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** Runs the command and closes its standard output once its first chunk has come. */
function closeAfterFirstChunk(args: readonly string[]): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('close', (status, signal) => resolve({ status, signal, stderr }));
  });
}

/** Runs the command with its standard error closed before it writes a word. */
function stderrClosed(args: readonly string[]): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.destroy();
    child.on('close', (status, signal) => resolve({ status, signal, stderr: '' }));
  });
}

describe('standard output closed early', () => {
  for (const args of WRITING)
    it(`${args.filter((arg) => arg !== big).join(' ')}: 141, quietly`, async () => {
      const ended = await closeAfterFirstChunk(args);
      expect(ended.signal).toBe(null);
      expect(ended.status, ended.stderr).toBe(141);
      expect(ended.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    });

  it('standard error closed: 141, not a crash', async () => {
    const ended = await stderrClosed(['indicators', join(root, 'examples', 'data', 'sample-units.csv')]);
    expect(ended.status).toBe(141);
  });
});

describe('standard output read whole', () => {
  it('the run’s own status: 1 for a rejected row, as before', async () => {
    const ended = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [cli, 'validate', big, '--format', 'csv'], { stdio: 'pipe' });
      child.stdout.resume();
      child.stderr.resume();
      child.on('close', (status) => resolve(status));
    });
    expect(ended).toBe(1);
  });
});
