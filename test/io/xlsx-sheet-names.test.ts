import { fc, test } from '@fast-check/vitest';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/core/mask.js';
import { tablesToXlsx } from '../../src/io/xlsx.js';
import { createSheetNamer, SHEET_NAME_MAX } from '../../src/io/xlsx-sheet-names.js';
import { LONE_SURROGATE } from './xlsx-fixtures.js';

/**
 * Characters a sheet name cannot hold: controls, DEL, C1 controls, U+FDD0–U+FDEF, U+FFFD–U+FFFF and the last two code
 * points of planes 1–16 (written out here one by one, not computed as the namer does).
 */
const UNWRITABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters a sheet name cannot hold
  /[\u0000-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFD-\uFFFF]|[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/u;

// Excel refuses a sheet name with `\ / ? * [ ] :` (write-excel-file throws), and "repairs" a workbook whose names are
// empty, begin or end with an apostrophe, are `History`, differ only in case or are cut inside a surrogate pair.

/** The sheet names of a workbook, as its workbook.xml holds them (XML's escapes decoded). */
function sheetNames(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes)['xl/workbook.xml'] as Uint8Array);
  return [...xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map(([, name]) =>
    (name as string)
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

/** Whether Excel takes a sheet name as it is. */
function isLegal(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= SHEET_NAME_MAX &&
    !/[\\/?*[\]:]/.test(name) &&
    !/^'|'$/.test(name) &&
    name.toLowerCase() !== 'history' &&
    !UNWRITABLE.test(name) &&
    !LONE_SURROGATE.test(name) &&
    maskIdNumbersInText(name) === name // a name is output: no ID number
  );
}

const table = { header: ['a'], rows: [['x']] };

describe('createSheetNamer', () => {
  it('worked by hand', () => {
    const name = createSheetNamer();
    expect(name('a/b')).toBe('a_b');
    expect(name('A_B')).toBe('A_B~2'); // the same name as a_b regardless of case
    expect(name('a:b')).toBe('a_b~3');
    expect(name('')).toBe('sheet');
    expect(name("'x'")).toBe('_x_');
    expect(name('History')).toBe('History_');
    expect(name('a\u0001b\ud800')).toBe('a_b_');
    expect(name('𠀀'.repeat(20))).toBe('𠀀'.repeat(15)); // 31 code units would cut the 16th in two
    expect(name('名'.repeat(40))).toBe('名'.repeat(31));
    expect(name('名'.repeat(31))).toBe(`${'名'.repeat(29)}~2`); // the suffix fits within 31
    expect(name('正定县')).toBe('正定县');
  });

  it('worked by hand: what write-excel-file drops from a name, and ID numbers, are not written', () => {
    const name = createSheetNamer();
    expect(name('a\u007F')).toBe('a_'); // DEL dropped would have made it `a`, the same as the next
    expect(name('a')).toBe('a');
    expect(name('\uFFFD')).toBe('_'); // dropped, it would have been an empty name
    expect(name('b\u{10FFFF}c')).toBe('b_c'); // dropped with the c
    expect(name('110105194912310021')).toBe('110105________0021');
    expect(name('1101051949\u00011231002X')).toBe('110105_________002X'); // the control as `_`: a separator
    // 17 digits: an ID number without its check character (the 18th is computed again), masked; then its repeat.
    expect(name('11010519491231002')).toBe('110105________002');
    expect(name('11010519491231002')).toBe('110105________002~2');
    expect(name('1101051949123100')).toBe('1101051949123100'); // 16 digits: no ID number
    expect(name('1101051949123100')).toBe('110105________00~2'); // … but with ~2 one
  });

  test.prop([
    fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 12 }),
    fc.integer({ min: 8, max: 31 }),
  ])(
    'gives legal names, unique regardless of case, each the wanted one when it was legal and new',
    (wanted, max) => {
      const name = createSheetNamer(max);
      const given = wanted.map(name);
      for (const n of given) expect(isLegal(n) && n.length <= max).toBe(true);
      expect(new Set(given.map((n) => n.toLowerCase())).size).toBe(given.length);
      const seen = new Set<string>();
      wanted.forEach((w, i) => {
        if (isLegal(w) && w.length <= max && !seen.has(w.toLowerCase())) expect(given[i]).toBe(w);
        seen.add((given[i] as string).toLowerCase());
      });
    },
  );
});

describe('tablesToXlsx', () => {
  test.prop([fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 6 })], {
    numRuns: 40,
  })('writes any names as legal, unique sheet names instead of throwing', async (names) => {
    const written = sheetNames(await tablesToXlsx(names.map((name) => ({ name, table }))));
    expect(written).toHaveLength(names.length);
    for (const n of written) expect(isLegal(n)).toBe(true);
    expect(new Set(written.map((n) => n.toLowerCase())).size).toBe(written.length);
  });

  const idForms = fc.constantFrom(
    '110105194912310021',
    '11010519491231002X',
    '１１０１０５１９４９１２３１００２１',
    '110105 19491231 0021',
    '110105_19491231_0021',
    '1101051949\u00011231002X',
    '11010519491231002',
    '11010519491231002\u0001',
    '11010519491231_x0041_',
    '110105491231002',
  );
  test.prop(
    [
      fc.array(fc.tuple(fc.string({ maxLength: 3 }), idForms, fc.string({ maxLength: 3 })), {
        minLength: 1,
        maxLength: 5,
      }),
    ],
    {
      numRuns: 40,
    },
  )('write no ID number in a sheet name, whatever the wanted names', async (parts) => {
    const bytes = await tablesToXlsx(parts.map((p) => ({ name: p.join(''), table })));
    for (const [part, content] of Object.entries(unzipSync(bytes))) {
      const text = strFromU8(content);
      expect(maskIdNumbersInText(text), part).toBe(text);
    }
  });

  it('keeps a legal name as given', async () => {
    expect(
      sheetNames(
        await tablesToXlsx([
          { name: '社区统计', table },
          { name: 'A & B <c>', table },
        ]),
      ),
    ).toEqual(['社区统计', 'A & B <c>']);
  });
});
