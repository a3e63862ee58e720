/**
 * The parallel `shequ validate` without threads: a file validated in byte ranges (validate-range.ts, what each worker
 * and the main thread run), the ranges read in any order and merged (validate-parallel.ts), gives byte for byte the
 * report of one validator and one sorter over the whole file — the findings' `index` shifted by the accepted rows of
 * the ranges before, the runs of every range merged stably, the region rules checked on the merged sums, the summary,
 * the rejected rows and their lines those of the serial read.
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createFindingTextSorter } from '../../src/cli/finding-runs.js';
import { mergeValidatedRanges } from '../../src/cli/validate-parallel.js';
import { type RangeValidation, validateRange } from '../../src/cli/validate-range.js';
import { createValidator, type Finding } from '../../src/index.js';
import { encodeCsv, unitStatisticsToCsv } from '../../src/io/index.js';
import { readSource } from '../../src/pipeline/job.js';
import { planRanges } from '../../src/pipeline/range-plan.js';
import {
  type ChunkSink,
  createByteSink,
  findingTextFormat,
  type ReportHead,
} from '../../src/report/index.js';
import { testTempDir } from '../helpers/temp-dir.js';

const AS_OF = '2025-12-31';

/** A Hebei sheet: villages and communities of a few townships, findings of several rules, some rows rejected. */
function sheet(count: number, seed: number): string {
  const rows = Array.from({ length: count }, (_, n) => {
    const i = n + seed;
    return {
      code: `1301${String((i % 3) + 21).padStart(2, '0')}${String((i % 4) + 100).padStart(3, '0')}${String((i % 37) + 201).padStart(3, '0')}`,
      name: i % 11 === 0 ? '"引号, 逗号"' : `村${i}`,
      kind: i % 5 === 0 ? ('community' as const) : ('village' as const),
      households: 50 + ((i * 37) % 900),
      hasFacility: i % 7 !== 0,
      facilityArea: (i * 13) % 400,
      disasterOfficers: i % 3,
      workers: i % 4,
      urbanPopulation: i % 5 === 0 ? 3000 + (i % 2000) : undefined,
    };
  });
  const lines = unitStatisticsToCsv(rows).split('\r\n');
  // Rejected rows: a kind that is not a unit's, a count that is not a number.
  for (let i = 3 + (seed % 5); i < lines.length - 1; i += 17)
    lines[i] = (lines[i] ?? '').replace(/,(村委会|居委会),/, i % 2 === 0 ? ',街道,' : ',$1,x');
  return `河北省统计表\r\n${lines.join('\r\n')}`;
}

async function collect(write: (sink: ChunkSink) => Promise<void>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const sink = createByteSink({ write: (chunk) => void parts.push(chunk.slice()) }, 64);
  await write(sink);
  await sink.end();
  return Buffer.concat(parts);
}

/** The report's bytes: open, the sorted findings, close (as the command writes them). */
function reportBytes(
  format: 'json' | 'ndjson' | 'csv',
  head: ReportHead,
  findings: { size: number; write(sink: ChunkSink, separator: string): Promise<void> },
): Promise<Buffer> {
  const texts = findingTextFormat(format, 'zh');
  return collect(async (sink) => {
    await sink.write(texts.open(head, findings.size > 0));
    await findings.write(sink, texts.separator);
    await sink.write(texts.close(head, findings.size > 0));
  });
}

/** The one-thread command: one validator, one sorter, the whole file. */
async function serial(file: string, format: 'json' | 'ndjson' | 'csv') {
  const validator = createValidator({ profile: 'hebei', asOf: AS_OF });
  const sorter = createFindingTextSorter(validator.compare, findingTextFormat(format, 'zh'), {
    records: 7,
    bytes: 4000,
  });
  try {
    const input = await readSource(createReadStream(file), {}, (row) => {
      for (const finding of validator.add(row)) sorter.add(finding);
    });
    const end = validator.end();
    for (const finding of end.findings) sorter.add(finding);
    return { input, end, bytes: await reportBytes(format, end, sorter) };
  } finally {
    sorter.close();
  }
}

/** Line starts of the file's data part, where a range may begin. */
function lineStarts(bytes: Uint8Array, from: number): number[] {
  const starts: number[] = [];
  for (let i = from; i < bytes.length - 1; i++) if (bytes[i] === 0x0a) starts.push(i + 1);
  return starts;
}

/** The file validated in ranges cut at `cuts` (line starts), read in the order `order` gives, then merged. */
async function inRanges(
  file: string,
  format: 'json' | 'ndjson' | 'csv',
  pick: (starts: readonly number[]) => number[],
  order: readonly number[],
) {
  const plan = await planRanges(file, 2, {});
  if (plan === undefined) throw new Error('no plan');
  const size = readFileSync(file).length;
  const starts = lineStarts(readFileSync(file), plan.headerEnd);
  const cuts = [...new Set(pick(starts))].sort((a, b) => a - b);
  const bounds = [plan.headerEnd, ...cuts, size];
  const validation: RangeValidation = {
    profile: 'hebei',
    asOf: AS_OF,
    format,
    lang: 'zh',
    dir: testTempDir('validate-ranges'),
    limits: { records: 5, bytes: 3000 },
  };
  const jobs = bounds.slice(0, -1).map((start, k) => ({
    path: file,
    start,
    end: bounds[k + 1] as number,
    headerEnd: plan.headerEnd,
    encoding: plan.encoding,
    read: {},
    validation,
  }));
  // Any order of completion: each range is read alone into its own runs.
  const ranked = jobs.map((job, k) => ({ job, rank: order[k % order.length] ?? 0 }));
  const done = new Map<number, Awaited<ReturnType<typeof validateRange>>>();
  for (const { job } of ranked.sort((a, b) => a.rank - b.rank)) done.set(job.start, await validateRange(job));
  const results = jobs.map((job) => done.get(job.start) as Awaited<ReturnType<typeof validateRange>>);
  const [first, ...rest] = results;
  if (first === undefined) throw new Error('no range');
  const merged = await mergeValidatedRanges(plan, validation, first, rest);
  if (merged === undefined) return undefined;
  return { ...merged, bytes: await reportBytes(format, merged.head, merged.findings) };
}

function writeSheet(rows: number, seed: number): string {
  const file = join(testTempDir('validate-sheet'), 'hebei.csv');
  writeFileSync(file, encodeCsv(sheet(rows, seed), { encoding: seed % 2 === 0 ? 'utf-8' : 'gb18030' }));
  return file;
}

describe('validate in byte ranges', () => {
  test.prop(
    [
      fc.integer({ min: 20, max: 160 }),
      fc.nat(1000),
      fc.constantFrom('json' as const, 'ndjson' as const, 'csv' as const),
      fc.array(fc.nat(), { minLength: 0, maxLength: 5 }),
      fc.array(fc.nat(9), { minLength: 1, maxLength: 6 }),
    ],
    { numRuns: 40 },
  )(
    'any cuts, any order of completion: the bytes, summary, counts and rejected lines of one range',
    async (rows, seed, format, picks, order) => {
      const file = writeSheet(rows, seed);
      const whole = await serial(file, format);
      const split = await inRanges(
        file,
        format,
        (starts) => picks.map((p) => starts[p % starts.length] as number),
        order,
      );
      if (split === undefined) throw new Error('a safe cut was refused');
      expect(split.head.summary).toEqual(whole.end.summary);
      expect(split.input.counts).toEqual(whole.input.counts);
      expect(split.input.rejected).toEqual(whole.input.rejected);
      expect(split.input.issues).toEqual(whole.input.issues);
      expect(split.bytes.equals(whole.bytes)).toBe(true);
      split.findings.close();
    },
  );

  it('worked by hand: the second range’s findings have their index shifted by the first range’s accepted rows', async () => {
    const file = writeSheet(40, 0);
    const whole = await serial(file, 'ndjson');
    const lines = whole.bytes.toString('utf8').trimEnd().split('\n');
    const findings = lines.slice(0, -1).map((line) => JSON.parse(line) as Finding);
    // Cut at the 21st data line (the title line and the header come first).
    const split = await inRanges(file, 'ndjson', (starts) => [starts[20] as number], [1, 0]);
    if (split === undefined) throw new Error('refused');
    expect(split.bytes.equals(whole.bytes)).toBe(true);
    // Rows 0–19 of the data are lines 3–22; with rejected rows among them, the first range accepted fewer than 20.
    const firstAccepted = 20 - whole.input.rejected.filter((row) => row.line <= 22).length;
    const later = findings.filter(
      (finding) => typeof finding.index === 'number' && finding.index >= firstAccepted,
    );
    expect(later.length).toBeGreaterThan(0);
    expect(Math.max(...findings.map((finding) => finding.index ?? -1))).toBe(whole.input.counts.accepted - 1);
  });
});
