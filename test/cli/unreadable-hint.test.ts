import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/context.js';
import { runIndicators } from '../../src/cli/indicators.js';
import { runValidate } from '../../src/cli/validate.js';
import { testTempDir } from '../helpers/temp-dir.js';

// A file named .xlsx whose bytes are no workbook is read as CSV (the reader goes by the bytes), which said "no header
// row found" and hinted that CSV and .xlsx are read: true, and no help. An empty file said the same.

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };

/** The usage error a command ends with on `file`. */
async function failure(run: typeof runIndicators, file: string): Promise<UsageError> {
  const error = await run([file, '--as-of', '2025-12-31'], quiet).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe('the hint of a file that cannot be read', () => {
  it('worked by hand: empty, a .xlsx that is text, a .csv with no header', async () => {
    const dir = testTempDir('shequ-unreadable-');
    const empty = join(dir, '空.xlsx');
    writeFileSync(empty, '');
    const text = join(dir, '统计.XLSX');
    writeFileSync(text, 'a,b\n1,2\n');
    const csv = join(dir, '统计.csv');
    writeFileSync(csv, 'a,b\n1,2\n');
    expect((await failure(runIndicators, empty)).texts.hint).toEqual({
      zh: '未做任何计算：文件为空。',
      en: 'Nothing was computed: the file is empty.',
    });
    expect((await failure(runValidate, text)).texts.hint.en).toContain(
      'does not begin as an .xlsx (zip) file',
    );
    expect((await failure(runIndicators, text)).texts.hint.zh).toContain('另存为 .xlsx 或 CSV');
    expect((await failure(runIndicators, csv)).texts.hint.en).toContain('CSV (UTF-8, UTF-16 or GB18030)');
  });

  test.prop(
    [fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.constantFrom('.xlsx', '.xls', '.xlsm', '.Xlsx')],
    {
      numRuns: 25,
    },
  )(
    'names a workbook that is not one, whatever its bytes (unless they begin as a workbook)',
    async (bytes, ext) => {
      const dir = testTempDir('shequ-unreadable-');
      const file = join(dir, `表${ext}`);
      writeFileSync(file, bytes);
      const error = await runIndicators([file, '--as-of', '2025-12-31'], quiet).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError); // random bytes are never a statistics sheet
      const starts = (signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
      const workbook = starts([0x50, 0x4b, 0x03, 0x04]) || starts([0xd0, 0xcf, 0x11, 0xe0]);
      expect((error as UsageError).texts.hint.en.includes('the name says workbook')).toBe(!workbook);
    },
  );
});
