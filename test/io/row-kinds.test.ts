import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseUnitStatistics } from '../../src/index.js';
import { readUnitStatistics, unitStatisticsToCsv } from '../../src/io/index.js';
import { statisticsRowArbitrary } from '../../src/testing/index.js';

describe('township, district and total rows in a sheet', () => {
  it('are read with the kind words of each kind, and every bad row says why on its line and column', () => {
    const csv = [
      '统计用区划代码,类型,是否设置社会工作服务站,区社区服务中心,社区（村）数,社区服务站数,户数',
      '110105001000,街道,是,,,,',
      '110105000000,县（区）,,有,,,',
      '110105000000,社区合计,,,40,36,50000',
      '110105001001,街道,是,,,,', // a township row with a village code
      '110105001000,乡镇,,,,,300', // households on a township
      '110105001002,居委会,是,,,,', // a township's field on a unit
      '110105000000,村合计,,,3,4,', // more units with a facility than units
    ].join('\n');
    const result = readUnitStatistics(csv);
    expect(result.rows.map((row) => row.kind)).toEqual(['township', 'district', 'communityTotal']);
    expect(result.rows[2]).toEqual({
      code: '110105000000',
      kind: 'communityTotal',
      unitCount: 40,
      unitsWithFacility: 36,
      households: 50_000,
    });
    const reasons = result.rejected.map((row) => [
      row.line,
      row.issues.map((issue) => [issue.code, issue.column, issue.value]),
    ]);
    expect(reasons).toEqual([
      [5, [['kind_code_mismatch', '统计用区划代码', '110105001001']]],
      [6, [['field_not_applicable', '户数', '300']]],
      [7, [['field_not_applicable', '是否设置社会工作服务站', '是']]],
      [8, [['invalid_value', '社区服务站数', '4']]],
    ]);
    expect(result.rejected[0]?.issues[0]?.message).toMatchObject({
      zh: '“街道（乡镇）”行的代码应为乡级代码（后三位为 000，乡级段不为 000）',
    });
  });

  test.prop([fc.array(statisticsRowArbitrary(), { maxLength: 20 })])(
    'every kind of row is valid, and reads back as written (zh and key headers)',
    (rows) => {
      for (const row of rows) expect(parseUnitStatistics(row)).toEqual({ success: true, data: row });
      for (const headers of ['zh', 'key'] as const) {
        const read = readUnitStatistics(unitStatisticsToCsv(rows, { headers }));
        expect(read.rejected).toEqual([]);
        expect(read.rows).toEqual(rows);
      }
    },
  );
});
