import { fc, test } from '@fast-check/vitest';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/core/mask.js';
import { xlsxCellText } from '../../src/io/write.js';
import { readUnitStatisticsXlsx, tablesToXlsx, unitStatisticsToXlsx } from '../../src/io/xlsx.js';
import { decodeXstring, escapeXstring } from '../../src/io/xstring.js';
import { inlineRow, LONE_SURROGATE, sharedStringsXml, sheetXml, workbook } from './xlsx-fixtures.js';

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

describe('escapeXstring', () => {
  it('worked by hand: controls and a CR as their escapes, a look-alike ended by a control escaped too', () => {
    expect(escapeXstring('第一行\r\n第二行\t\u0007')).toBe('第一行_x000D_\n第二行\t_x0007_');
    expect(escapeXstring('\u0000\u001F\u0080\u0085\u009F\uFDD0\uFFFE\uFFFF')).toBe(
      '_x0000__x001F__x0080_\u0085_x009F__xFDD0__xFFFE__xFFFF_',
    );
    // `_x0041` then U+0001: written `_x0041_x0001_`, a reader would see `_x0041_` first.
    expect(escapeXstring('_x0041\u0001')).toBe('_x005F_x0041_x0001_');
    expect(decodeXstring(escapeXstring('_x0041\u0001'))).toBe('_x0041\u0001');
    expect(escapeXstring('备注 x0041')).toBe('备注 x0041');
  });

  it('worked by hand: what write-excel-file drops or lets eat a neighbour (U+FFFD, DEL, astral non-characters)', () => {
    expect(escapeXstring('a\uFFFDb\u007Fc')).toBe('a_xFFFD_b_x007F_c');
    expect(escapeXstring('a\u{1FFFE}b\u{10FFFF}c')).toBe('a_xD83F__xDFFE_b_xDBFF__xDFFF_c');
    expect(decodeXstring('a_xD83F__xDFFE_b_xdbff__xdfff_c')).toBe('a\u{1FFFE}b\u{10FFFF}c');
    // A lone surrogate is no character: written as U+FFFD, as the UTF-8 writers write it, its neighbours kept.
    expect(escapeXstring('a\uDC00b\uD800')).toBe('a_xFFFD_b_xFFFD_');
    expect(decodeXstring('_xD800_ _xDC00__xD800_')).toBe('_xD800_ _xDC00__xD800_');
  });

  it('masks an ID number that an escape would complete (17 digits, then _x…)', () => {
    const text = xlsxCellText('11010519491231002\u0001');
    expect(text).not.toContain('11010519491231002');
    expect(maskIdNumbersInText(text)).toBe(text);
  });
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

  // What XML cannot hold (controls), would change (a CR) or the writer library leaves out (C1 controls): escaped.
  const anyCell = fc
    .string({
      unit: fc.oneof(
        fc.constantFrom(
          '_x0041_',
          '_x',
          '_',
          'x0041',
          '\r',
          '\r\n',
          '\t',
          '\u0001',
          '\u0085',
          '\u009F',
          '\uFFFE',
          '\uFDD0',
          '\u007F',
          '\u{1FFFE}',
          '\u{10FFFF}',
          '_xD83F_',
          '_xDBFF',
        ),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
      maxLength: 12,
    })
    .filter((text) => !LONE_SURROGATE.test(text) && !text.includes('\uFFFD')); // U+FFFD: the reader rejects the row
  test.prop([fc.array(anyCell, { minLength: 1, maxLength: 4 })], { numRuns: 60 })(
    'write any well-formed text, controls and carriage returns included, so that it reads back as written',
    async (cells) => {
      const written = cells.map((cell) => `备${cell}`); // a leading letter: no formula apostrophe
      fc.pre(written.every((cell) => maskIdNumbersInText(xlsxCellText(cell)) === xlsxCellText(cell)));
      fc.pre(written.every((cell) => maskIdNumbersInText(cell) === cell));
      const header = ['统计用区划代码', '类型', ...written.map((_, i) => `备注${i}`)];
      const bytes = await tablesToXlsx([
        { name: 'S', table: { header, rows: [['130123100201', '村委会', ...written]] } },
      ]);
      const result = await readUnitStatisticsXlsx(bytes);
      expect(result.accepted[0]?.extra).toEqual(
        Object.fromEntries(written.map((cell, i) => [`备注${i}`, cell])),
      );
    },
  );

  it('keep the neighbours of a plane-16 non-character, and DEL', async () => {
    const written = ['备\u{10FFFF}c', '备\u007F', '备\u{1FFFE}\u{10FFFE}'];
    const header = ['统计用区划代码', '类型', ...written.map((_, i) => `备注${i}`)];
    const bytes = await tablesToXlsx([
      { name: 'S', table: { header, rows: [['130123100201', '村委会', ...written]] } },
    ]);
    const result = await readUnitStatisticsXlsx(bytes);
    expect(result.accepted[0]?.extra).toEqual({ 备注0: written[0], 备注1: written[1], 备注2: written[2] });
  });

  it('write U+FFFD, and a lone surrogate as U+FFFD, keeping its neighbours: the reader rejects the row', async () => {
    const header = ['统计用区划代码', '类型', '备注'];
    for (const [cell, shared] of [
      ['备a\uDC00b', '备a_xFFFD_b'],
      ['备a\uFFFDb', '备a_xFFFD_b'],
      ['备\uD800', '备_xFFFD_'],
    ] as const) {
      const bytes = await tablesToXlsx([
        { name: 'S', table: { header, rows: [['130123100201', '村委会', cell]] } },
      ]);
      expect(strFromU8(unzipSync(bytes)['xl/sharedStrings.xml'] as Uint8Array)).toContain(`<t>${shared}</t>`);
      const result = await readUnitStatisticsXlsx(bytes);
      expect(result.rejected[0]?.issues.map((issue) => issue.code)).toContain('invalid_encoding');
    }
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
