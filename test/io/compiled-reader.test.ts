import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  STATISTICS_FIELD_KEYS,
  type StatisticsFieldKey,
  statisticsField,
  unitStatisticsSchema,
} from '../../src/index.js';
import type { CsvRecord } from '../../src/io/csv-parser.js';
import { FIELD_TYPES, fieldOfHeader } from '../../src/io/headers.js';
import {
  parseBooleanCell,
  parseCodeCell,
  parseNumberCell,
  parseUnitKindCell,
  parseYearCell,
  readUnitStatistics,
} from '../../src/io/index.js';
import { rowIssues } from '../../src/io/row-issues.js';
import { createRowReader, type ReaderEvent } from '../../src/io/row-reader.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';

// The compiled converter (src/io/compiled-row.ts) is the only accept path of the readers. It is held here equal to
// the specification: each cell read by the cell readers of cells.ts (readCell) and the row validated by the zod schema
// — on valid rows written in every spelling the readers accept, on rows with hostile cells, and on arbitrary text,
// under headers in any order with unknown and duplicate columns.

/** The specification of one record: what readCell + zod accept (row and extra), or `rejected`. */
function specified(
  fields: readonly (StatisticsFieldKey | null)[],
  names: readonly string[],
  cells: readonly string[],
) {
  const row: Record<string, unknown> = {};
  let extra: Record<string, string> | undefined;
  let bad = cells.some((cell) => cell.includes('\uFFFD'));
  // Each column that feeds no field has one key, whatever the row's cells: its header, or `header (2)` … when an
  // earlier such column has it (a repeated header; session 14: it was chosen cell by cell, so a blank first `备注`
  // gave the second column `备注`); a suffixed key is never one of the file's headers.
  const keys = new Map<number, string>();
  const taken = new Set<string>();
  for (let i = 0; i < Math.max(names.length, cells.length); i++) {
    if ((fields[i] ?? null) !== null) continue;
    const name = names[i] ?? `#${i + 1}`;
    let key = name;
    for (let n = 2; taken.has(key) || (key !== name && names.includes(key)); n++) key = `${name} (${n})`;
    taken.add(key);
    keys.set(i, key);
  }
  cells.forEach((cell, i) => {
    const field = fields[i] ?? null;
    if (field === null) {
      if (cell.trim() === '') return;
      extra ??= Object.create(null) as Record<string, string>;
      extra[keys.get(i) as string] = cell;
      return;
    }
    const value = {
      number: parseNumberCell,
      flag: parseBooleanCell,
      kind: parseUnitKindCell,
      code: parseCodeCell,
      year: parseYearCell,
      text: (text: string) => (text.trim() === '' ? undefined : text.trim()),
    }[FIELD_TYPES[field]](cell);
    if (value === null) bad = true;
    else if (value !== undefined) row[field] = value;
  });
  if (bad) return 'rejected' as const;
  const parsed = unitStatisticsSchema.safeParse(row);
  if (!parsed.success) return 'rejected' as const;
  return extra === undefined ? { row: parsed.data } : { row: parsed.data, extra };
}

/** The fields a header's columns feed, as the reader matches them (a repeated field is extra data). */
function fieldsOf(names: readonly string[]): (StatisticsFieldKey | null)[] {
  const seen = new Set<string>();
  return names.map((name) => {
    const field = fieldOfHeader(name) ?? null;
    if (field === null || seen.has(field)) return null;
    seen.add(field);
    return field;
  });
}

/** Feeds a header and records to a reader and checks each row against the specification. */
function expectAsSpecified(names: readonly string[], rows: readonly (readonly string[])[]) {
  const reader = createRowReader();
  const header = reader.record({ line: 1, fields: [...names] } as CsvRecord);
  expect(header?.kind).toBe('header');
  const fields = fieldsOf(names);
  rows.forEach((cells, i) => {
    const event = reader.record({ line: i + 2, fields: [...cells] } as CsvRecord) as ReaderEvent | undefined;
    if (event === undefined) {
      expect(cells.every((cell) => cell.trim() === '')).toBe(true);
      return;
    }
    const expected = specified(fields, names, cells);
    if (expected === 'rejected') {
      expect(event.kind).toBe('rejected');
      if (event.kind !== 'rejected') return;
      expect(event.rejected.line).toBe(i + 2);
      expect(event.rejected.issues.length).toBeGreaterThan(0);
      // Every reason comes from readCell or zod: never the "fast checks and zod disagree" issue.
      for (const issue of event.rejected.issues) expect(issue.message.en).not.toMatch(/a bug/);
    } else {
      expect(event.kind).toBe('row');
      if (event.kind !== 'row') return;
      expect(event.accepted.row).toStrictEqual(expected.row);
      expect(Object.keys(event.accepted.row)).toEqual(Object.keys(expected.row));
      for (const key of Object.keys(expected.row) as (keyof typeof expected.row)[])
        expect(Object.is(event.accepted.row[key], expected.row[key])).toBe(true);
      expect(event.accepted.extra).toStrictEqual(expected.extra);
    }
  });
  const counts = reader.counts();
  expect(counts.accepted + counts.rejected).toBe(counts.read);
}

const FULL_WIDTH = (text: string) =>
  text.replace(/[0-9.,]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const PADDED = (text: string) => fc.constantFrom(text, ` ${text}`, `${text} `, `\u3000${text}\t`);

/** Every spelling the readers accept of a canonical value. */
function spellings(key: StatisticsFieldKey, value: unknown): fc.Arbitrary<string> {
  if (value === undefined) return fc.constantFrom('', ' ', '\u3000');
  const kind = statisticsField(key).kind;
  let words: string[];
  if (kind === 'flag')
    words = value
      ? ['是', '有', 'Y', 'y', 'yes', 'TRUE', '1', '√', '✓', '１']
      : ['否', '无', '没有', 'N', 'no', '0', '×'];
  else if (kind === 'unitKind')
    words =
      value === 'community'
        ? ['居委会', '社区', '居民委员会', '社区居委会', 'community', 'Community']
        : ['村委会', '村', '村民委员会', 'village', 'VILLAGE'];
  else if (kind === 'count' || kind === 'area') {
    const number = value as number;
    const plain = String(number);
    words = [plain, FULL_WIDTH(plain), number.toFixed(2), `${plain}.0`];
    if (number >= 1000 && Number.isInteger(number))
      words.push(number.toLocaleString('en-US'), number.toLocaleString('en-US').replace(/,/g, '，'));
  } else if (kind === 'year')
    words = [String(value), FULL_WIDTH(String(value)), `${value}年`, `${value}年度`];
  else words = [String(value), FULL_WIDTH(String(value))];
  return fc.constantFrom(...words).chain(PADDED);
}

const HOSTILE = fc.constantFrom(
  '',
  ' ',
  '-1',
  '-0',
  '1.234',
  '1.2.3',
  '1e3',
  '.5',
  '5.',
  'NaN',
  'Infinity',
  '０',
  '１２.５',
  '很多',
  '\u0000',
  '\uFFFD',
  '是\uFFFD',
  '130123100201',
  '110101001001',
  '130123100000',
  '9007199254740993',
  '99999999999999999999',
  '123456789012345.5',
  '1,2345',
  '00012',
  '0.00',
  '12.30',
  '111',
  '2025',
  '2025年',
  '1948',
  '2e03',
  '20２5',
  '是',
  '否',
  '村',
);

/** Header names of a field: its key, its Chinese label or an alias. */
const nameOf = (key: StatisticsFieldKey) =>
  fc.constantFrom(key, statisticsField(key).label.zh, ...(statisticsField(key).aliases ?? []));

/** A header: `code` and `kind` (most of the time) and any other fields, unknown and duplicate columns, in any order. */
const headerArbitrary = fc
  .tuple(
    fc.subarray(
      STATISTICS_FIELD_KEYS.filter((key) => key !== 'code'),
      { minLength: 1 },
    ),
    fc.array(fc.constantFrom('备注', 'remark', '户数', '统计用区划代码', 'households', '是否通5G'), {
      maxLength: 3,
    }),
  )
  .chain(([keys, extras]) =>
    fc.tuple(fc.tuple(...['code' as const, ...keys].map(nameOf)), fc.constant(extras)),
  )
  .map(([names, extras]) => [...names, ...extras])
  .chain((names) => fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length }));

/** A valid row written under a header, in any spelling; unknown columns get text or nothing. */
const writtenRow = (names: readonly string[]) =>
  unitStatisticsArbitrary().chain((row) => {
    const fields = fieldsOf(names);
    return fc.tuple(
      ...fields.map((field) =>
        field === null
          ? fc.constantFrom('', ' ', 'x', '备注内容')
          : spellings(field, (row as Record<string, unknown>)[field]),
      ),
    );
  });

/** The part of each "part ≤ whole" pair set just above, at or below its whole (when both columns are there). */
function nearWholes(names: readonly string[], cells: string[], delta: number): void {
  const fields = fieldsOf(names);
  fields.forEach((field, part) => {
    const wholeField = field === null ? undefined : statisticsField(field).notAbove?.field;
    const whole = fields.indexOf(wholeField as StatisticsFieldKey);
    const value = whole === -1 ? Number.NaN : Number(cells[whole]);
    if (cells[whole]?.trim() !== '' && Number.isFinite(value))
      cells[part] = String(Math.max(0, value + delta));
  });
}

/** A row with some cells replaced by hostile strings, parts set near their wholes, cut short or made longer. */
const mutatedRow = (names: readonly string[]) =>
  fc
    .tuple(
      writtenRow(names),
      fc.array(fc.tuple(fc.nat({ max: names.length - 1 }), HOSTILE), { maxLength: 4 }),
      fc.constantFrom('same', 'short', 'long'),
      fc.option(fc.constantFrom(-0.01, 0, 0.01, 0.5, 1)),
    )
    .map(([cells, changes, length, delta]) => {
      const out = [...cells];
      if (delta !== null) nearWholes(names, out, delta);
      for (const [i, value] of changes) out[i] = value;
      if (length === 'short') return out.slice(0, Math.max(1, out.length - 2));
      return length === 'long' ? [...out, '1', ''] : out;
    });

const arbitraryRow = (names: readonly string[]) =>
  fc.array(fc.oneof(fc.string({ maxLength: 14 }), fc.string({ unit: 'binary', maxLength: 6 }), HOSTILE), {
    minLength: names.length,
    maxLength: names.length + 1,
  });

describe('the compiled reader', () => {
  test.prop([headerArbitrary.chain((names) => fc.tuple(fc.constant(names), fc.array(writtenRow(names))))], {
    numRuns: 300,
  })('accepts valid rows in every spelling exactly as readCell + zod do', ([names, rows]) => {
    expectAsSpecified(names, rows);
  });

  test.prop([headerArbitrary.chain((names) => fc.tuple(fc.constant(names), fc.array(mutatedRow(names))))], {
    numRuns: 300,
  })('accepts and rejects rows with hostile cells exactly as readCell + zod do', ([names, rows]) => {
    expectAsSpecified(names, rows);
  });

  test.prop([headerArbitrary.chain((names) => fc.tuple(fc.constant(names), fc.array(arbitraryRow(names))))], {
    numRuns: 300,
  })('accepts and rejects arbitrary text exactly as readCell + zod do', ([names, rows]) => {
    expectAsSpecified(names, rows);
  });

  it('reads the plain and slow spellings of a row to the same values (worked by hand)', () => {
    const header = '统计用区划代码,类型,户数,综合服务设施建筑面积,居民活动区域面积,是否通5G,备注';
    const result = readUnitStatistics(
      `${header}\n130123100201,村委会,1200,300.5,120.25,是,\n" １３０１２３１００２０２ ",村,"1,200",３００.５０,120.25 ,Y,新\n`,
    );
    expect(result.rejected).toEqual([]);
    const [plain, slow] = result.rows;
    expect(plain).toStrictEqual({
      code: '130123100201',
      kind: 'village',
      households: 1200,
      has5g: true,
      facilityArea: 300.5,
      activityArea: 120.25,
    });
    expect(Object.keys(plain ?? {})).toEqual([
      'code',
      'kind',
      'households',
      'facilityArea',
      'activityArea',
      'has5g',
    ]);
    expect(slow).toStrictEqual({ ...plain, code: '130123100202' });
    expect(result.accepted[1]?.extra).toEqual({ 备注: '新' });
  });

  it('rejects what the fast checks see as wrong with the reasons zod gives', () => {
    const result = readUnitStatistics(
      '统计用区划代码,类型,户数,综合服务设施建筑面积,居民活动区域面积\n130123100201,村委会,-1,10,20\n130123100000,村,1.5,1.234,\n',
    );
    expect(result.rows).toEqual([]);
    const reasons = result.rejected.map((row) =>
      row.issues.map((issue) => [issue.code, issue.column, issue.value]),
    );
    expect(reasons).toEqual([
      [
        ['invalid_value', '户数', '-1'],
        ['invalid_value', '居民活动区域面积', '20'],
      ],
      [
        ['invalid_value', '统计用区划代码', '130123100000'],
        ['invalid_type', '户数', '1.5'],
        ['invalid_value', '综合服务设施建筑面积', '1.234'],
      ],
    ]);
  });

  it('never rejects a row without a reason: the reporter says so if zod finds nothing wrong', () => {
    const names = ['统计用区划代码', '类型'];
    const header = {
      line: 1,
      columns: names.map((name) => ({ header: name, field: fieldOfHeader(name) ?? null })),
    };
    const issues = rowIssues(
      { line: 2, fields: ['130123100201', '村委会'] } as CsvRecord,
      header,
      fieldsOf(names),
    );
    expect(issues.map((issue) => [issue.code, issue.line, issue.message.en.includes('a bug')])).toEqual([
      ['invalid_value', 2, true],
    ]);
  });
});
