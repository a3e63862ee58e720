import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { UnitStatistics } from '../../src/index.js';
import {
  decodeText,
  detectEncoding,
  encodeCsv,
  fieldOfHeader,
  readUnitStatistics,
  rejectedRowsToCsv,
  streamUnitStatistics,
  unitStatisticsToCsv,
} from '../../src/io/index.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';

const HEADER = '统计用区划代码,名称,类型,户数,是否建有综合服务设施,综合服务设施建筑面积';

describe('readUnitStatistics', () => {
  it('reads a sheet as Excel exports it: title row, blank lines, quoted fields, Chinese values', () => {
    const csv = [
      '正定县社区统计表（2025年）',
      '',
      HEADER,
      '130123100201,"西上泽村委会, 正定镇",村委会,"1,200",是,１２０.５',
      '',
      '130123100001,"多行\n名称",居委会,800,否,',
    ].join('\r\n');
    const result = readUnitStatistics(csv);
    expect(result.rows).toEqual([
      {
        code: '130123100201',
        name: '西上泽村委会, 正定镇',
        kind: 'village',
        households: 1200,
        hasFacility: true,
        facilityArea: 120.5,
      },
      { code: '130123100001', name: '多行\n名称', kind: 'community', households: 800, hasFacility: false },
    ]);
    expect(result.accepted.map((a) => a.line)).toEqual([4, 6]);
    expect(result.counts).toEqual({ read: 2, accepted: 2, rejected: 0, blankLines: 2, titleLines: 1 });
    expect(result.header?.line).toBe(3);
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([['skipped_lines', 'info']]);
  });

  it('matches headers by key or variant, in any order, and keeps unknown columns as extra data', () => {
    const result = readUnitStatistics('备注,kind,户数（户）,code\n甲,village,12,130123100201\n');
    expect(result.rows).toEqual([{ code: '130123100201', kind: 'village', households: 12 }]);
    expect(result.accepted[0]?.extra).toEqual({ 备注: '甲' });
    expect(result.issues).toMatchObject([{ code: 'unknown_column', severity: 'warning', column: '备注' }]);
    expect(fieldOfHeader('综合服务设施建筑面积(平方米)')).toBe('facilityArea');
  });

  it('reports every bad row with line, column, value and reason, keeps the good ones, and the counts add up', () => {
    const csv = `${HEADER}\n130123100201,,村委会,很多,也许,10\n130123100202,,村委会,5,是,10\n130123100000,,村委会,5,是,-1\n130123100203,,村委会,5,是,10.123\n13012310020X,,小区,5,是,1`;
    const result = readUnitStatistics(csv);
    expect(result.rows.map((r) => r.code)).toEqual(['130123100202']);
    expect(result.rejected.map((r) => [r.line, r.issues.map((i) => [i.column, i.code, i.value])])).toEqual([
      [
        2,
        [
          ['户数', 'invalid_type', '很多'],
          ['是否建有综合服务设施', 'invalid_type', '也许'],
        ],
      ],
      [
        4,
        [
          ['统计用区划代码', 'invalid_value', '130123100000'],
          ['综合服务设施建筑面积', 'invalid_value', '-1'],
        ],
      ],
      [5, [['综合服务设施建筑面积', 'invalid_value', '10.123']]],
      [6, [['类型', 'invalid_type', '小区']]],
    ]);
    expect(result.counts.read).toBe(result.counts.accepted + result.counts.rejected);
    expect(result.rejected[0]?.issues[0]?.message).toEqual({ zh: '不是数字', en: 'Not a number' });
  });

  it('reports a truncated last line and keeps the rows before it', () => {
    const result = readUnitStatistics(`${HEADER}\n130123100201,,村委会,5,是,1\n130123100202,"西上`);
    expect(result.counts).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    expect(result.rejected[0]?.issues[0]).toMatchObject({ code: 'malformed_record', line: 3 });
  });

  it('masks anything shaped like an ID number in an echoed value', () => {
    const result = readUnitStatistics(`${HEADER}\n11010519491231002X,,村委会,5,是,1`);
    expect(JSON.stringify(result)).not.toContain('11010519491231002X');
    expect(result.rejected[0]?.issues[0]?.value).toBe('110105********002X');
  });

  it('says so when there is no header', () => {
    const result = readUnitStatistics('a,b\n1,2\n');
    expect(result.issues).toMatchObject([{ code: 'header_not_found', severity: 'error' }]);
    expect(result.counts).toMatchObject({ read: 0, titleLines: 2 });
    const many = readUnitStatistics(`${'x\n'.repeat(25)}${HEADER}\n130123100201,,村委会,5,是,1\n`);
    expect(many.counts).toMatchObject({ read: 0, titleLines: 27 });
  });

  it('writes rejected rows back out for a clerk: line, original cells, reason', () => {
    const result = readUnitStatistics(`${HEADER}\n130123100201,,村委会,很多,是,1\n`);
    expect(rejectedRowsToCsv(result.rejected, result.header)).toBe(
      `line,${HEADER},reason\r\n2,130123100201,,村委会,很多,是,1,户数：不是数字（填写值：很多）\r\n`,
    );
    expect(rejectedRowsToCsv(result.rejected, result.header, { lang: 'en' })).toContain(
      '户数: Not a number (given: 很多)',
    );
  });
});

describe('encodings', () => {
  it('reads GB18030 written by the tests themselves, and UTF-8 with a BOM', () => {
    const text = `${HEADER}\r\n130123100201,西上泽村委会,村委会,612,是,210.3\r\n`;
    const gb = encodeCsv(text, { encoding: 'gb18030' });
    expect(detectEncoding(gb)).toBe('gb18030');
    const fromGb = readUnitStatistics(gb);
    expect(fromGb.encoding).toBe('gb18030');
    expect(fromGb.rows[0]).toMatchObject({ name: '西上泽村委会', facilityArea: 210.3 });
    const bom = encodeCsv(text);
    expect([...bom.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readUnitStatistics(bom).rows).toEqual(fromGb.rows);
    expect(readUnitStatistics(encodeCsv(text, { bom: false })).rows).toEqual(fromGb.rows);
    expect(readUnitStatistics(`\ufeff${text}`).rows).toEqual(fromGb.rows);
  });

  it('encodes characters outside the BMP and reads UTF-16LE', () => {
    const rare = '𠀀'; // U+20000: four-byte GB18030
    expect(decodeText(encodeCsv(rare, { encoding: 'gb18030' }), 'gb18030')).toMatchObject({
      success: true,
      data: { text: rare },
    });
    const utf16 = new Uint8Array([0xff, 0xfe, 0x3e, 0x79]);
    expect(decodeText(utf16)).toMatchObject({ success: true, data: { text: '社', encoding: 'utf-16le' } });
  });

  test.prop([
    fc.string({ unit: fc.constantFrom('社', '区', '村', 'a', '1', '，', '（', '·'), maxLength: 30 }),
  ])('GB18030 encode → decode is the identity', (text) => {
    expect(decodeText(encodeCsv(text, { encoding: 'gb18030' }), 'gb18030')).toMatchObject({ data: { text } });
  });
});

describe('streamUnitStatistics', () => {
  async function* chunked(bytes: Uint8Array, size: number) {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  }

  it('streams GB18030 bytes in small chunks with the same result as reading at once', async () => {
    const text = `标题\r\n${HEADER}\r\n130123100201,西上泽村委会,村委会,612,是,210.3\r\n130123100202,坏,村委会,很多,是,1\r\n`;
    const bytes = encodeCsv(text, { encoding: 'gb18030' });
    const events = [];
    for await (const event of streamUnitStatistics(chunked(bytes, 3))) events.push(event);
    const whole = readUnitStatistics(bytes);
    expect(events.filter((e) => e.kind === 'row').map((e) => e.kind === 'row' && e.accepted)).toEqual(
      whole.accepted,
    );
    expect(
      events.filter((e) => e.kind === 'rejected').map((e) => e.kind === 'rejected' && e.rejected),
    ).toEqual(whole.rejected);
    expect(events.at(-1)).toMatchObject({ kind: 'end', counts: whole.counts, encoding: 'gb18030' });
  });

  it('reads web streams of text', async () => {
    const stream = new ReadableStream<string>({
      start(controller) {
        controller.enqueue('\ufeffcode,kind\n1301231002');
        controller.enqueue('01,village\n');
        controller.close();
      },
    });
    const rows = [];
    for await (const event of streamUnitStatistics(stream))
      if (event.kind === 'row') rows.push(event.accepted.row);
    expect(rows).toEqual([{ code: '130123100201', kind: 'village' }]);
  });
});

describe('round trips and corruption', () => {
  const rows = fc.uniqueArray(unitStatisticsArbitrary(), { maxLength: 25, selector: (row) => row.code });

  test.prop([
    rows,
    fc.constantFrom('zh' as const, 'key' as const),
    fc.constantFrom('utf-8' as const, 'gb18030' as const),
  ])('write → read returns the same rows', (input, headers, encoding) => {
    const bytes = encodeCsv(unitStatisticsToCsv(input, { headers }), { encoding });
    const result = readUnitStatistics(bytes);
    expect(result.rows).toEqual(input as UnitStatistics[]);
    expect(result.counts).toMatchObject({ read: input.length, accepted: input.length, rejected: 0 });
  });

  test.prop([rows.filter((r) => r.length > 0), fc.array(fc.nat(), { maxLength: 6 })])(
    'every uncorrupted row is accepted and every corrupted row reported once',
    (input, picks) => {
      const lines = unitStatisticsToCsv(input, { headers: 'key' }).split('\r\n');
      const corrupted = new Set(picks.map((p) => p % input.length));
      for (const i of corrupted) lines[i + 1] = lines[i + 1]?.replace(/^\d{12}/, 'NOT-A-CODE') ?? '';
      const result = readUnitStatistics(lines.join('\r\n'));
      expect(result.rejected.map((r) => r.line).sort((a, b) => a - b)).toEqual(
        [...corrupted].map((i) => i + 2).sort((a, b) => a - b),
      );
      expect(result.rows).toEqual(input.filter((_, i) => !corrupted.has(i)));
      expect(result.counts.read).toBe(input.length);
    },
  );
});
