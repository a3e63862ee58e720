/**
 * The workers a run starts before its command loads (cli/early-workers.ts): as many as the command will read its
 * file with — none whenever it reads in one thread or the arguments are not ones it takes.
 */
import { availableParallelism } from 'node:os';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  earlyWorkerCount,
  PARALLEL_BY_DEFAULT_UP_TO,
  VALIDATE_STREAM_FORMATS,
  validateRanges,
} from '../../src/cli/early-workers.js';
import { MIN_PARALLEL_BYTES, ONE_RANGE_BELOW_BYTES, rangeCount } from '../../src/pipeline/one-range.js';
import { isStreamFormat } from '../../src/report/index.js';

const MiB = 1 << 20;
const cores = availableParallelism();
/** Sizes of the files named in the cases below (any other name: not a regular file). */
const SIZES: Record<string, number> = {
  'national.csv': 51 * MiB,
  'big.csv': 237 * MiB,
  'medium.csv': 8 * MiB,
  'small.csv': 100_000,
  'book.xlsx': 51 * MiB,
};
const sizeOf = (path: string) => SIZES[path];

describe('earlyWorkerCount', () => {
  it.each([
    ['indicators', ['national.csv', '--format', 'json', '--out', 'x.json'], cores - 1],
    ['indicators', ['national.csv', '--workers', '3'], 2],
    ['indicators', ['--workers=2', 'medium.csv'], 1],
    ['indicators', ['medium.csv'], 0], // under 32 MiB: one thread by default
    ['indicators', ['small.csv', '--workers', '4'], 0], // under 256 KiB: one range whatever --workers says
    ['indicators', ['national.csv', '--workers', '1'], 0],
    ['indicators', ['national.csv', '--workers', 'two'], 0], // refused by the command
    ['indicators', ['national.csv', '--wokers', '2'], 0], // an unknown option: refused
    ['indicators', ['-'], 0],
    ['indicators', ['missing.csv'], 0],
    ['indicators', ['book.xlsx'], 0],
    ['indicators', ['national.csv', 'big.csv'], 0], // several files: read one after another
    ['indicators', ['national.csv', '--profile-file', 'p.json'], 0], // a profile from a file: one thread
    ['indicators', ['national.csv', '--group-by', 'county,unit'], 0], // unit rows: one thread
    ['indicators', ['national.csv', '--group-by', 'county', '--profile', 'hebei'], cores - 1],
    ['indicators', ['--out', 'national.csv', 'medium.csv'], 0], // the output's name is not the input
    ['validate', ['national.csv', '--format', 'csv'], cores - 1],
    ['validate', ['big.csv', '--format', 'ndjson'], 0], // above 64 MiB: one thread by default (memory)
    ['validate', ['big.csv', '--workers', '2', '--format', 'json'], 1],
    ['validate', ['national.csv', '--workers', '1'], 0],
    ['report', ['national.csv'], 0],
    ['check-code', ['national.csv'], 0],
  ] as const)('%s %j → %i', (command, args, expected) => {
    expect(earlyWorkerCount(command, args, sizeOf)).toBe(Math.max(0, expected));
  });

  test.prop([fc.nat({ max: 300 * MiB }), fc.option(fc.integer({ min: 2, max: 256 }), { nil: undefined })])(
    'as many as the commands’ own decisions: rangeCount for indicators, validateRanges for validate',
    (size, workers) => {
      const args = ['f.csv', ...(workers === undefined ? [] : ['--workers', String(workers)])];
      const sized = (path: string) => (path === 'f.csv' ? size : undefined);
      expect(earlyWorkerCount('indicators', args, sized)).toBe(rangeCount(size, workers) - 1);
      expect(earlyWorkerCount('validate', [...args, '--format', 'csv'], sized)).toBe(
        validateRanges(size, workers) - 1,
      );
    },
  );

  // validate.ts reads in ranges only for a streaming format (json, ndjson, csv) and a built-in profile: the table,
  // Markdown and workbook hold every finding, and a profile file is read in one thread.
  it.each([
    [['national.csv']], // the default format, table
    [['national.csv', '--format', 'table', '--workers', '2']],
    [['national.csv', '--format', 'md', '--workers', '2']],
    [['national.csv', '--format', 'xlsx', '--out', 'f.xlsx', '--workers', '2']],
    [['national.csv', '--format', 'csv', '--profile-file', 'p.json', '--workers', '2']],
  ] as const)('validate %j reads in one thread: no worker', (args) => {
    expect(earlyWorkerCount('validate', args, sizeOf)).toBe(0);
  });

  it('the formats validate reads in ranges for are the streaming formats of shequ/report', () => {
    const formats = ['table', 'json', 'ndjson', 'csv', 'md', 'xlsx'];
    expect(formats.filter((format) => VALIDATE_STREAM_FORMATS.includes(format))).toEqual(
      formats.filter(isStreamFormat),
    );
  });

  it('validateRanges: one thread above 64 MiB unless --workers says, else rangeCount', () => {
    expect(validateRanges(PARALLEL_BY_DEFAULT_UP_TO + 1, undefined)).toBe(1);
    expect(validateRanges(PARALLEL_BY_DEFAULT_UP_TO + 1, 3)).toBe(3);
    expect(validateRanges(MIN_PARALLEL_BYTES, undefined)).toBe(cores);
    expect(validateRanges(ONE_RANGE_BELOW_BYTES - 1, 8)).toBe(1);
  });
});
