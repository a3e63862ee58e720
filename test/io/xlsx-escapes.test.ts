import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { xlsxCellText } from '../../src/io/write.js';
import { readUnitStatisticsXlsx, tablesToXlsx, unitStatisticsToXlsx } from '../../src/io/xlsx.js';
import { decodeXstring } from '../../src/io/xstring.js';
import { inlineRow, sharedStringsXml, sheetXml, workbook } from './xlsx-fixtures.js';

// OOXML escapes a UTF-16 code unit in a cell's text as `_xHHHH_` (ST_Xstring): Excel writes a carriage return as
// `_x000D_`, and text that only looks like an escape with its underscore escaped (`_x005F_x0041_` is `_x0041_`).
// The reader decodes them; the writers escape look-alikes, so that any text reads back as written.

/** The names of a sheet's rows, read with the statistics reader (header: code, name, kind). */
async function namesOf(bytes: Uint8Array): Promise<(string | undefined)[]> {
  const result = await readUnitStatisticsXlsx(bytes);
  return result.accepted.map((accepted) => accepted.row.name);
}

describe('decodeXstring', () => {
  it('worked by hand: a CR, an escaped underscore, hex in either case, a surrogate left as written', () => {
    expect(decodeXstring('a_x000D_b')).toBe('a\rb');
    expect(decodeXstring('_x005F_x0041_')).toBe('_x0041_');
    expect(decodeXstring('_x0041__x4e2d_')).toBe('A中');
    expect(decodeXstring('_xD800_ _x41_ _x00410_ x0041_')).toBe('_xD800_ _x41_ _x00410_ x0041_');
  });

  const lookalikes = fc
    .array(fc.constantFrom('_x0041_', '_x005F_', '_xD800_', '_x', 'x0041_', '_', 'a', '中'), { maxLength: 8 })
    .map((parts) => parts.join(''));
  test.prop([fc.oneof(fc.string({ unit: 'binary' }), lookalikes)], { numRuns: 300 })(
    'reads back whatever the writers escape',
    (text) => {
      const escaped = xlsxCellText(`a${text}`); // a leading letter: no formula apostrophe
      fc.pre(!/\d{15}/.test(text)); // no ID-shaped run, which the writers mask
      expect(decodeXstring(escaped)).toBe(`a${text}`);
    },
  );
});

describe('the .xlsx reader', () => {
  it('decodes the escapes of shared and inline strings', async () => {
    const header =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>';
    const shared = `<row r="2"><c r="A2" t="inlineStr"><is><t>130123100201</t></is></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>3</v></c></row>`;
    const bytes = workbook(
      sheetXml(header + shared + inlineRow(3, ['130123100202', '东_x000D_村_x005F_x0041_', '村委会'])),
      {
        sharedStrings: sharedStringsXml(['统计用区划代码', '名称', '类型', '村委会', '西_x4E0A_泽村']),
      },
    );
    const result = await readUnitStatisticsXlsx(bytes);
    expect(result.rejected).toEqual([]);
    expect(await namesOf(bytes)).toEqual(['西上泽村', '东\r村_x0041_']);
  });
});

describe('the .xlsx writers', () => {
  const fragment = fc.constantFrom(
    '_x0041_',
    '_x005F_',
    '_x000D_',
    '_x4e2d_',
    '_x',
    'x0041_',
    '_',
    '村',
    'A',
  );
  test.prop(
    [
      fc.array(
        fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => `名${parts.join('')}`),
        { minLength: 1, maxLength: 5 },
      ),
    ],
    { numRuns: 60 },
  )('write names that look like escapes so that they read back as written', async (names) => {
    const rows = names.map((name, i) => ({
      code: `1301231002${String(10 + i)}`,
      name,
      kind: 'village' as const,
    }));
    expect(await namesOf(await unitStatisticsToXlsx(rows))).toEqual(names);
  });

  it('escape a header that looks like one too', async () => {
    const bytes = await tablesToXlsx([
      {
        name: 'S',
        table: { header: ['统计用区划代码', '类型', '备注_x0041_'], rows: [['130123100201', '村委会', 'x']] },
      },
    ]);
    const result = await readUnitStatisticsXlsx(bytes);
    expect(result.accepted[0]?.extra).toEqual({ 备注_x0041_: 'x' });
  });
});
