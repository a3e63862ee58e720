/**
 * A range after the first re-reads the file's header before its own bytes (range-read.ts). When the header's line
 * ends with a lone CR (a file of old Mac line ends, or of mixed ones) and the range begins with an LF (a blank line
 * after a CRLF), the parser read the two as one CRLF: the blank line vanished and every line of the range was counted
 * one short — rejected rows, issues and the indicators' not-counted rows pointed at the line above theirs.
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeValidatedRanges } from '../../src/cli/validate-parallel.js';
import { type RangeValidation, validateRange } from '../../src/cli/validate-range.js';
import { readSource } from '../../src/pipeline/job.js';
import { planRanges } from '../../src/pipeline/range-plan.js';
import { rangeChunks } from '../../src/pipeline/range-read.js';
import { createLineCounter } from '../../src/pipeline/record-walk.js';
import { testTempDir } from '../helpers/temp-dir.js';

const row = (n: number, households: string) =>
  `1301231002${String(n).padStart(2, '0')},村${n},村委会,${households}`;

/**
 * Line 1 a title, line 2 the header (ending with a lone CR), lines 3–12 villages, line 13 blank (an LF after the
 * CRLF of line 12), lines 14–16 villages, the one of line 15 rejected (户数 x).
 */
function writeFile(): { file: string; cut: number } {
  const head = '统计表\r\n统计用区划代码,名称,类型,户数\r';
  const before = Array.from({ length: 10 }, (_, n) => `${row(n + 1, '100')}\r\n`).join('');
  const after = `\n${row(11, '100')}\n${row(12, 'x')}\n${row(13, '100')}\n`;
  const file = join(testTempDir('validate-lone-cr'), 'sheet.csv');
  writeFileSync(file, head + before + after);
  return { file, cut: Buffer.byteLength(head + before) };
}

describe('a range that begins with an LF after a header ending with a lone CR', () => {
  it('keeps its lines: the rejected row is on line 15, as the serial read says', async () => {
    const { file, cut } = writeFile();
    const plan = await planRanges(file, 2, {});
    if (plan === undefined) throw new Error('no plan');
    expect(readFileSync(file)[cut]).toBe(0x0a);
    const serial = await readSource(createReadStream(file), {}, () => undefined);
    expect(serial.rejected.map((rejected) => rejected.line)).toEqual([15]);
    // The range alone, as a worker reads it: the header's 2 lines, then its own (a blank line, then lines 14–16).
    const alone = await readSource(
      rangeChunks({ path: file, start: cut, end: plan.size, headerEnd: plan.headerEnd }, createLineCounter()),
      { read: { encoding: plan.encoding } },
      () => undefined,
    );
    expect(alone.rejected.map((rejected) => rejected.line)).toEqual([5]);
    expect(alone.counts.blankLines).toBe(1);
  });

  it('gives the serial read’s rejected lines and counts once the ranges are merged', async () => {
    const { file, cut } = writeFile();
    const plan = await planRanges(file, 2, {});
    if (plan === undefined) throw new Error('no plan');
    const validation: RangeValidation = {
      profile: 'hebei',
      asOf: '2025-12-31',
      format: 'ndjson',
      lang: 'zh',
      dir: testTempDir('validate-lone-cr-runs'),
    };
    const job = (start: number, end: number) => ({
      path: file,
      start,
      end,
      headerEnd: plan.headerEnd,
      encoding: plan.encoding,
      read: {},
      validation,
    });
    const first = await validateRange(job(plan.headerEnd, cut));
    const second = await validateRange(job(cut, plan.size));
    const merged = await mergeValidatedRanges(plan, validation, first, [second]);
    if (merged === undefined) throw new Error('refused');
    const serial = await readSource(createReadStream(file), {}, () => undefined);
    expect(merged.input.rejected).toEqual(serial.rejected);
    expect(merged.input.counts).toEqual(serial.counts);
    merged.findings.close();
  });
});
