// XML parts in UTF-16 (with the byte order mark XML requires of it) or with a UTF-8 BOM: the Open Packaging
// Conventions allow both, and a part in UTF-16 read as UTF-8 read as no rows at all ("no header found").

import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readUnitStatisticsXlsx } from '../../src/io/xlsx.js';
import { createPartDecoder } from '../../src/io/xlsx-zip.js';
import { inlineRow, sharedStringsXml, sheetXml, workbookParts } from './xlsx-fixtures.js';

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

function encode(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  if (encoding === 'utf-8-bom') return new TextEncoder().encode(`\ufeff${text}`);
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  if (encoding === 'utf-16be') le.swap16();
  return new Uint8Array(le);
}

describe('XML parts in UTF-16 or with a BOM', () => {
  it('read as the same rows as in UTF-8, each part in any of the encodings (generated)', async () => {
    const encoding = fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be');
    const names = ['正定县', '社区 A', 'Ünïcødé', '𠀋村'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(encoding, { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 1, max: 30 }),
        async (encodings, count) => {
          const rows = [inlineRow(1, ['code', 'kind', 'name'])];
          for (let line = 2; line <= count + 1; line++)
            rows.push(
              `<row r="${line}"><c r="A${line}" t="s"><v>0</v></c><c r="B${line}" t="inlineStr"><is><t>village</t></is></c><c r="C${line}" t="s"><v>${line % names.length}</v></c></row>`,
            );
          const parts = workbookParts(
            { Sheet1: sheetXml(rows.join('')) },
            { sharedStrings: sharedStringsXml(['130123100201', ...names.slice(1)]) },
          );
          const utf8 = await readUnitStatisticsXlsx(zipSync(parts));
          const order = [
            'xl/workbook.xml',
            'xl/_rels/workbook.xml.rels',
            'xl/worksheets/sheet1.xml',
            'xl/sharedStrings.xml',
          ];
          const recoded = { ...parts };
          order.forEach((name, i) => {
            recoded[name] = encode(new TextDecoder().decode(parts[name]), encodings[i] as Encoding);
          });
          const read = await readUnitStatisticsXlsx(zipSync(recoded));
          expect(utf8.counts.accepted).toBe(count);
          expect(read.rows).toEqual(utf8.rows);
          expect(read.issues).toEqual(utf8.issues);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('createPartDecoder', () => {
  it('decodes a part cut into chunks of any size, the first ones shorter than a BOM too (generated)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }).filter((text) => !text.startsWith('\ufeff')), // a BOM is dropped
        fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 30 }),
        (text, encoding, sizes) => {
          const bytes = encode(text, encoding);
          const decode = createPartDecoder();
          let out = '';
          let at = 0;
          for (const size of sizes) {
            out += decode(bytes.subarray(at, at + size));
            at += size;
          }
          out += decode(bytes.subarray(at));
          expect(out + decode()).toBe(text);
        },
      ),
    );
  });
});
