// Work stays linear in the size of the sheet whatever its shape: a tag near the 1 M-character limit arrives in many
// slices of the inflated part (4 kB each when stored), and each slice must not rescan the tag from its start. The
// tokenizers the reader makes count their work (characters pushed, characters of tags scanned): the test holds the
// count, which no load on the machine can change, where it once held the time.

import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { readUnitStatisticsXlsx, XLSX_LIMITS } from '../../src/io/xlsx.js';
import { createXmlTokenizer, type XmlWork } from '../../src/io/xlsx-xml.js';
import { sheetXml, workbookParts } from './xlsx-fixtures.js';
import { resetWork } from './xlsx-work.js';

const work = vi.hoisted((): XmlWork => ({ pushes: 0, pushed: 0, scanned: 0 }));
vi.mock('../../src/io/xlsx-xml.js', async (original) =>
  (await import('./xlsx-work.js')).counting(await original(), work),
);

/** The work of one read of `bytes` (every part's tokenizer together). */
async function workOf(bytes: Uint8Array): Promise<XmlWork> {
  resetWork(work);
  const result = await readUnitStatisticsXlsx(bytes);
  expect(result.issues.map((issue) => issue.code)).toEqual(['header_not_found']);
  return { ...work };
}

describe('long tags', () => {
  it('are scanned once in 4 kB slices (stored) as in a few large ones (deflated): no rescan per slice', {
    timeout: 60_000,
  }, async () => {
    const tag = `<c r="A1" x="${'a'.repeat(1024 * 1024 - 40)}" y='"'/>`;
    const sheet = `<worksheet><sheetData><row r="1">${tag.repeat(8)}</row></sheetData></worksheet>`;
    const parts = { ...workbookParts({ S: '' }), 'xl/worksheets/sheet1.xml': strToU8(sheet) };
    const slices = await workOf(zipSync(parts, { level: 0 }));
    const whole = await workOf(zipSync(parts, { level: 9 }));
    // The stored sheet did arrive in slices: more than one push for each 4 kB of it.
    expect(slices.pushes).toBeGreaterThan(sheet.length / 4096);
    expect(slices.pushed).toBe(whole.pushed);
    // Each character of a tag is scanned once, however the text is cut: rescanning each tag from its start at each
    // slice scanned ≈ 128 times the sheet (≈ 350 ms a tag, the whole read ≈ 40 ms).
    expect(slices.scanned).toBe(whole.scanned);
    expect(slices.scanned).toBeGreaterThan(sheet.length - 1000);
    expect(slices.scanned).toBeLessThanOrEqual(slices.pushed);
  });

  it('worked by hand: a tag cut into one-character chunks is scanned once', () => {
    const counted: XmlWork = { pushes: 0, pushed: 0, scanned: 0 };
    const start = `<a x="${'>'.repeat(50)}" y='q'>`;
    const xml = `${start}text</a>`;
    const tokenizer = createXmlTokenizer(
      { capturing: false, open() {}, close() {}, text() {} },
      undefined,
      counted,
    );
    for (const ch of xml) tokenizer.push(ch);
    tokenizer.end();
    // The characters after each `<` up to its `>`, once each: the start tag's and the end tag's (`/a>`).
    expect(counted).toEqual({ pushes: xml.length, pushed: xml.length, scanned: start.length - 1 + 3 });
  });
});

describe('the XML tokenizer', () => {
  /** The events of `xml` pushed in the given chunks (adjacent texts joined), or the message it stopped with. */
  function events(xml: string, cuts: readonly number[]): string[] {
    const out: string[] = [];
    const handler = {
      capturing: true,
      open: (name: string, attributes: string, selfClosing: boolean) =>
        out.push(`<${name}|${attributes}|${selfClosing}`),
      close: (name: string) => out.push(`</${name}`),
      text: (raw: string, literal: boolean) => {
        const last = out[out.length - 1];
        const kind = literal ? 'C:' : 'T:';
        if (last?.startsWith(kind)) out[out.length - 1] = last + raw;
        else out.push(kind + raw);
      },
    };
    try {
      const tokenizer = createXmlTokenizer(handler);
      let at = 0;
      for (const cut of [...cuts].sort((a, b) => a - b)) {
        tokenizer.push(xml.slice(at, Math.max(at, cut)));
        at = Math.max(at, cut);
      }
      tokenizer.push(xml.slice(at));
      tokenizer.end();
    } catch (error) {
      out.push(`stopped: ${error instanceof Error ? error.message : String(error)}`);
    }
    return out;
  }

  it('gives the same events however the text is cut into chunks (generated)', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '<row r="1">',
        '</row>',
        '<c t=\'s\' x=">">',
        '<a b="it\'s">',
        '<t>',
        '</t>',
        '<e/>',
        '<x:y z="1"/>',
      ),
      fc.constantFrom(
        '<!-- c -->',
        '<![CDATA[<x>]]>',
        '<?pi x?>',
        '&amp;',
        '&#x41;',
        'text',
        ' ',
        '"',
        "'",
        '>',
      ),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.array(fc.nat({ max: 400 }), { maxLength: 12 }),
        (pieces, cuts) => {
          const xml = pieces.join('');
          expect(events(xml, cuts)).toEqual(events(xml, []));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('cells far to the right', () => {
  it('a cell at XFD in each row (16 384 cells a row from 40 bytes) stops at the cell limit, not after minutes', {
    timeout: 60_000,
  }, async () => {
    const rows = [
      '<row r="1"><c t="inlineStr"><is><t>code</t></is></c><c t="inlineStr"><is><t>kind</t></is></c></row>',
    ];
    const perRow = 16_384;
    const last = Math.ceil(XLSX_LIMITS.maxCells / perRow) + 50;
    for (let line = 2; line <= last; line++)
      rows.push(
        `<row><c r="A${line}"><v>1301231002${10 + (line % 80)}</v></c><c r="B${line}" t="inlineStr"><is><t>village</t></is></c><c r="XFD${line}"><v>${line}</v></c></row>`,
      );
    const bytes = zipSync({
      ...workbookParts({ S: '' }),
      'xl/worksheets/sheet1.xml': strToU8(sheetXml(rows.join(''))),
    });
    const result = await readUnitStatisticsXlsx(bytes);
    const stop = result.issues.find((issue) => issue.code === 'limit_exceeded');
    expect(stop?.message.en).toBe(
      `The workbook is over a reading limit; reading stopped: more than ${XLSX_LIMITS.maxCells} cells, counting the empty ones between filled ones`,
    );
    // Every row before the stop is read, and the one that crossed the limit is its line.
    expect(result.counts.accepted).toBe((stop?.line ?? 0) - 2);
    expect(result.counts.accepted).toBeLessThan(last - 1);
  });
});
