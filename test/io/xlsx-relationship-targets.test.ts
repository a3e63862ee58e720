// Relationship targets as writers spell them: relative to the folder of the part that names them (xl/), with `\` for
// `/` (some Windows tools), percent-encoded (`my%20sheet.xml`), absolute from the package root (`/xl/…`), with `.`
// and `..` segments — all name the same part. A target that is no part of the package (above its root, a URL, an
// encoded separator, a broken escape, an external relationship) is never read, and the issue says so.
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readUnitStatisticsXlsx } from '../../src/io/xlsx.js';
import { inlineRow, sheetXml, workbookParts } from './xlsx-fixtures.js';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const ROWS = `${inlineRow(1, ['code', 'kind'])}${inlineRow(2, ['130123100201', 'village'])}`;
const EXPECTED = [{ code: '130123100201', kind: 'village' }];

/** A one-sheet workbook whose sheet is the zip entry `entry`, named by the relationship target `target`. */
function workbookWithTarget(
  target: string,
  entry: string,
  extra: { readonly mode?: string; readonly more?: Record<string, Uint8Array> } = {},
): Uint8Array {
  const parts = workbookParts({ S: '' });
  delete parts['xl/worksheets/sheet1.xml'];
  const escaped = target.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const mode = extra.mode === undefined ? '' : ` TargetMode="${extra.mode}"`;
  parts['xl/_rels/workbook.xml.rels'] = strToU8(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="${escaped}"${mode}/></Relationships>`,
  );
  parts[entry] = strToU8(sheetXml(ROWS));
  return zipSync({ ...parts, ...extra.more });
}

/** A path segment: letters, digits, spaces, Chinese, characters a URI escapes. */
const segment = fc
  .array(fc.constantFrom('a', 'B', '1', ' ', '表', '社区', '-', '_', '(', ')', '#', '%', '+', "'", '['), {
    minLength: 1,
    maxLength: 6,
  })
  .map((chars) => chars.join(''))
  .filter((text) => text !== '.' && text !== '..');

/** A segment as a writer may spell it in a target: each character as it is or percent-encoded (always `%`). */
function spelt(text: string, encode: readonly boolean[]): string {
  return [...text]
    .map((char, i) => (char === '%' || encode[i % encode.length] ? encodeURIComponent(char) : char))
    .join('')
    .replace(/[!'()*]/g, (char) => (encode[0] ? `%${char.charCodeAt(0).toString(16).toUpperCase()}` : char));
}

describe('relationship targets, however a writer spells them (generated)', () => {
  it('relative, absolute, with \\ or /, percent-encoded or not, with . and .. segments: the same sheet', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 1, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('relative', 'absolute', 'dotted'),
        fc.boolean(),
        async (folders, encode, form, backslash) => {
          const names = [...folders.slice(0, -1), `${folders.at(-1)}.xml`];
          const written = names.map((name) => spelt(name, encode)).join('/');
          const target =
            form === 'relative'
              ? written
              : form === 'absolute'
                ? `/xl/${written}`
                : `./${spelt(names[0] as string, encode)}/../${written}`;
          const bytes = workbookWithTarget(
            backslash ? target.replace(/\//g, '\\') : target,
            `xl/${names.join('/')}`,
          );
          const result = await readUnitStatisticsXlsx(bytes);
          expect(result.issues).toEqual([]);
          expect(result.rows).toEqual(EXPECTED);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('worked by hand: the spellings of the brief, and a zip entry named with the escapes themselves', async () => {
    const cases: [string, string][] = [
      ['worksheets\\sheet1.xml', 'xl/worksheets/sheet1.xml'],
      ['my%20sheet.xml', 'xl/my sheet.xml'],
      ['/xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
      ['\\xl\\worksheets\\sheet1.xml', 'xl/worksheets/sheet1.xml'],
      ['worksheets/../worksheets/./sheet1.xml', 'xl/worksheets/sheet1.xml'],
      ['%E7%A4%BE%E5%8C%BA.xml', 'xl/社区.xml'],
      ['%2E%2E/xl/a.xml', 'xl/a.xml'], // %2E is '.', so %2E%2E is '..' (URI normalisation)
      ['my%20sheet.xml', 'xl/my%20sheet.xml'], // the zip entry named as the URI (OPC's own mapping)
      ['WorkSheets/Sheet1.XML', 'xl/worksheets/sheet1.xml'], // part names ignore case
    ];
    for (const [target, entry] of cases) {
      const result = await readUnitStatisticsXlsx(workbookWithTarget(target, entry));
      expect([target, result.rows]).toEqual([target, EXPECTED]);
    }
  });

  it('the workbook named by the package relationships (_rels/.rels) with a backslash and an escape', async () => {
    const parts = workbookParts({ S: sheetXml(ROWS) });
    parts['xl/my book.xml'] = parts['xl/workbook.xml'] as Uint8Array;
    parts['xl/_rels/my book.xml.rels'] = parts['xl/_rels/workbook.xml.rels'] as Uint8Array;
    delete parts['xl/workbook.xml'];
    delete parts['xl/_rels/workbook.xml.rels'];
    parts['_rels/.rels'] = strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="${REL}/officeDocument" Target="xl\\my%20book.xml"/></Relationships>`,
    );
    expect((await readUnitStatisticsXlsx(zipSync(parts))).rows).toEqual(EXPECTED);
  });
});

describe('targets that are no part of the package', () => {
  const outside = [
    '../../sheet.xml', // above the package root, from xl/
    '/../sheet.xml',
    'worksheets/../../../sheet.xml',
    '%2E%2E/%2E%2E/sheet.xml',
    '..\\..\\sheet.xml',
    'http://example.com/sheet.xml',
    'file:///C:/sheet.xml',
    'C:\\sheet.xml',
    '\\\\server\\share\\sheet.xml',
    'worksheets%2Fsheet.xml', // an encoded separator: no part name holds one
    'worksheets%5Csheet.xml',
    'sheet%zz.xml', // a broken escape
    'sheet%E7.xml', // an escape that is no UTF-8
  ];

  it('are never read, even when the zip holds a part that they would name once cut at the root', async () => {
    for (const target of outside) {
      // `sheet.xml` at the root and in xl/ and xl/worksheets/: whatever a lenient resolution would reach is there.
      const sheet = strToU8(sheetXml(ROWS));
      const more = {
        'sheet.xml': sheet,
        'xl/worksheets/sheet.xml': sheet,
        'C:/sheet.xml': sheet,
        'xl/sheet%zz.xml': sheet,
      };
      const result = await readUnitStatisticsXlsx(workbookWithTarget(target, 'xl/sheet.xml', { more }));
      expect([target, result.rows]).toEqual([target, []]);
      expect(result.issues.map((issue) => [issue.code, issue.severity])).toEqual([
        ['malformed_record', 'error'],
      ]);
      expect(result.issues[0]?.message.en).toMatch(
        /^Cannot read the workbook: the sheet's location \(.+\) is not a part of the workbook's zip package$/,
      );
      expect(result.issues[0]?.message.zh).toMatch(
        /^无法读取工作簿：工作表的位置（.+）不是工作簿 zip 包中的部件$/,
      );
    }
  });

  it('nor are the shared strings, the styles or the workbook such a target names: the read stops and says which', async () => {
    // Left out in silence, the shared strings' cells read as errors (the header is then "not found") and the styles'
    // dates as serial numbers (45000 for 2023-03-15); the workbook fell back to xl/workbook.xml.
    const ss = `<Relationship Id="rSS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
    const roles = [
      { role: 'sharedStrings', en: "the shared strings' location", zh: '共享字符串的位置' },
      { role: 'styles', en: "the styles' location", zh: '样式的位置' },
      { role: 'officeDocument', en: "the workbook's location", zh: '工作簿的位置' },
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...outside),
        fc.constantFrom(...roles),
        fc.boolean(),
        async (target, { role, en, zh }, external) => {
          const parts = workbookParts(
            { S: sheetXml(ROWS) },
            { sharedStrings: '<sst/>', styles: '<styleSheet/>' },
          );
          const written = external ? 'x.xml' : target.replace(/&/g, '&amp;');
          const mode = external ? ' TargetMode="External"' : '';
          const relationship = `<Relationship Id="rX" Type="${REL}/${role}" Target="${written}"${mode}/>`;
          const list = (items: string) =>
            strToU8(
              `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`,
            );
          if (role === 'officeDocument') parts['_rels/.rels'] = list(relationship);
          else
            parts['xl/_rels/workbook.xml.rels'] = list(
              `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${role === 'styles' ? ss : ''}${relationship}`,
            );
          const result = await readUnitStatisticsXlsx(zipSync(parts));
          expect([target, role, result.rows]).toEqual([target, role, []]);
          expect(result.issues.map((issue) => [issue.code, issue.severity])).toEqual([
            ['malformed_record', 'error'],
          ]);
          expect(result.issues[0]?.message.en).toMatch(
            new RegExp(
              `^Cannot read the workbook: ${en} \\(.+\\) is not a part of the workbook's zip package$`,
            ),
          );
          expect(result.issues[0]?.message.zh).toMatch(
            new RegExp(`^无法读取工作簿：${zh}（.+）不是工作簿 zip 包中的部件$`),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('an external relationship (TargetMode="External") is never a part, whatever its target', async () => {
    const result = await readUnitStatisticsXlsx(
      workbookWithTarget('worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml', { mode: 'External' }),
    );
    expect(result.rows).toEqual([]);
    expect(result.issues[0]?.message.en).toContain('is not a part of the workbook');
  });

  it('a target inside the package that names no entry is still "missing from the zip"', async () => {
    const result = await readUnitStatisticsXlsx(workbookWithTarget('worksheets/nope.xml', 'xl/sheet.xml'));
    expect(result.issues[0]?.message.en).toBe(
      "Cannot read the workbook: the sheet's data is missing from the zip",
    );
  });
});
