import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yearOfFileName } from '../../src/cli/indicators-years.js';
import { computeIndicators, type IndicatorRow } from '../../src/index.js';
import { unitStatisticsToCsv } from '../../src/io/index.js';
import { useTempDir } from '../helpers/temp-dir.js';

// `shequ indicators FILE…` over years, against the built command.
const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const dir = useTempDir('years');

function shequ(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Two villages of 正定县 in a year: `built` of them have a facility. */
function villages(built: number) {
  return ['130123100201', '130123100202'].map((code, i) => ({
    code,
    kind: 'village' as const,
    households: 250,
    hasFacility: i < built,
    facilityArea: i < built ? 60 : 0,
  }));
}
const files = [2021, 2022, 2023].map((year, i) => {
  const path = join(dir, `正定县${year}.csv`);
  writeFileSync(path, unitStatisticsToCsv(villages(i))); // 0, 1, 2 of the 2 villages built
  return path;
});
const plain = join(dir, 'no-year.csv');
writeFileSync(plain, unitStatisticsToCsv(villages(1)));
const withColumn = join(dir, 'with-column.csv');
writeFileSync(
  withColumn,
  unitStatisticsToCsv([2021, 2022].flatMap((year) => villages(1).map((row) => ({ ...row, year })))),
);

const ARGS = ['--profile', 'hebei', '--group-by', 'county'];

describe('shequ indicators over years', () => {
  it('reads the year of each file from its name', () => {
    expect(yearOfFileName('/data/2021/正定县2023.csv')).toBe(2023);
    expect(yearOfFileName('正定县-2023年.xlsx')).toBe(2023);
    expect(yearOfFileName('正定县20231.csv')).toBeUndefined();
    expect(yearOfFileName('2022-2023.csv')).toBeUndefined();
  });

  it('gives rows per region and year, the same as the API over the rows with their years', () => {
    const result = shequ(['indicators', ...files, ...ARGS, '--format', 'json']);
    expect(result.code).toBe(0);
    // The command names the regions from the shipped lists; the API call here has none.
    const rows = (JSON.parse(result.stdout) as IndicatorRow[]).map(({ name: _, ...row }) => row);
    const expected = computeIndicators(
      [2021, 2022, 2023].flatMap((year, i) => villages(i).map((row) => ({ ...row, year }))),
      { profile: 'hebei', groupBy: ['county'] },
    );
    expect(rows).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(
      rows.filter((row) => row.indicator === 'ruralFacilityCoverage').map((row) => [row.year, row.value]),
    ).toEqual([
      [2021, 0],
      [2022, 50],
      [2023, 100],
    ]);
  });

  it('writes a year column in CSV, and keeps the CSV of one file without years as it was', () => {
    const csv = shequ(['indicators', ...files, ...ARGS, '--format', 'csv']).stdout;
    expect(csv.split('\r\n')[0]).toBe(
      '\ufeffregion,level,year,name,indicator,numerator,denominator,missing,value,unit,target,status,expected,gap,asOf,baseline',
    );
    const one = shequ(['indicators', plain, ...ARGS, '--format', 'csv', '--as-of', '2025-12-31']).stdout;
    expect(one.split('\r\n')[0]).toBe(
      '\ufeffregion,level,name,indicator,numerator,denominator,missing,value,unit,target,status,expected,gap,asOf,baseline',
    );
  });

  it('prints the series with --series: change, average annual change and standing', () => {
    const result = shequ(['indicators', ...files, ...ARGS, '--series', '--format', 'json']);
    expect(result.code).toBe(0);
    const entries = JSON.parse(result.stdout) as {
      indicator: string;
      change: number;
      averageAnnualChange: number;
      points: { year: number; standing: string; line: number }[];
    }[];
    const rural = entries.find((entry) => entry.indicator === 'ruralFacilityCoverage');
    // 0 → 50 → 100 % against Hebei's line 65 → 80 (68, 71, 74 at the ends of 2021–2023).
    expect(rural?.points.map((p) => [p.year, p.line, p.standing])).toEqual([
      [2021, 68, 'behind'],
      [2022, 71, 'behind'],
      [2023, 74, 'ahead'],
    ]);
    expect([rural?.change, rural?.averageAnnualChange]).toEqual([100, 50]);
    const table = shequ(['indicators', ...files, ...ARGS, '--series', '--lang', 'en']).stdout;
    expect(table).toContain('average annual change');
  });

  it('reads one file with a year column as a series, and --year for a file without one', () => {
    const column = shequ(['indicators', withColumn, ...ARGS, '--format', 'json']);
    expect(new Set((JSON.parse(column.stdout) as IndicatorRow[]).map((row) => row.year))).toEqual(
      new Set([2021, 2022]),
    );
    const given = shequ([
      'indicators',
      plain,
      files[0] as string,
      ...ARGS,
      '--year',
      '2020',
      '--format',
      'json',
    ]);
    expect(given.code).toBe(0);
    expect(new Set((JSON.parse(given.stdout) as IndicatorRow[]).map((row) => row.year))).toEqual(
      new Set([2020]),
    );
  });

  it('fails with a clear message (zh and en, exit 2) for a file of no year among several', () => {
    const result = shequ(['indicators', files[0] as string, plain, ...ARGS]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('有的行没有“年度”');
    expect(result.stderr).toContain('has rows without a year and no year in its name');
    expect(shequ(['indicators', plain, '--year', '25']).code).toBe(2);
    expect(shequ(['indicators', ...files, '--rejects', join(dir, 'r.csv')]).code).toBe(2);
  });

  it('applies a --crosswalk CSV before the roll-up, and refuses a bad one with its line', () => {
    const crosswalk = join(dir, 'crosswalk.csv');
    // The villages of township 100 renumbered into township 105 from 2024: 2021–2023 count under 105.
    writeFileSync(
      crosswalk,
      '原代码,新代码,起始年度\n130123100201,130123105201,2024\n130123100202,130123105202,2024年\n',
    );
    const result = shequ([
      'indicators',
      ...files,
      '--profile',
      'hebei',
      '--group-by',
      'township',
      '--format',
      'json',
      '--crosswalk',
      crosswalk,
    ]);
    expect(result.code).toBe(0);
    const regions = new Set((JSON.parse(result.stdout) as IndicatorRow[]).map((row) => row.region));
    expect(regions).toEqual(new Set(['130123105000']));
    const bad = join(dir, 'bad-crosswalk.csv');
    writeFileSync(
      bad,
      'old code,new code,from year\n130123100201,130123105201,2023\n130123100201,130123105209,2023\n',
    );
    const refused = shequ(['indicators', ...files, '--crosswalk', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('第 3 行 line 3');
    expect(refused.stderr).toContain('maps to two codes');
  });

  it('refuses a crosswalk that is not UTF-8 (exit 2, its line named), never reads it as U+FFFD', () => {
    const gbk = join(dir, 'gbk-crosswalk.csv');
    // 原代码,新代码,起始年度 / a change, then a line whose year is 2024年 with 年 in GBK (C4 EA)
    writeFileSync(
      gbk,
      Buffer.concat([
        Buffer.from('old code,new code,from year\r\n\r\n130123100201,130123105201,2024\r\n'),
        Buffer.from('130123100202,130123105202,2024'),
        Buffer.from([0xc4, 0xea, 0x0d, 0x0a]),
      ]),
    );
    const refused = shequ(['indicators', ...files, '--crosswalk', gbk, '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('is not UTF-8 (GBK or GB18030, perhaps: from line 4)');
    expect(refused.stderr).toContain('Save it as a UTF-8 CSV');
  });
});
