/**
 * Rejected rows as JSON and JSON Lines lose no cell, whatever the file's headers: a header repeated, a header named
 * `line` or `reason` (the model's own keys), `__proto__` (which on a plain object sets its prototype, so the cell
 * vanished) or `constructor`. Each row's object has one key per column, its `line` is the row's line number and its
 * `reason` the reason, and its values are the cells of the CSV rejects file. (The headers used to be the keys as they
 * were: `line` was overwritten by a cell, `备注` twice kept the second, `__proto__` dropped its cell.)
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { readUnitStatistics } from '../../src/io/index.js';
import { dataCells, rejectedRowModel, renderRows, viewColumns } from '../../src/report/index.js';

/** A sheet whose one data row is rejected (households is not a number), with extra columns named `extra`. */
function rejectedSheet(extra: readonly string[], cells: readonly string[]) {
  const header = ['统计用区划代码', '类型', '户数', ...extra].join(',');
  const row = ['130123100201', '村委会', '很多', ...cells].join(',');
  const read = readUnitStatistics(`${header}\n${row}\n`);
  return { read, model: rejectedRowModel(read.rejected, read.header) };
}

/** The objects of a JSON array written one per line, and of JSON Lines. */
const objectsOf = (text: string): Record<string, unknown>[] =>
  text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line));

describe('rejected rows as JSON', () => {
  it('keeps every cell of repeated and reserved headers (worked example)', () => {
    const { read, model } = rejectedSheet(
      ['备注', '备注', 'line', 'reason', '__proto__', 'constructor'],
      ['甲', '乙', 'L', 'R', '秘密', 'x'],
    );
    expect(read.rejected).toHaveLength(1);
    const [object] = objectsOf(renderRows('json', model, read.rejected, { lang: 'en' }));
    expect(Object.getOwnPropertyNames(object).length).toBe(11);
    expect(object).toMatchObject({
      line: 2,
      备注: '甲',
      '备注 (2)': '乙',
      'line (2)': 'L',
      'reason (2)': 'R',
      constructor: 'x',
    });
    expect(Object.getOwnPropertyDescriptor(object, '__proto__')?.value).toBe('秘密');
    expect(object?.reason).toMatch(/households|户数/);
  });

  const header = fc.constantFrom(
    '备注',
    'line',
    'reason',
    '__proto__',
    'constructor',
    'toString',
    '1',
    'a',
    '户数',
    '备注 (2)',
    'line (2)',
  );
  const cell = fc.stringMatching(/^[a-z甲乙丙]{1,3}$/);
  test.prop([
    fc.array(fc.tuple(header, cell), { minLength: 1, maxLength: 8 }),
    fc.constantFrom('json', 'ndjson'),
  ])(
    'one key per column, the line and the reason its own, the cells those of the CSV file',
    (columns, format) => {
      const { read, model } = rejectedSheet(
        columns.map(([name]) => name),
        columns.map(([, value]) => value),
      );
      for (const row of read.rejected) {
        const [object] = objectsOf(renderRows(format, model, [row], { lang: 'zh' }));
        const names = Object.getOwnPropertyNames(object);
        const cells = dataCells(viewColumns(model, 'data'), row, 'zh');
        expect(names.length).toBe(cells.length);
        expect(object?.line).toBe(row.line);
        expect(object?.reason).toBe(cells[cells.length - 1]);
        const values = names.map((name) => Object.getOwnPropertyDescriptor(object, name)?.value);
        expect([...values].map(String).sort()).toEqual(cells.map(String).sort());
        // A header the file writes once is its column's key, even when it reads like another's suffixed key.
        const headers = ['统计用区划代码', '类型', '户数', ...columns.map(([name]) => name)];
        columns.forEach(([name, value]) => {
          if (name === 'line' || name === 'reason' || headers.indexOf(name) !== headers.lastIndexOf(name))
            return;
          expect(Object.getOwnPropertyDescriptor(object, name)?.value).toBe(value);
        });
      }
    },
  );
});
