/**
 * The parallel reader's plan (planRanges) finds the header by parsing the file's head 4 KiB at a time and no further
 * than the header, with a reader that loads no zod: its header end, lines and blank lines must be those of the whole
 * head read by readUnitStatistics, as the plan found them before — whatever the title block holds (quoted fields with
 * line breaks, stray and unclosed quotes, lines around a slice's length), the line ends (LF, CRLF, lone CR) and the
 * encoding (UTF-8 with or without BOM, GB18030).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../src/io/decode.js';
import { encodeCsv } from '../../src/io/index.js';
import { readUnitStatistics } from '../../src/io/read.js';
import { planRanges } from '../../src/pipeline/range-plan.js';
import { endOfRecordOn } from '../../src/pipeline/record-walk.js';
import { useTempDir } from '../helpers/temp-dir.js';

const dir = useTempDir('plan-header');
const HEAD_BYTES = 65_536;
const HEADER = '统计用区划代码,名称,类型,户数';
const ROWS = Array.from({ length: 12_000 }, (_, i) => `130123100${100 + (i % 900)},村,村委会,${i}`);

/** The plan's header fields as the whole reads of the head and of the bytes up to the header give them. */
function wholeReadPlan(bytes: Uint8Array) {
  const head = bytes.subarray(0, HEAD_BYTES);
  const encoding = detectEncoding(head);
  const found = readUnitStatistics(head, { encoding });
  if (found.header === undefined) return undefined;
  const { end, lines } = endOfRecordOn(head, found.header.line);
  if (end >= head.length) return undefined;
  const prefix = readUnitStatistics(head.subarray(0, end), { encoding });
  return { encoding, headerEnd: end, headerLines: lines, headerBlankLines: prefix.counts.blankLines };
}

let files = 0;
async function planOf(bytes: Uint8Array) {
  const file = join(dir, `f${files++}.csv`);
  writeFileSync(file, bytes);
  const plan = await planRanges(file, 2, {});
  return (
    plan && {
      encoding: plan.encoding,
      headerEnd: plan.headerEnd,
      headerLines: plan.headerLines,
      headerBlankLines: plan.headerBlankLines,
    }
  );
}

const bytesOf = (text: string, encoding: 'utf-8' | 'bom' | 'gb18030') =>
  encoding === 'gb18030'
    ? encodeCsv(text, { encoding: 'gb18030' })
    : encodeCsv(text, { encoding: 'utf-8', bom: encoding === 'bom' });

/** Pieces of a title block: quotes, delimiters, every line end, header-like text, lines near a slice's length. */
const piece = fc.oneof(
  fc.constantFrom('"', '""', ',', '\r', '\n', '\r\n', '社区', 'a', HEADER, '代码,户数'),
  fc.string({ unit: fc.constantFrom('社', 'a', '"', ',', '\r', '\n'), maxLength: 20 }),
  fc.integer({ min: 1, max: 5000 }).map((n) => '表'.repeat(n)),
  fc.integer({ min: 1, max: 9000 }).map((n) => 'x'.repeat(n)),
);

describe('the plan finds the header as the whole read of the head does', () => {
  test.prop(
    [
      fc.array(piece, { maxLength: 12 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.constantFrom('utf-8' as const, 'bom' as const, 'gb18030' as const),
    ],
    { numRuns: 60 },
  )('header end, lines and blank lines, whatever the title block', async (pieces, eol, encoding) => {
    const bytes = bytesOf(`${pieces.join('')}${eol}${HEADER}${eol}${ROWS.join(eol)}${eol}`, encoding);
    expect(await planOf(bytes)).toEqual(wholeReadPlan(bytes));
  });

  it.each(['\n', '\r\n', '\r'])(
    'a quoted title field whose line break is at a slice boundary, blank lines after it (line end %j)',
    async (eol) => {
      // Worked by hand: the title's text is 4 095 characters, so its line break inside the quotes is character 4 096
      // (the first of the second slice); then the title's second line, two blank lines and the header on line 5.
      const title = `"${'标'.repeat(4094)}${eol}续"`;
      const bytes = bytesOf([title, '', '', HEADER, ...ROWS].join(eol) + eol, 'utf-8');
      const plan = await planOf(bytes);
      expect(plan).toEqual(wholeReadPlan(bytes));
      expect(plan?.headerLines).toBe(5);
      expect(plan?.headerBlankLines).toBe(2);
      const text = readFileSync(join(dir, `f${files - 1}.csv`))
        .subarray(0, plan?.headerEnd)
        .toString('utf8');
      expect(text.endsWith(`${HEADER}${eol}`)).toBe(true);
    },
  );
});
