/**
 * A unit listed twice in one year's input is counted once by the streaming job, whatever the number of threads and
 * ranges: the first occurrence counts; every later one is said (`duplicate_code`, a warning at its line, naming the
 * line of the row counted) and left out of the sums — a repeat in one range, in another range than the first (read
 * again, told the codes the ranges before it counted), or with other values. The figures equal those of the file
 * without its repeats; read = accepted + rejected, and accepted = counted + not counted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it, vi } from 'vitest';
import {
  computeIndicatorsFromSource,
  finishIndicatorsJob,
  prepareIndicatorsJob,
} from '../../src/pipeline/indicators.js';
import { computeIndicatorsFromFile } from '../../src/pipeline/node.js';
import { readRanges } from '../../src/pipeline/parallel.js';
import { planRanges } from '../../src/pipeline/range-plan.js';
import { useTempDir } from '../helpers/temp-dir.js';

// The range workers run here, in this thread (the source's worker module is TypeScript): a worker reads its range
// with readRange when its turn comes, as the built worker does, and posts the result.
vi.mock('node:worker_threads', async (original) => {
  const actual = await original<typeof import('node:worker_threads')>();
  const { EventEmitter } = await import('node:events');
  class InThreadWorker extends EventEmitter {
    constructor(_url: URL, options: { workerData: unknown }) {
      super();
      setImmediate(async () => {
        const { readRange } = await import('../../src/pipeline/range-read.js');
        try {
          this.emit('message', await readRange(options.workerData as never));
        } catch (error) {
          this.emit('error', error);
        }
      });
    }
    terminate = () => Promise.resolve(0);
    ref = () => this;
    unref = () => this;
    postMessage = () => undefined;
  }
  return { ...actual, Worker: InThreadWorker };
});

const dir = useTempDir('repeated-units');
const SAMPLE = (year: number) =>
  readFileSync(join('examples', 'data', `sample-units-${year}.csv`), 'utf8')
    .replace(/^\ufeff/, '')
    .trimEnd();
const [HEADER, ...ROWS] = [2023, 2024, 2025].flatMap((year, k) => {
  const lines = SAMPLE(year).split('\n');
  return k === 0 ? lines : lines.slice(1);
}) as [string, ...string[]];
const OPTIONS = { profile: 'hebei', asOf: '2025-12-31', groupBy: ['township', 'county'] } as const;

/** A line with its year replaced (the same unit in another year's values: a repeat with other figures). */
const relabel = (line: string, year: string) => `${year}${line.slice(4)}`;
/** The year and code of a line (年度 is the first column, 统计用区划代码 the second). */
const keyOf = (line: string) => line.slice(0, 17);

/** The file's data lines: the sample's rows in some order, with repeats inserted anywhere. */
const file = fc
  .record({
    order: fc.shuffledSubarray(ROWS, { minLength: 20, maxLength: 120 }),
    repeats: fc.array(
      fc.record({ from: fc.nat(), at: fc.nat(), year: fc.constantFrom(undefined, '2023', '2024', '2025') }),
      { maxLength: 40 },
    ),
  })
  .map(({ order, repeats }) => {
    const lines = [...order];
    for (const { from, at, year } of repeats) {
      const source = lines[from % lines.length] as string;
      const pool = ROWS.filter((line) => line.slice(4, 17) === source.slice(4, 17));
      const copy = year === undefined ? source : relabel(pool[from % pool.length] as string, year);
      lines.splice(at % (lines.length + 1), 0, copy);
    }
    return lines;
  });

/** The lines without their repeats, and the repeats: their line in the file, and the line of the one counted. */
function firstOccurrences(lines: readonly string[]) {
  const first = new Map<string, number>();
  const kept: string[] = [];
  const repeats: [number, number][] = [];
  lines.forEach((line, i) => {
    const fileLine = i + 2; // the header is line 1
    const seen = first.get(keyOf(line));
    if (seen === undefined) {
      first.set(keyOf(line), fileLine);
      kept.push(line);
    } else repeats.push([fileLine, seen]);
  });
  return { kept, repeats };
}

let files = 0;
function written(lines: readonly string[]): string {
  const path = join(dir, `units-${files++}.csv`);
  writeFileSync(path, `${[HEADER, ...lines].join('\n')}\n`);
  return path;
}

/** The job in one thread, on the file's bytes in chunks of `sizes` (cycled; the byte reader and the string path take turns). */
async function serial(lines: readonly string[], sizes: readonly number[] = []) {
  const bytes = new TextEncoder().encode(`${[HEADER, ...lines].join('\n')}\n`);
  async function* chunks() {
    for (let at = 0, k = 0; at < bytes.length; k++) {
      const size = sizes.length === 0 ? bytes.length : (sizes[k % sizes.length] as number);
      yield bytes.slice(at, at + size);
      at += size;
    }
  }
  const job = await computeIndicatorsFromSource(chunks(), OPTIONS);
  if (!job.success) throw new Error('refused');
  return job.data;
}

/** The job read in `ranges` byte ranges (the first here, the others by the in-thread workers). */
async function inRanges(path: string, ranges: number) {
  const prepared = prepareIndicatorsJob(OPTIONS);
  if (!prepared.success) throw new Error('refused');
  const plan = await planRanges(path, ranges, {});
  if (plan === undefined) throw new Error('not cut');
  const input = await readRanges(path, prepared.data, plan, 'hebei');
  if (input === undefined) throw new Error('a cut was unsafe');
  return { job: finishIndicatorsJob(prepared.data, input), cuts: plan.cuts.length };
}

const repeatsSaid = (issues: readonly { code: string; line?: number; message: { en: string } }[]) =>
  issues
    .filter((issue) => issue.code === 'duplicate_code')
    .map((issue) => [issue.line, Number(/the row at line (\d+) is counted/.exec(issue.message.en)?.[1])]);

describe('units listed twice, streamed', () => {
  test.prop([file, fc.array(fc.integer({ min: 1, max: 4096 }), { maxLength: 5 })], { numRuns: 40 })(
    'in one thread (however chunked) or in 2–4 ranges: the figures of the file without its repeats, each repeat said once at its line',
    async (lines, sizes) => {
      const { kept, repeats } = firstOccurrences(lines);
      const expected = await serial(kept);
      const rows = [...expected.rows()];
      const whole = await serial(lines, sizes);
      expect([...whole.rows()]).toEqual(rows);
      expect(repeatsSaid(whole.issues)).toEqual(repeats);
      expect(whole.counts.read).toBe(whole.counts.accepted + whole.counts.rejected);
      expect(whole.counts.accepted).toBe(expected.counts.accepted + repeats.length);
      const path = written(lines);
      for (const ranges of [2, 3, 4]) {
        const { job } = await inRanges(path, ranges);
        expect([...job.rows()]).toEqual(rows);
        expect(job.issues).toEqual(whole.issues);
        expect(job.counts).toEqual(whole.counts);
        expect(job.parts()).toEqual(whole.parts());
      }
    },
  );

  it('a file listed twice in a row (every unit repeated in the second range): counted once, each repeat said', async () => {
    const lines = ROWS.filter((line) => line.startsWith('2025'));
    const twice = [...lines, ...lines];
    const expected = await serial(lines);
    const { job, cuts } = await inRanges(written(twice), 2);
    expect(cuts).toBe(1);
    expect([...job.rows()]).toEqual([...expected.rows()]);
    expect(repeatsSaid(job.issues)).toEqual(lines.map((_, i) => [lines.length + i + 2, i + 2]));
  });

  it('computeIndicatorsFromFile at 1, 2 and 3 threads (a file over 256 KiB): the figures of the file without repeats', async () => {
    // 41 years of the sample, then its 2025 rows again, and a unit of 2000 repeated at the very end.
    const years = Array.from({ length: 41 }, (_, k) => String(2000 + k));
    const base = years.flatMap((year) =>
      ROWS.filter((line) => line.startsWith('2025')).map((line) => relabel(line, year)),
    );
    const lines = [...base, ...ROWS.filter((line) => line.startsWith('2025')), base[0] as string];
    const { kept, repeats } = firstOccurrences(lines);
    const path = written(lines);
    const expected = await serial(kept);
    for (const workers of [1, 2, 3]) {
      const job = await computeIndicatorsFromFile(path, { ...OPTIONS, workers });
      if (!job.success) throw new Error('refused');
      expect([...job.data.rows()]).toEqual([...expected.rows()]);
      expect(repeatsSaid(job.data.issues)).toEqual(repeats);
    }
  });
});
