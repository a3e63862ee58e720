/**
 * The key of an extra cell (a cell of an unknown column, of a field's repeated column, past the header's end) is its
 * column's: chosen once from the header, the same in every row, on every reader (CSV text, the byte reader, .xlsx),
 * one column one key, and the key that column has in the rejected rows as JSON. (It was chosen cell by cell: with
 * headers `备注,备注`, the row `a,b` gave the second 备注 column `备注 (2)` but the row `,b` gave it `备注`, the first
 * column's key, and the rejected rows' JSON had `备注 (2)`.)
 *
 * Where the two namespaces differ, extra data keeps its own keys: the rejected rows' JSON holds every column and its
 * own `line` and `reason` in one object, so a column headed `line`, `reason` or like a field's column (`户数` twice)
 * is suffixed there (`户数 (2)`); extra data holds only the columns that feed no field (the fields are in `row`, by
 * field name), so the second `户数` column keeps `户数` (test/io/extra-data-keys.test.ts).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type AcceptedRow, readUnitStatistics } from '../../src/io/index.js';
import { readUnitStatisticsXlsx, tablesToXlsx } from '../../src/io/xlsx.js';
import { jsonKeys } from '../../src/report/formats/json.js';
import { rejectedRowModel, viewColumns } from '../../src/report/index.js';
import { pathEvents } from '../helpers/byte-paths.js';

const encoder = new TextEncoder();

/** Headers after the code and the kind: repeated, blank, integer-like, suffixed, reserved, a field's twice. */
const extraHeader = fc.constantFrom(
  '备注',
  '备注',
  '备注 (2)',
  '',
  ' ',
  '2020',
  '0',
  '1',
  '#9',
  '#9 (2)',
  'line',
  'reason',
  '__proto__',
  '户数',
  '名称',
  'x',
);

/** A cell that says which column and row it is, so that its key can be traced back to its column. */
const extraCell = (column: number, row: number) => `c${column}r${row}`;
const columnOfCell = (cell: string) => Number(/^c(\d+)r/.exec(cell)?.[1]);

interface Sheet {
  readonly header: readonly string[];
  /** Accepted rows' cells (`''` for an empty cell), then one rejected row as wide as the widest. */
  readonly rows: readonly (readonly string[])[];
}

/** The sheet of the headers and, for each row, which cells are filled and how many cells go past the header. */
function sheetOf(
  extra: readonly string[],
  filled: readonly (readonly boolean[])[],
  past: readonly number[],
): Sheet {
  const header = ['统计用区划代码', '类型', ...extra];
  const fields =
    readUnitStatistics(`${header.join(',')}\n`).header?.columns.map((column) => column.field) ?? [];
  const rows = filled.map((cells, r) => {
    const row = header.map((_, c) => {
      if (c === 0) return `13012310020${r + 1}`;
      if (c === 1) return '村委会';
      if (!cells[c - 2]) return '';
      if (fields[c] === 'households') return '7';
      return fields[c] === null ? extraCell(c, r) : `n${r}`;
    });
    for (let c = header.length; c < header.length + (past[r] ?? 0); c++) row.push(extraCell(c, r));
    return row;
  });
  const width = Math.max(...rows.map((row) => row.length));
  const rejected = Array.from({ length: width }, (_, c) => (c === 1 ? '很多' : extraCell(c, filled.length)));
  return { header, rows: [...rows, rejected] };
}

/** Each extra cell's key by its column, checked to be the same in every row (and the cell not lost). */
function keysByColumn(accepted: readonly AcceptedRow[], sheet: Sheet): Map<number, string> {
  const keys = new Map<number, string>();
  accepted.forEach((row, r) => {
    const extra = row.extra ?? {};
    for (const key of Object.keys(extra)) {
      const cell = extra[key] as string;
      const column = columnOfCell(cell);
      expect(sheet.rows[r]?.[column]).toBe(cell);
      if (!keys.has(column)) keys.set(column, key);
      expect(key, `column ${column}, row ${r}`).toBe(keys.get(column));
    }
    const cells = (sheet.rows[r] ?? []).filter((cell) => cell.startsWith('c'));
    expect(Object.keys(extra)).toHaveLength(cells.length);
  });
  return keys;
}

/** The accepted rows of the CSV text read whole, streamed through the byte reader, and of the .xlsx workbook. */
async function acceptedOnEveryReader(sheet: Sheet, chunkSize: number) {
  const text = `${[sheet.header, ...sheet.rows].map((row) => row.join(',')).join('\n')}\n`;
  const read = readUnitStatistics(text);
  const bytes = encoder.encode(text);
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunkSize) }, (_, i) =>
    bytes.subarray(i * chunkSize, (i + 1) * chunkSize),
  );
  const streamed = (await pathEvents(chunks, {}, true)).flatMap((event) =>
    event.kind === 'row' ? [event.accepted] : [],
  );
  const workbook = await tablesToXlsx([
    {
      name: 'Sheet1',
      table: {
        header: [...sheet.header],
        rows: sheet.rows.map((row) => row.map((cell) => (cell === '' ? undefined : cell))),
      },
    },
  ]);
  const xlsx = await readUnitStatisticsXlsx(workbook);
  // A sheet's row ends at its last cell that is not empty: a blank last header is no column there, and its cells are
  // past the header (`#n`).
  const sameHeader = sheet.header.at(-1) !== '';
  expect(xlsx.header?.columns.length === sheet.header.length).toBe(sameHeader);
  const readers = { text: read.accepted, bytes: streamed, ...(sameHeader ? { xlsx: xlsx.accepted } : {}) };
  return { read, readers };
}

describe('extra data: one key per column', () => {
  test.prop(
    [
      fc.array(extraHeader, { minLength: 1, maxLength: 9 }),
      fc.array(fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.nat({ max: 2 }), { minLength: 6, maxLength: 6 }),
      fc.integer({ min: 1, max: 48 }),
    ],
    { numRuns: 300 },
  )(
    "each extra cell's key is its column's, on every reader, distinct, and its rejected-row JSON key",
    async (extra, filled, past, chunkSize) => {
      const sheet = sheetOf(extra, filled, past);
      const { read, readers } = await acceptedOnEveryReader(sheet, chunkSize);
      expect(read.accepted).toHaveLength(filled.length);
      expect(read.rejected).toHaveLength(1);
      const keys = keysByColumn(read.accepted, sheet);
      expect(new Set(keys.values()).size).toBe(keys.size); // one column, one key
      for (const accepted of Object.values(readers)) expect(keysByColumn(accepted, sheet)).toEqual(keys);
      const json = jsonKeys(viewColumns(rejectedRowModel(read.rejected, read.header), 'data'));
      const fieldHeaders = new Set(
        read.header?.columns.flatMap((column) => (column.field === null ? [] : [column.header])),
      );
      for (const [column, key] of keys) {
        const header = sheet.header[column] ?? '';
        if (header === 'line' || header === 'reason' || fieldHeaders.has(header)) continue;
        expect(key, `column ${column}`).toBe(json[column + 1]);
      }
    },
  );

  it('worked example: a repeated header whose first cell is empty', async () => {
    const sheet = sheetOf(
      ['备注', '备注', '2020'],
      [
        [true, true, true],
        [false, true, false],
      ],
      [0, 1],
    );
    const { read, readers } = await acceptedOnEveryReader(sheet, 7);
    const expected = [
      { 备注: 'c2r0', '备注 (2)': 'c3r0', '2020': 'c4r0' },
      { '备注 (2)': 'c3r1', '#6': 'c5r1' },
    ];
    for (const accepted of Object.values(readers))
      expect(accepted.map((row) => ({ ...row.extra }))).toEqual(expected);
    const json = jsonKeys(viewColumns(rejectedRowModel(read.rejected, read.header), 'data'));
    expect(json).toEqual(['line', '统计用区划代码', '类型', '备注', '备注 (2)', '2020', '#6', 'reason']);
  });
});
