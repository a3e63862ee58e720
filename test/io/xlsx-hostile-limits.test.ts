// Time stays linear in the size of the sheet whatever its shape: a tag near the 1 M-character limit arrives in many
// slices of the inflated part (4 kB each when stored), and each slice must not rescan the tag from its start.

import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readUnitStatisticsXlsx, XLSX_LIMITS } from '../../src/io/xlsx.js';
import { createXmlTokenizer } from '../../src/io/xlsx-xml.js';
import { sheetXml, workbookParts } from './xlsx-fixtures.js';

async function timed(bytes: Uint8Array): Promise<number> {
  const started = performance.now();
  const result = await readUnitStatisticsXlsx(bytes);
  expect(result.issues.map((issue) => issue.code)).toEqual(['header_not_found']);
  return performance.now() - started;
}

describe('long tags', () => {
  it('cost the same in 4 kB slices (stored) as in a few large ones (deflated): no rescan per slice', {
    timeout: 60_000,
  }, async () => {
    const tag = `<c r="A1" x="${'a'.repeat(1024 * 1024 - 40)}" y='"'/>`;
    const sheet = `<worksheet><sheetData><row r="1">${tag.repeat(8)}</row></sheetData></worksheet>`;
    const parts = { ...workbookParts({ S: '' }), 'xl/worksheets/sheet1.xml': strToU8(sheet) };
    const stored = zipSync(parts, { level: 0 });
    const deflated = zipSync(parts, { level: 9 });
    await timed(deflated); // warm up
    const slices = await timed(stored);
    const whole = await timed(deflated);
    // Rescanning each tag from its start at each slice took ≈ 350 ms a tag here (2.8 s), the whole read ≈ 40 ms.
    expect(slices).toBeLessThan(5 * whole + 400);
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
