import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeIndicators, validate } from '../../src/index.js';
import {
  findingsToCsv,
  indicatorRowsToCsv,
  neutralizeFormula,
  readUnitStatistics,
  toCsv,
  unitStatisticsToCsv,
} from '../../src/io/index.js';
import { readUnitStatisticsFile, streamUnitStatisticsFile } from '../../src/io/node.js';
import { readUnitStatisticsXlsx, tablesToXlsx, unitStatisticsToXlsx } from '../../src/io/xlsx.js';
import { zhengdingCounty } from '../fixtures/zhengding-county.js';
import { testTempDir } from '../helpers/temp-dir.js';

describe('.xlsx', () => {
  it('writes and reads back statistics rows', async () => {
    const bytes = await unitStatisticsToXlsx(zhengdingCounty);
    const result = await readUnitStatisticsXlsx(bytes);
    expect(result.rows).toEqual(zhengdingCounty);
    expect(result.accepted[0]?.line).toBe(2);
    const keyed = await readUnitStatisticsXlsx(
      await unitStatisticsToXlsx(zhengdingCounty, { headers: 'key', sheet: 'rows' }),
      { sheet: 'rows' },
    );
    expect(keyed.rows).toEqual(zhengdingCounty);
  });

  it('reads a sheet with a title row, numeric codes and bad cells, reporting each', async () => {
    const bytes = await tablesToXlsx([
      {
        name: '统计',
        table: {
          header: ['正定县社区统计表'],
          rows: [
            ['统计用区划代码', '类型', '户数'],
            [130123100201, '村委会', 612],
            [130123100202, '村委会', '很多'],
          ],
        },
      },
    ]);
    const result = await readUnitStatisticsXlsx(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    expect(result.rows).toEqual([{ code: '130123100201', kind: 'village', households: 612 }]);
    expect(result.rejected).toMatchObject([{ line: 4, issues: [{ column: '户数', value: '很多' }] }]);
    expect(result.counts).toMatchObject({ read: 2, accepted: 1, rejected: 1, titleLines: 1 });
  });

  it('neutralises formulas in written cells', async () => {
    const bytes = await tablesToXlsx([
      {
        name: 's',
        table: { header: ['统计用区划代码', '类型', '名称'], rows: [['130123100201', '村委会', '=1+1']] },
      },
    ]);
    expect((await readUnitStatisticsXlsx(bytes.buffer as ArrayBuffer)).rows[0]?.name).toBe("'=1+1");
  });

  it('reports a file that is not a workbook, or a missing sheet, as an issue', async () => {
    expect((await readUnitStatisticsXlsx(new Uint8Array([1, 2, 3]))).issues[0]?.code).toBe(
      'malformed_record',
    );
    const bytes = await unitStatisticsToXlsx([]);
    expect((await readUnitStatisticsXlsx(bytes, { sheet: 'nope' })).issues).toHaveLength(1);
  });
});

describe('file helpers (Node)', () => {
  it('read CSV and .xlsx files by path, and stream CSV', async () => {
    const dir = testTempDir('io');
    const csv = join(dir, 'units.csv');
    writeFileSync(csv, unitStatisticsToCsv(zhengdingCounty));
    const xlsx = join(dir, 'units.xlsx');
    writeFileSync(xlsx, await unitStatisticsToXlsx(zhengdingCounty));
    expect((await readUnitStatisticsFile(csv)).rows).toEqual(zhengdingCounty);
    expect((await readUnitStatisticsFile(xlsx)).rows).toEqual(zhengdingCounty);
    expect((await readUnitStatisticsFile(xlsx, { sheet: 1 })).rows).toHaveLength(12);
    let rows = 0;
    for await (const event of streamUnitStatisticsFile(csv)) if (event.kind === 'row') rows++;
    expect(rows).toBe(12);
  });
});

describe('writers', () => {
  it('neutralise formula injection in text, never in numbers', () => {
    // Issue 12: text that is exactly a number ('+1', '-1') is a number to a spreadsheet, not a formula: left alone.
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', 'ok'].map(neutralizeFormula)).toEqual([
      "'=1+1",
      '+1',
      '-1',
      "'@SUM(A1)",
      "'\tx",
      'ok',
    ]);
    expect([
      neutralizeFormula(-1),
      neutralizeFormula(true),
      neutralizeFormula(null),
      neutralizeFormula(undefined),
    ]).toEqual(['-1', 'true', '', '']);
    expect(toCsv(['a'], [['=cmd|"/c calc"!A0']])).toBe('a\r\n"\'=cmd|""/c calc""!A0"\r\n');
  });

  it('write indicator rows and findings as CSV that reads back as a table', () => {
    const rows = computeIndicators(zhengdingCounty, { asOf: '2025-12-31', groupBy: ['county'] });
    const csv = indicatorRowsToCsv(rows);
    expect(csv.split('\r\n')).toHaveLength(rows.length + 2);
    expect(csv).toContain(
      '130123000000,county,,facilityAreaPer100Households,1211.3,4550,2,26.6,m²,>= 30,not-met',
    );
    const findings = validate(zhengdingCounty, { asOf: '2025-12-31', profile: 'hebei' }).findings;
    const text = findingsToCsv(findings);
    expect(text.split('\r\n')).toHaveLength(findings.length + 2);
    expect(findingsToCsv(findings, { lang: 'en' })).toContain('No disaster information officer');
  });

  it('statistics rows with key headers read back exactly', () => {
    expect(readUnitStatistics(unitStatisticsToCsv(zhengdingCounty, { headers: 'key' })).rows).toEqual(
      zhengdingCounty,
    );
  });
});
