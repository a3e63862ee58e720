import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIndicatorAccumulator, indicatorRowsFromParts } from '../../src/index.js';
import { encodeCsv, readUnitStatistics, unitStatisticsToCsv } from '../../src/io/index.js';
import { testTempDir } from '../helpers/temp-dir.js';

// The parallel path runs the built worker (dist/pipeline/indicators-worker.js), so it is tested against the build.
const built = '../../dist/pipeline/node.js'; // a variable: a fresh clone type-checks before it builds
const { computeIndicatorsFromFile } = (await import(built)) as typeof import('../../src/pipeline/node.js');
const servedSerially = '../../dist/pipeline/index.js';
const { computeIndicatorsFromSource } = (await import(
  servedSerially
)) as typeof import('../../src/pipeline/index.js');

/** The parallel job, in the shape the old parallel path returned (parts, rejected rows, counts). */
async function accumulateIndicatorsInParallel(file: string, options: { workers: number }) {
  const job = await computeIndicatorsFromFile(file, { ...options, asOf: '2025-12-31' });
  if (!job.success) return job;
  const { read, accepted, rejected } = job.data.counts;
  return {
    success: true as const,
    data: {
      parts: job.data.parts(),
      rejected: job.data.rejected,
      counts: { read, accepted, rejected },
      job: job.data,
    },
  };
}

/** The serial job over the same file, for an exact comparison of everything but the thread count. */
async function serialJob(file: string) {
  const { createReadStream } = await import('node:fs');
  const job = await computeIndicatorsFromSource(createReadStream(file), { asOf: '2025-12-31' });
  if (!job.success) throw new Error('serial read failed');
  return job.data;
}

describe('computeIndicatorsFromFile in worker threads', () => {
  it('gives exactly the single-thread figures, rejected lines and counts, on a file cut into slices', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => ({
      code: `13${String(Math.floor(i / 3000) + 1).padStart(2, '0')}${String((Math.floor(i / 300) % 10) + 1).padStart(2, '0')}${String((Math.floor(i / 30) % 10) + 1).padStart(3, '0')}${String((i % 30) + 201).padStart(3, '0')}`,
      name: i % 97 === 0 ? '"引号, 逗号"\n换行' : `村${i}`,
      kind: 'village' as const,
      households: 100 + (i % 500),
      hasFacility: i % 5 !== 0,
      facilityArea: (i % 300) + 0.25,
    }));
    const lines = unitStatisticsToCsv(rows).split('\r\n');
    for (let i = 50; i < lines.length; i += 977) lines[i] = (lines[i] ?? '').replace(/,村委会,/, ',街道,');
    const file = join(testTempDir('parallel'), 'hebei.csv');
    writeFileSync(file, encodeCsv(`标题行\r\n${lines.join('\r\n')}`, { encoding: 'gb18030' }));

    const whole = readUnitStatistics(
      new Uint8Array(await import('node:fs/promises').then((fs) => fs.readFile(file))),
    );
    const accumulator = createIndicatorAccumulator();
    for (const row of whole.rows) accumulator.add(row);
    const expected = indicatorRowsFromParts(accumulator.parts(), { asOf: '2025-12-31' });

    for (const workers of [1, 2, 3]) {
      const result = await accumulateIndicatorsInParallel(file, { workers });
      if (!result.success) throw new Error('parallel read failed');
      expect(result.data.counts).toEqual({
        read: whole.counts.read,
        accepted: whole.counts.accepted,
        rejected: whole.counts.rejected,
      });
      expect(result.data.rejected.map((r) => r.line).sort((a, b) => a - b)).toEqual(
        whole.rejected.map((r) => r.line),
      );
      expect(indicatorRowsFromParts(result.data.parts, { asOf: '2025-12-31' })).toEqual(expected);
      const serial = await serialJob(file);
      expect([...result.data.job.rows()]).toEqual([...serial.rows()]);
      expect(result.data.job.counts).toEqual(serial.counts);
      expect(result.data.job.rejected).toEqual(serial.rejected);
      expect(result.data.job.issues).toEqual(serial.issues);
    }
    expect(whole.counts.rejected).toBeGreaterThan(0);
  });

  it('merges the parts of the threads year by year: rows over years, and a default year, equal the serial read', async () => {
    const rows = Array.from({ length: 24_000 }, (_, i) => ({
      code: `13${String(Math.floor(i / 2400) + 1).padStart(2, '0')}01${String((Math.floor(i / 30) % 10) + 1).padStart(3, '0')}${String((i % 30) + 201).padStart(3, '0')}`,
      kind: 'village' as const,
      // Every fifth row has no year: it takes the job's `year` option (or is summed apart without it).
      ...(i % 5 === 0 ? {} : { year: 2021 + (i % 3) }),
      households: 100 + (i % 500),
      hasFacility: i % 7 !== 0,
      facilityArea: (i % 300) + 0.5,
    }));
    const file = join(testTempDir('parallel-years'), 'years.csv');
    writeFileSync(file, encodeCsv(unitStatisticsToCsv(rows)));
    const { createReadStream } = await import('node:fs');
    for (const year of [undefined, 2021]) {
      const options = { asOf: '2025-12-31', ...(year === undefined ? {} : { year }) };
      const serial = await computeIndicatorsFromSource(createReadStream(file), options);
      if (!serial.success) throw new Error('serial read failed');
      expect(serial.data.years).toEqual([2021, 2022, 2023]);
      for (const workers of [2, 3]) {
        const parallel = await computeIndicatorsFromFile(file, { ...options, workers });
        if (!parallel.success) throw new Error('parallel read failed');
        expect([...parallel.data.rows()]).toEqual([...serial.data.rows()]);
        expect(parallel.data.parts()).toEqual(serial.data.parts());
        expect(parallel.data.issues).toEqual(serial.data.issues);
      }
      // Without a default year the rows without one are summed apart, with a year_missing warning.
      expect(serial.data.issues.some((issue) => issue.code === 'year_missing')).toBe(year === undefined);
    }
  });

  it('equals the serial path on hostile files: stray quotes, a delimiter flood, CR-only lines, a quote open at the end', async () => {
    const header = '统计用区划代码,名称,类型,户数,是否建有综合服务设施';
    const code = (i: number) =>
      `13${String(Math.floor(i / 2000) + 1).padStart(2, '0')}${String((Math.floor(i / 200) % 10) + 1).padStart(2, '0')}${String((Math.floor(i / 20) % 10) + 1).padStart(3, '0')}${String((i % 20) + 201).padStart(3, '0')}`;
    const good = (i: number) => `${code(i)},村${i},村委会,${100 + (i % 50)},是`;
    const dir = testTempDir('parallel-hostile');
    const variants: Record<string, (lines: string[]) => string> = {
      // A stray quote near the start: the record runs past the limit, so the file is read in one slice.
      strayFarFromQuotes: (lines) => {
        lines[4] = `${code(4)},"东上泽村,村委会,1,是`;
        return lines.join('\n');
      },
      // Stray quotes that pair with later quoted fields, a flood of commas: cut into slices, same figures.
      strayPairedAndFlood: (lines) => {
        for (let i = 10; i < lines.length; i += 5_000) lines[i] = `${code(i)},"东上泽村,村委会,1,是`;
        for (let i = 12; i < lines.length; i += 5_000) lines[i] = `${code(i)},"西上泽, 村",村委会,1,是`;
        lines[20_000] = ','.repeat(50_000);
        return lines.join('\r\n');
      },
      // Region totals given twice: in one range (a warning, counted once) and across ranges (the merge refuses it, the
      // file is read again in one piece): the same warnings, at the same lines, as the serial read.
      duplicateTotals: (lines) => {
        const total = (code: string) => `${code},合计,村合计,900,`;
        lines[100] = total('130101001000');
        lines[101] = total('130101001000');
        lines[5_000] = total('130102001000');
        lines[35_000] = total('130102001000');
        lines[200] = `${code(200)},村200,村委会,很多,是`; // and a rejected row, as in every variant
        return lines.join('\n');
      },
      crOnlyQuoteOpenAtEnd: (lines) => `${lines.join('\r')}\r${code(0)},"不闭合,村委会,1,是\r${good(1)}`,
    };
    for (const [name, build] of Object.entries(variants)) {
      const lines = [header, ...Array.from({ length: 40_000 }, (_, i) => good(i))];
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, encodeCsv(build(lines), { bom: false }));
      const whole = readUnitStatistics(
        new Uint8Array(await import('node:fs/promises').then((fs) => fs.readFile(file))),
      );
      expect(whole.counts.rejected).toBeGreaterThan(0);
      for (const workers of [1, 3]) {
        const result = await accumulateIndicatorsInParallel(file, { workers });
        if (!result.success) throw new Error('parallel read failed');
        expect(result.data.counts).toEqual({
          read: whole.counts.read,
          accepted: whole.counts.accepted,
          rejected: whole.counts.rejected,
        });
        expect(result.data.rejected.map((r) => r.line).sort((a, b) => a - b)).toEqual(
          whole.rejected.map((r) => r.line),
        );
        const serial = await serialJob(file);
        expect(result.data.job.counts).toEqual(serial.counts);
        expect(result.data.job.rejected).toEqual(serial.rejected);
        expect(result.data.job.issues).toEqual(serial.issues);
        expect([...result.data.job.rows()]).toEqual([...serial.rows()]);
      }
    }
  });
});

describe('shequ indicators --workers', () => {
  const { spawnSync } = createRequire(import.meta.url)(
    'node:child_process',
  ) as typeof import('node:child_process');
  const root = join(import.meta.dirname, '..', '..');
  const bin = join(root, 'dist', 'cli', 'index.js');
  const shequ = (args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

  it('writes the same bytes, counts and rejects at 1, 2 and 3 threads', () => {
    const dir = testTempDir('workers');
    const lines = ['统计用区划代码,名称,类型,户数,是否建有综合服务设施'];
    for (let i = 0; i < 30_000; i++) {
      const code = `13${String((i % 11) + 1).padStart(2, '0')}${String((i % 7) + 1).padStart(2, '0')}${String((i % 13) + 100).padStart(3, '0')}${String((i % 300) + 201).padStart(3, '0')}`;
      lines.push(
        i % 1_000 === 7
          ? `${code},坏行,村委会,abc,是`
          : `${code},村${i},村委会,${100 + (i % 90)},${i % 4 ? '是' : '否'}`,
      );
    }
    const input = join(dir, 'hebei.csv');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const outputs = [1, 2, 3].map((workers) => {
      const out = join(dir, `out-${workers}.json`);
      const rejects = join(dir, `rejects-${workers}.csv`);
      const run = shequ([
        'indicators',
        input,
        '--workers',
        String(workers),
        '--format',
        'json',
        '--out',
        out,
        '--rejects',
        rejects,
        '--as-of',
        '2025-12-31',
      ]);
      expect(run.status).toBe(1); // rows were rejected
      return { stderr: run.stderr, out: readFileSync(out, 'utf8'), rejects: readFileSync(rejects, 'utf8') };
    });
    expect(outputs[0]?.stderr).toContain('拒收 30 rejected');
    for (const output of outputs.slice(1)) expect(output).toEqual(outputs[0]);
  });

  it('refuses a count that is not a whole number from 1 to 256 (exit 2)', () => {
    for (const bad of ['0', '-1', 'abc', '1.5', '257']) {
      const run = shequ(['indicators', 'examples/data/sample-units.csv', '--workers', bad]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--workers');
    }
  });
});
