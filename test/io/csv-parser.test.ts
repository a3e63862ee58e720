import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createResumableCsvParser } from '../../src/io/csv-parser.js';
import { createCsvParser, toCsv } from '../../src/io/index.js';

const parseAll = (text: string, chunks = [text.length]) => {
  const parser = createCsvParser();
  const out = [];
  let at = 0;
  for (const size of chunks) {
    out.push(...parser.push(text.slice(at, at + size)));
    at += size;
  }
  out.push(...parser.push(text.slice(at)), ...parser.end());
  return out;
};

describe('createCsvParser', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, counting physical lines', () => {
    expect(parseAll('a,"b, c"\r\n"multi\nline","say ""hi"""\nlast')).toEqual([
      { line: 1, fields: ['a', 'b, c'] },
      { line: 2, fields: ['multi\nline', 'say "hi"'] },
      { line: 4, fields: ['last'] },
    ]);
  });

  it('handles CR, CRLF split across chunks, and blank lines', () => {
    expect(parseAll('a\r\rb\r\n', [2])).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: [''] },
      { line: 3, fields: ['b'] },
    ]);
  });

  it('keeps a CRLF split by an empty chunk as one line break', () => {
    const parser = createCsvParser();
    expect([...parser.push('a\r'), ...parser.push(''), ...parser.push('\nb\n'), ...parser.end()]).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b'] },
    ]);
  });

  it('flags an unclosed quote (a truncated last line) and oversized fields', () => {
    expect(parseAll('a,"open')).toEqual([{ line: 1, fields: ['a', 'open'], error: 'unterminated_quote' }]);
    const parser = createCsvParser({ maxFieldLength: 3, maxRecordLength: 5 });
    expect(parser.push('abcdef,x\nab,cd,ef\n')).toEqual([
      { line: 1, fields: ['abc', 'x'], error: 'field_too_long' },
      { line: 2, fields: ['ab', 'cd', 'e'], error: 'record_too_long' },
    ]);
  });

  it('supports another delimiter', () => {
    expect(createCsvParser({ delimiter: ';' }).push('a;b\n')).toEqual([{ line: 1, fields: ['a', 'b'] }]);
  });

  const cellText = fc.string({
    unit: fc.constantFrom('a', '社', ',', '"', '\n', '\r\n', ' ', '1'),
    maxLength: 8,
  });
  test.prop([
    fc.array(fc.array(cellText, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 10 }),
    fc.array(fc.nat(20), { maxLength: 5 }),
  ])('write → parse returns the cells, however the text is chunked', (rows, chunks) => {
    const width = rows[0]?.length ?? 2;
    const table = rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? 'x'));
    const header = Array.from({ length: width }, (_, i) => `c${i}`);
    // Cells starting with a formula character are neutralised by toCsv: compare against that.
    const expected = table.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
    const parsed = parseAll(toCsv(header, table), chunks);
    expect(parsed.map((record) => record.fields)).toEqual([header, ...expected]);
  });
});

describe('the resumable parser counts physical lines', () => {
  test.prop(
    [
      fc.string({ unit: fc.constantFrom('a', 'aaaa', ',', '\n', '\r', '\r\n', '"', '社'), maxLength: 60 }),
      fc.option(
        fc.record({
          maxFieldLength: fc.integer({ min: 1, max: 6 }),
          maxRecordLength: fc.integer({ min: 1, max: 14 }),
          maxFieldsPerRecord: fc.integer({ min: 1, max: 5 }),
        }),
        { nil: undefined },
      ),
      fc.array(fc.nat({ max: 60 }), { maxLength: 5 }),
    ],
    { numRuns: 500 },
  )(
    'after end(), linesRead() is the line breaks of the text (CR, LF, CRLF one each) — quotes left open, limits and chunks whatever they are',
    (text, limits, cuts) => {
      const parser = createResumableCsvParser(limits);
      let at = 0;
      for (const point of [...cuts].sort((a, b) => a - b)) {
        parser.push(text.slice(at, Math.max(at, point)));
        at = Math.max(at, point);
      }
      parser.push(text.slice(at));
      parser.end();
      expect(parser.linesRead()).toBe(text.match(/\r\n|\r|\n/g)?.length ?? 0);
    },
  );
});
