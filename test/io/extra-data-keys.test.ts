/**
 * A row's extra data (the cells of unknown columns and of a field's repeated columns) loses no cell, whatever the
 * headers: a header repeated (`备注,备注`), a field's column repeated (`户数,户数,户数`: the second and the third are extra
 * data), a header named like a cell past the header's end (`#9`). Each non-blank extra cell has a key of its own —
 * `备注`, `备注 (2)` … — on the string path and on the byte path alike. (A repeated header's cells overwrote each other:
 * `备注,备注` kept the second, although each column was reported as "kept as extra data".)
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { readUnitStatistics, streamUnitStatistics } from '../../src/io/index.js';

const encoder = new TextEncoder();

async function* chunked(bytes: Uint8Array, size: number) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** The accepted rows' extra data of a stream of the bytes (the byte reader's path for UTF-8). */
async function streamedExtras(bytes: Uint8Array, size: number) {
  const extras: (Record<string, string> | undefined)[] = [];
  for await (const event of streamUnitStatistics(chunked(bytes, size)))
    if (event.kind === 'row') extras.push(event.accepted.extra);
  return extras;
}

const valuesOf = (extra: Record<string, string> | undefined) =>
  Object.keys(extra ?? {})
    .map((key) => (extra as Record<string, string>)[key])
    .sort();

describe('extra data of repeated and unknown headers', () => {
  it('keeps every cell (worked example)', async () => {
    const text = '统计用区划代码,类型,备注,备注,户数,户数,户数,#9\n130123100201,村委会,a,b,1,2,3,h,x,y\n';
    const expected = {
      备注: 'a',
      '备注 (2)': 'b',
      户数: '2',
      '户数 (2)': '3',
      '#9': 'h',
      '#9 (2)': 'x',
      '#10': 'y',
    };
    const read = readUnitStatistics(text);
    expect(read.accepted[0]?.row.households).toBe(1);
    expect({ ...read.accepted[0]?.extra }).toEqual(expected);
    expect((await streamedExtras(encoder.encode(text), 7)).map((extra) => ({ ...extra }))).toEqual([
      expected,
    ]);
  });

  const KNOWN = new Set(['户数', '名称']); // households, name: a field's first column feeds it
  const column = fc
    .constantFrom('备注', 'remark', '户数', '#9', '名称', 'x')
    .chain((name) =>
      fc.tuple(
        fc.constant(name),
        name === '户数' ? fc.stringMatching(/^[1-9]?$/) : fc.stringMatching(/^[a-z甲乙]{0,2}$/),
      ),
    );
  test.prop([fc.array(column, { minLength: 1, maxLength: 7 }), fc.integer({ min: 1, max: 64 })])(
    'one key per non-blank extra cell, the same on both paths',
    async (columns, size) => {
      const names = ['统计用区划代码', '类型', ...columns.map(([name]) => name)];
      const cells = ['130123100201', '村委会', ...columns.map(([, cell]) => cell)];
      const text = `${names.join(',')}\n${cells.join(',')}\n`;
      const read = readUnitStatistics(text);
      expect(read.accepted).toHaveLength(1);
      // Every non-blank cell of a column that feeds no field (an unknown header, a field's second column) is kept.
      const seen = new Set<string>();
      const extraCells = columns
        .filter(([name]) => {
          const feeds = KNOWN.has(name) && !seen.has(name);
          seen.add(name);
          return !feeds;
        })
        .map(([, cell]) => cell)
        .filter((cell) => cell !== '');
      const extra = read.accepted[0]?.extra;
      expect(valuesOf(extra)).toEqual([...extraCells].sort());
      const [streamed] = await streamedExtras(encoder.encode(text), size);
      expect({ ...streamed }).toEqual({ ...extra });
    },
  );

  // A header the file writes itself (`备注 (2)`, `#9 (2)`) is no name for another column's cell: a column whose header
  // occurs once keeps it in every row, whatever the other cells (`备注,备注,备注 (2)` gave the second 备注's cell the key
  // `备注 (2)` and the third column `备注 (2) (2)`, or `备注 (2)` when the second was blank).
  it('keeps a header written as a suffixed key for its own column (worked example)', async () => {
    const text =
      '统计用区划代码,类型,备注,备注,备注 (2)\n130123100201,村委会,a,b,c\n130123100202,村委会,a,,c\n';
    const expected = [
      { 备注: 'a', '备注 (3)': 'b', '备注 (2)': 'c' },
      { 备注: 'a', '备注 (2)': 'c' },
    ];
    const read = readUnitStatistics(text);
    expect(read.accepted.map((accepted) => ({ ...accepted.extra }))).toEqual(expected);
    expect((await streamedExtras(encoder.encode(text), 5)).map((extra) => ({ ...extra }))).toEqual(expected);
  });

  const literal = fc
    .constantFrom('备注', '备注 (2)', '备注 (3)', '#9', '#9 (2)', '户数', '户数 (2)')
    .chain((name) =>
      fc.tuple(
        fc.constant(name),
        name === '户数' ? fc.stringMatching(/^[1-9]?$/) : fc.stringMatching(/^[a-z甲乙]{0,2}$/),
      ),
    );
  test.prop([fc.array(literal, { minLength: 1, maxLength: 7 }), fc.integer({ min: 1, max: 64 })], {
    numRuns: 300,
  })(
    'a column whose header occurs once keeps its header as its key, on both paths',
    async (columns, size) => {
      const names = ['统计用区划代码', '类型', ...columns.map(([name]) => name)];
      const cells = ['130123100201', '村委会', ...columns.map(([, cell]) => cell)];
      const text = `${names.join(',')}\n${cells.join(',')},z\n`; // one cell past the header: #N
      const read = readUnitStatistics(text);
      const extra = read.accepted[0]?.extra ?? {};
      columns.forEach(([name, cell]) => {
        if (name === '户数' || cell === '' || names.indexOf(name) !== names.lastIndexOf(name)) return;
        expect(extra[name]).toBe(cell);
      });
      expect(valuesOf(extra)).toContain('z');
      const streamed = await streamedExtras(encoder.encode(text), size);
      expect(streamed.map((one) => ({ ...one }))).toEqual([{ ...extra }]);
    },
  );
});
