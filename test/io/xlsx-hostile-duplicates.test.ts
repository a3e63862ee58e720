// A zip holding two entries with one part name (as written, in another case, or with backslashes): the Open
// Packaging Conventions forbid it, and a reader that takes one of them in silence reads other rows than Excel or
// another tool would. It is refused, naming neither entry's content.

import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readUnitStatisticsXlsx } from '../../src/io/xlsx.js';
import { inlineRow, rawZip, sheetXml, workbookParts } from './xlsx-fixtures.js';

describe('two zip entries with one part name (generated)', () => {
  it('are refused, whichever part is doubled and however its name is spelt', async () => {
    const good = sheetXml(inlineRow(1, ['code', 'kind']) + inlineRow(2, ['130123100201', 'village']));
    const other = sheetXml(inlineRow(1, ['code', 'kind']) + inlineRow(2, ['130123100299', 'village']));
    const parts = workbookParts({ S: good });
    const names = Object.keys(parts);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.constantFrom('same', 'upper', 'backslash', 'slash'),
        fc.boolean(),
        async (name, spelling, first) => {
          const twin =
            spelling === 'upper'
              ? name.toUpperCase()
              : spelling === 'backslash'
                ? name.replace(/\//g, '\\')
                : spelling === 'slash'
                  ? `/${name}`
                  : name;
          const entries = names.map((n) => ({
            name: n,
            data: parts[n] as Uint8Array,
            method: 0 as const,
            declaredSize: (parts[n] as Uint8Array).length,
          }));
          const data = name.endsWith('sheet1.xml') ? strToU8(other) : (parts[name] as Uint8Array);
          const extra = { name: twin, data, method: 0 as const, declaredSize: data.length };
          const result = await readUnitStatisticsXlsx(
            rawZip(first ? [extra, ...entries] : [...entries, extra]),
          );
          expect(result.rows).toEqual([]);
          expect(result.issues.map((issue) => issue.message.en)).toEqual([
            `Cannot read the workbook: the zip holds two entries named ${first && spelling === 'upper' ? twin : name} (a part name must be unique)`,
          ]);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('worked by hand: distinct names that are no twins are read as before', async () => {
    const parts = workbookParts({
      S: sheetXml(inlineRow(1, ['code', 'kind']) + inlineRow(2, ['130123100201', 'village'])),
    });
    const result = await readUnitStatisticsXlsx(
      zipSync({ ...parts, 'xl/worksheets/sheet1.xml.bak': strToU8('x'), 'xl/': new Uint8Array(0) }),
    );
    expect(result.rows).toEqual([{ code: '130123100201', kind: 'village' }]);
  });
});
