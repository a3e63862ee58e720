import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-main.js';

// `--out -` is standard output, as `-` for FILE is standard input: every command that writes to standard output
// without --out writes the same bytes with `--out -`, and never a file named '-'; the outputs that cannot go to
// standard output (a workbook, a report's page and the CSVs beside it) are usage errors, as without --out.

const root = join(import.meta.dirname, '..', '..');
const data = join(root, 'examples', 'data');
const sample = join(data, 'sample-units.csv');
const dash = join(process.cwd(), '-');

// A run that took '-' for a file name (a report writes its CSVs beside it) leaves nothing behind.
afterEach(() => {
  for (const file of [dash, `${dash}.findings.csv`, `${dash}.indicators.csv`]) rmSync(file, { force: true });
});

/** A command line of each command that writes to standard output, in each of its formats. */
const TO_STDOUT: readonly (readonly string[])[] = [
  ...['table', 'md', 'json', 'ndjson', 'csv'].map((format) => ['indicators', sample, '--format', format]),
  ['indicators', sample, '--series', '--format', 'csv'],
  ...['table', 'md', 'json', 'ndjson', 'csv'].map((format) => [
    'validate',
    sample,
    '--format',
    format,
    '--fail-on',
    'never',
  ]),
  ...['table', 'md', 'json', 'csv'].map((format) => [
    'evaluate',
    sample,
    '--year',
    '2025',
    '--format',
    format,
  ]),
  [
    'circle',
    join(data, 'dongsi-estates.csv'),
    join(data, 'dongsi-services.csv'),
    '--crs',
    'gcj02',
    '--format',
    'csv',
  ],
];

describe('--out -: standard output', () => {
  for (const args of TO_STDOUT)
    it(args.filter((arg) => !arg.includes('/')).join(' '), async () => {
      const plain = await runMain(args);
      const dashed = await runMain([...args, '--out', '-']);
      expect(plain.stdout.length).toBeGreaterThan(0);
      expect(dashed).toEqual(plain);
      expect(existsSync(dash) || existsSync(`${dash}.findings.csv`)).toBe(false);
    });

  it('a workbook or a report cannot go to standard output: a usage error, as without --out', async () => {
    for (const args of [
      ['indicators', sample, '--format', 'xlsx'],
      ['validate', sample, '--format', 'xlsx'],
      ['report', sample],
    ]) {
      const run = await runMain([...args, '--out', '-']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe((await runMain(args)).stderr);
      expect(existsSync(dash) || existsSync(`${dash}.findings.csv`)).toBe(false);
    }
  });
});
