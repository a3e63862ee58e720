import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { startsLikeFormula, xlsxCellText } from '../../src/io/write.js';
import { readUnitStatisticsXlsx, unitStatisticsToXlsx } from '../../src/io/xlsx.js';
import { decodeXstring } from '../../src/io/xstring.js';

// write-excel-file finds a text cell's shared string by the text, in a plain object: a text that is a key of
// Object.prototype (`constructor`, `toString`, `__proto__` …) found the prototype's value, and the cell was written
// without its text (its shared string never added). The writers write such a text with its first character escaped
// (`_x0063_onstructor`), which Excel and the reader read as written.

const INHERITED = Object.getOwnPropertyNames(Object.prototype);
const text = fc.oneof(
  fc.constantFrom(...INHERITED),
  fc.constantFrom(...INHERITED).map((key) => `${key}x`),
  fc.string({ minLength: 1, maxLength: 12 }),
);

describe('cell texts that are keys of Object.prototype', () => {
  test.prop([text], { numRuns: 300 })('are written as texts the writers’ library cannot look up', (value) => {
    fc.pre(!/\d{15}/.test(value) && !startsLikeFormula(value)); // no ID number, nothing the formula guard prefixes
    const written = xlsxCellText(value);
    expect(written in Object.prototype).toBe(false);
    expect(decodeXstring(written)).toBe(value);
  });

  test.prop([fc.array(text, { minLength: 1, maxLength: 4 })], { numRuns: 40 })(
    'read back as written from a workbook',
    async (names) => {
      fc.pre(
        names.every((name) => !/\d{15}/.test(name) && !startsLikeFormula(name) && !/^\s|\s$/.test(name)),
      );
      const rows = names.map((name, i) => ({ code: `1301231002${10 + i}`, name, kind: 'village' as const }));
      const result = await readUnitStatisticsXlsx(await unitStatisticsToXlsx(rows));
      expect(result.accepted.map((accepted) => accepted.row.name)).toEqual(names);
    },
  );
});
