/**
 * A column model's rows as JSON and JSON Lines keep the columns' order, whatever the headers: a rejected row of a
 * file whose columns are `…, 备注, 2020, 2021` is written `…,"备注":…,"2020":…,"2021":…,"reason":…`. (The row was an
 * object, and JavaScript enumerates a key that reads as an array index — `'2020'`, `'0'` — before every other key,
 * so `"2020"` came first, before `line`.) Rows without such headers are written byte for byte as before.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { readUnitStatistics } from '../../src/io/index.js';
import { jsonKeys } from '../../src/report/formats/json.js';
import {
  type ColumnModel,
  createJsonSerializer,
  dataCells,
  rejectedRowModel,
  renderRows,
  viewColumns,
} from '../../src/report/index.js';

/** A sheet whose data rows are rejected (households is not a number), with extra columns. */
function rejectedSheet(extra: readonly string[], rows: readonly (readonly string[])[]) {
  const header = ['统计用区划代码', '类型', '户数', ...extra].join(',');
  const lines = rows.map((cells) => ['130123100201', '村委会', '很多', ...cells].join(','));
  const read = readUnitStatistics(`${header}\n${lines.join('\n')}\n`);
  return { read, model: rejectedRowModel(read.rejected, read.header) };
}

/** The keys of a flat JSON object's text, in the order the text writes them (JSON.parse would reorder them). */
function keysInTextOrder(text: string): string[] {
  const token = /"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null|[{}:,]/gy;
  const tokens = text.match(token) ?? [];
  expect(tokens.join('')).toBe(text); // the whole text is tokens: nothing skipped
  return tokens.filter((_, i) => tokens[i + 1] === ':').map((key) => JSON.parse(key) as string);
}

/** The lines of JSON Lines, or of a JSON array written one row per line, as row texts. */
const rowTexts = (text: string): string[] =>
  text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => (line.endsWith(',') ? line.slice(0, -1) : line));

/** What the JSON writer gave before: each row an object of the data cells under their keys, serialised. */
function rowsAsBefore<Row>(model: ColumnModel<Row>, rows: readonly Row[]): string[] {
  const columns = viewColumns(model, 'data');
  const keys = jsonKeys(columns);
  const serialize = createJsonSerializer();
  return rows.map((row) => {
    const cells = dataCells(columns, row, 'zh');
    const object = Object.create(null) as Record<string, unknown>;
    keys.forEach((key, i) => {
      object[key] = cells[i];
    });
    return serialize(object);
  });
}

const indexLike = fc.oneof(fc.constantFrom('0', '1', '2020', '2021', '4294967294'), fc.nat().map(String));
const otherHeader = fc.constantFrom(
  '备注',
  '联系人',
  '4294967295', // past the last array index: an ordinary key
  '01',
  '-1',
  '1.5',
  '2020年',
  ' 2020',
  '__proto__',
  'line',
  'reason',
);
const cell = fc.stringMatching(/^[a-z甲乙丙0-9]{1,4}$/);

describe('JSON of a column model keeps the columns in order', () => {
  test.prop(
    [
      fc.array(fc.oneof(indexLike, otherHeader), { minLength: 1, maxLength: 8 }),
      fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 3 }),
      fc.constantFrom('json', 'ndjson'),
    ],
    { numRuns: 200 },
  )(
    'each row writes its keys in the order of the columns, and the values of its cells',
    (extra, rows, format) => {
      const { read, model } = rejectedSheet(
        extra,
        rows.map((cells) => cells.slice(0, extra.length)),
      );
      const columns = viewColumns(model, 'data');
      const texts = rowTexts(renderRows(format, model, read.rejected, { lang: 'zh' }));
      expect(texts).toHaveLength(read.rejected.length);
      texts.forEach((text, r) => {
        const keys = jsonKeys(columns);
        expect(keysInTextOrder(text)).toEqual(keys);
        const cells = dataCells(columns, read.rejected[r] as (typeof read.rejected)[number], 'zh');
        const object = JSON.parse(text) as Record<string, unknown>;
        expect(keys.map((key) => Object.getOwnPropertyDescriptor(object, key)?.value)).toEqual(cells);
      });
    },
  );

  test.prop(
    [
      fc.array(otherHeader, { minLength: 0, maxLength: 8 }),
      fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 3 }),
    ],
    { numRuns: 200 },
  )('rows without a header that reads as an index are written byte for byte as before', (extra, rows) => {
    const { read, model } = rejectedSheet(
      extra,
      rows.map((cells) => cells.slice(0, extra.length)),
    );
    const before = rowsAsBefore(model, read.rejected);
    expect(renderRows('ndjson', model, read.rejected, { lang: 'zh' })).toBe(
      before.map((text) => `${text}\n`).join(''),
    );
    expect(renderRows('json', model, read.rejected, { lang: 'zh' })).toBe(`[\n${before.join(',\n')}\n]\n`);
  });

  const ordinaryKey = fc.oneof(
    otherHeader,
    fc.string({ maxLength: 6 }).filter((key) => !/^(0|[1-9]\d*)$/.test(key)),
  );
  test.prop(
    [
      fc.uniqueArray(ordinaryKey, { minLength: 0, maxLength: 6 }),
      fc.array(
        fc.array(fc.oneof(fc.jsonValue(), fc.date(), fc.constant(undefined), fc.anything()), {
          minLength: 6,
          maxLength: 6,
        }),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
    ],
    { numRuns: 200 },
  )("a caller's model of any cells, without such keys, is written byte for byte as before", (keys, rows) => {
    const model: ColumnModel<readonly unknown[]> = {
      id: 'own',
      title: { zh: '自定义', en: 'own' },
      columns: keys.map((key, i) => ({ key, header: { zh: key, en: key }, value: (row) => row[i] as never })),
      views: { data: keys, people: keys },
    };
    const before = rowsAsBefore(model, rows);
    expect(renderRows('ndjson', model, rows, { lang: 'zh' })).toBe(
      before.map((text) => `${text}\n`).join(''),
    );
  });

  it('worked example: columns 备注, 2020, 2021 of a rejected row', () => {
    const { read, model } = rejectedSheet(['备注', '2020', '2021'], [['甲', '5', '6']]);
    expect(renderRows('ndjson', model, read.rejected, { lang: 'en' })).toBe(
      '{"line":2,"统计用区划代码":"130123100201","类型":"村委会","户数":"很多","备注":"甲","2020":"5","2021":"6",' +
        '"reason":"户数: Not a number (given: 很多)"}\n',
    );
  });
});
