// A rejected row keeps its cells to be fixed and sent back. From a sheet, a row with a cell far to the right (XFD) is
// 16 384 cells from 40 bytes of XML: kept as 16 383 empty strings, 4 096 such rows held ≈ 512 MB. A rejected row of a
// sheet leaves a long run of empty cells out (holes of a sparse array), keeping every non-empty cell in its column;
// the rejects file and the report model still put each value under its column.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { rejectedRowsToCsv } from '../../src/io/index.js';
import { readUnitStatisticsXlsx } from '../../src/io/xlsx.js';
import { columnLetters } from '../../src/io/xlsx-read.js';
import { rejectedRowModel } from '../../src/report/index.js';
import { inlineRow, sheetXml, workbookParts } from './xlsx-fixtures.js';

/** From this many empty cells in a row on, a rejected row leaves them out (src/io/xlsx-read.ts). */
const SPARSE_RUN = 1024;
const HEADER = inlineRow(1, ['code', 'kind']);

/** Row 2 with the given cells (column → text), rejected: its kind is no kind, or it comes after row 3. */
function sheetWith(cells: ReadonlyMap<number, string>, outOfOrder: boolean): Uint8Array {
  const xml = [...cells]
    .map(([column, text]) => `<c r="${columnLetters(column)}2" t="inlineStr"><is><t>${text}</t></is></c>`)
    .join('');
  const before = outOfOrder ? inlineRow(3, ['130123100203', 'village']) : '';
  return zipSync({
    ...workbookParts({ S: '' }),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml(`${HEADER}${before}<row r="2">${xml}</row>`)),
  });
}

/** The indexes a dense row of `width` cells keeps: all but those in runs of SPARSE_RUN or more empty cells. */
function keptIndexes(filled: ReadonlySet<number>, width: number): number[] {
  const kept: number[] = [];
  let run: number[] = [];
  for (let i = 0; i < width; i++) {
    if (!filled.has(i)) {
      run.push(i);
      continue;
    }
    if (run.length < SPARSE_RUN) kept.push(...run);
    run = [];
    kept.push(i);
  }
  return kept;
}

describe('a rejected sheet row with cells far apart (generated)', () => {
  it('keeps each non-empty cell in its column and no long run of empty ones; the rejects file puts each in its column', async () => {
    const cell = fc.tuple(fc.integer({ min: 1, max: 16_384 }), fc.constantFrom('x', '甲', '村委会', '12'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(cell, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1_025, max: 16_384 }),
        fc.boolean(),
        async (scattered, far, outOfOrder) => {
          // A code in A, a kind that is none in B, a cell far to the right, and cells anywhere between.
          const cells = new Map<number, string>([
            [1, '130123100202'],
            [2, 'no kind'],
            [far, 'far'],
          ]);
          for (const [column, text] of scattered) if (column > 2) cells.set(column, text);
          const result = await readUnitStatisticsXlsx(sheetWith(cells, outOfOrder));
          const [row] = result.rejected;
          expect(row?.line).toBe(2);
          const width = Math.max(...cells.keys());
          expect(row?.cells.length).toBe(width);
          for (const [column, text] of cells) expect(row?.cells[column - 1]).toBe(text);
          const filled = new Set([...cells.keys()].map((column) => column - 1));
          expect(Object.keys(row?.cells ?? []).map(Number)).toEqual(keptIndexes(filled, width));
          // The rejects file: line, the cells under their columns (empty ones empty), the reason.
          const [head, line] = rejectedRowsToCsv(result.rejected, result.header).split('\r\n');
          expect(head?.split(',')).toHaveLength(width + 2);
          const fields = line?.split(',') ?? [];
          expect(fields).toHaveLength(width + 2);
          expect(fields[0]).toBe('2');
          for (let column = 1; column <= width; column++)
            expect(fields[column]).toBe(cells.get(column) ?? '');
          // The report's model of rejected rows (the command line's --rejects file) reads the same cells.
          const model = rejectedRowModel(result.rejected, result.header);
          const values = model.columns.map((column) => column.value(row as never, 'en'));
          expect(values.slice(1, -1)).toEqual(fields.slice(1, -1));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('worked by hand: a gap of 1 023 empty cells is kept as empty strings, one of 1 024 is left out', async () => {
    for (const [gap, kept] of [
      [SPARSE_RUN - 1, SPARSE_RUN + 2],
      [SPARSE_RUN, 3],
    ] as const) {
      const far = 3 + gap;
      const cells = new Map([
        [1, '130123100202'],
        [2, 'no kind'],
        [far, 'far'],
      ]);
      const [row] = (await readUnitStatisticsXlsx(sheetWith(cells, false))).rejected;
      expect(row?.cells.length).toBe(far);
      expect(Object.keys(row?.cells ?? [])).toHaveLength(kept);
      expect(row?.cells[far - 2]).toBe(gap < SPARSE_RUN ? '' : undefined);
    }
  });
});

describe('rejected rows with a cell at XFD', () => {
  it('hold kilobytes, not 128 kB each: 1 024 of them keep the heap within 24 MB (was ≈ 130 MB)', {
    timeout: 120_000,
  }, async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const rows = [HEADER];
    for (let line = 2; line <= 1_025; line++)
      rows.push(
        `<row><c r="A${line}"><v>1301231002${10 + (line % 80)}</v></c><c r="B${line}" t="inlineStr"><is><t>no kind</t></is></c><c r="XFD${line}"><v>${line}</v></c></row>`,
      );
    const bytes = zipSync({
      ...workbookParts({ S: '' }),
      'xl/worksheets/sheet1.xml': strToU8(sheetXml(rows.join(''))),
    });
    gc();
    const before = process.memoryUsage().heapUsed;
    const result = await readUnitStatisticsXlsx(bytes);
    gc();
    const held = process.memoryUsage().heapUsed - before;
    expect(result.counts).toMatchObject({ read: 1_024, rejected: 1_024 });
    expect(result.rejected.every((row) => row.cells.length === 16_384 && row.cells[16_383] !== '')).toBe(
      true,
    );
    expect(held).toBeLessThan(24 * 1024 * 1024);
  });
});
