import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/core/mask.js';
import { createSheetNamer } from '../../src/io/xlsx-sheet-names.js';
import { findingsToXlsx } from '../../src/report/xlsx.js';
import { tableSheets } from '../../src/report/xlsx-sheets.js';
import type { Finding } from '../../src/standards/validate.js';

// A table longer than Excel's rows per sheet goes on into `name (2)` …: a name another sheet (a caller's rule named
// `R (2)`) may hold already, and one that a rule id of 16 digits turns into an ID number (its 17 digits, the 18th
// computed again). Cut here at 2 rows a sheet.

const rows = (n: number) => Array.from({ length: n }, (_, i) => [`r${i}`]);

describe('tableSheets', () => {
  it('names the later sheets of a table through the workbook namer: unique, no ID number', () => {
    const name = createSheetNamer(24);
    const first = [name('R'), name('R (2)'), name('1101051949123100')];
    expect(first).toEqual(['R', 'R (2)', '1101051949123100']);
    const sheets = [first[0], first[2]].flatMap((base) =>
      tableSheets(base as string, ['h'], rows(5), (part) => name.upTo(`${base} (${part})`, 31), 2),
    );
    const names = [...sheets.map((sheet) => sheet.sheet), 'R (2)'];
    expect(names).toEqual([
      'R',
      'R (2)~2',
      'R (3)',
      '1101051949123100',
      '110105________00 (2)',
      '110105________00 (3)',
      'R (2)',
    ]);
    expect(sheets.map((sheet) => sheet.data.length)).toEqual([3, 3, 2, 3, 3, 2]);
  });
});

describe('findingsToXlsx', () => {
  it('writes no ID number in a sheet name (a rule id of a caller)', async () => {
    const finding = (rule: string): Finding =>
      ({
        unit: 'u',
        severity: 'error',
        rule,
        path: [],
        message: { zh: 'm', en: 'm' },
        source: { document: 'd', section: 's', quote: 'q' },
      }) as unknown as Finding;
    const bytes = await findingsToXlsx(['110105194912310021', '1101051949\u00011231002X'].map(finding));
    for (const [part, content] of Object.entries(unzipSync(bytes))) {
      const text = strFromU8(content);
      expect(maskIdNumbersInText(text), part).toBe(text);
    }
  });
});
