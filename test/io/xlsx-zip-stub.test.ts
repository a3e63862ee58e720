// A zip with bytes before its first entry (a self-extracting stub, a download wrapper): the end-of-central-directory
// record still says where the central directory is and how long it is, so the stub's length is the difference, as
// unzip reads it. A zip whose directory is neither where it says nor where its size puts it stays unreadable.
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readUnitStatisticsXlsx } from '../../src/io/xlsx.js';
import { concatBytes, inlineRow, sheetXml, workbookParts } from './xlsx-fixtures.js';

const SHEET = sheetXml(
  `${inlineRow(1, ['code', 'kind'])}${inlineRow(2, ['130123100201', 'village'])}${inlineRow(3, ['1301231002', 'town'])}`,
);

/** The offset of the end-of-central-directory record (no comment: the last 22 bytes). */
const endRecord = (zip: Uint8Array) => zip.length - 22;

describe('a zip with a prepended stub', () => {
  it('reads as the zip alone: same rows, rejects, counts and issues (generated stubs, stored and deflated)', async () => {
    const stub = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 5000 }),
      fc.nat({ max: 3000 }).map((n) => concatBytes(strToU8('MZ'), new Uint8Array(n))), // a Windows executable
      fc.constant(strToU8('#!/bin/sh\nexec unzip "$0"\n')),
      fc.constant(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])), // a stub that begins as a zip, cut short
    );
    await fc.assert(
      fc.asyncProperty(stub, fc.boolean(), async (prefix, stored) => {
        const zip = zipSync(workbookParts({ S: SHEET }), stored ? { level: 0 } : {});
        const alone = await readUnitStatisticsXlsx(zip);
        expect(alone.rows).toHaveLength(1);
        expect(await readUnitStatisticsXlsx(concatBytes(prefix, zip))).toEqual(alone);
      }),
      { numRuns: 80 },
    );
  });

  it('worked by hand: a 1 000-byte stub before a zip with an archive comment', async () => {
    const zip = zipSync(workbookParts({ S: SHEET }), { comment: 'packed by a download wrapper' } as never);
    const result = await readUnitStatisticsXlsx(concatBytes(new Uint8Array(1000).fill(0x90), zip));
    expect(result.rows).toEqual([{ code: '130123100201', kind: 'village' }]);
    expect(result.issues).toEqual([]);
  });
});

describe('a zip behind another zip', () => {
  it('reads the zip whose end record ends the file, as unzip does, even when the stub has a directory where the offset points', async () => {
    // Two workbooks of one layout (stored, same lengths) with different rows: the stub's own central directory
    // begins where the second's end record says its directory begins (relative to its own start). unzip and
    // Python's zipfile read the second (the directory is where the end record's position and the size put it).
    const code = fc.integer({ min: 0, max: 99 }).map((n) => `1301231002${String(n).padStart(2, '0')}`);
    await fc.assert(
      fc.asyncProperty(code, code, async (first, second) => {
        fc.pre(first !== second);
        const book = (unit: string) =>
          zipSync(
            workbookParts({
              S: sheetXml(`${inlineRow(1, ['code', 'kind'])}${inlineRow(2, [unit, 'village'])}`),
            }),
            { level: 0, mtime: new Date('2020-01-01T00:00:00Z') },
          );
        const [stub, zip] = [book(first), book(second)];
        expect(stub.length).toBe(zip.length);
        const alone = await readUnitStatisticsXlsx(zip);
        expect(alone.rows).toEqual([{ code: second, kind: 'village' }]);
        expect(await readUnitStatisticsXlsx(concatBytes(stub, zip))).toEqual(alone);
      }),
      { numRuns: 20 },
    );
  });
});

describe('a zip whose central directory is lost', () => {
  it('a directory offset that points at no directory, or a stub and a wrong directory size: a clear error', async () => {
    const zip = zipSync(workbookParts({ S: SHEET }));
    const end = endRecord(zip);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // The offset (at 16) wrong, with or without a stub; or the size (at 12) wrong with a stub: neither the
          // declared offset nor the end minus the size finds the directory. (A wrong size alone is read as before.)
          fc.record({ field: fc.constant(16), stubLength: fc.nat({ max: 64 }) }),
          fc.record({ field: fc.constant(12), stubLength: fc.integer({ min: 1, max: 64 }) }),
        ),
        fc.integer({ min: 1, max: 200 }),
        async ({ field, stubLength }, shift) => {
          fc.pre(!(field === 16 && shift === stubLength)); // then the offset is right again, for the directory
          const broken = zip.slice();
          const brokenView = new DataView(broken.buffer);
          brokenView.setUint32(end + field, (view.getUint32(end + field, true) + shift) >>> 0, true);
          const result = await readUnitStatisticsXlsx(concatBytes(new Uint8Array(stubLength), broken));
          expect(result.rows).toEqual([]);
          expect(result.issues.map((issue) => [issue.code, issue.severity])).toEqual([
            ['malformed_record', 'error'],
          ]);
          expect(result.issues[0]?.message.en).toBe(
            'Cannot read the workbook: the zip is truncated or corrupt (no central directory)',
          );
          expect(result.issues[0]?.message.zh).toBe('无法读取工作簿：zip 文件被截断或已损坏（找不到目录）');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('bytes with no end-of-central-directory record at all are still "not an .xlsx (zip) file"', async () => {
    const result = await readUnitStatisticsXlsx(concatBytes(strToU8('MZ'), new Uint8Array(100)));
    expect(result.issues[0]?.message.en).toBe('Cannot read the workbook: not an .xlsx (zip) file');
  });
});
