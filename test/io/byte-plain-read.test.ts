import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { BYTE_KIND_CODE, convertByteCell, readPlainAt } from '../../src/io/byte-cells.js';
import type { CellValue } from '../../src/io/compiled-row.js';

// readPlainAt reads a count, an area or a flag in one pass; the byte reader takes its value only when the cell ends
// where it stopped, and then it must be exactly what convertByteCell gives for the whole cell (which the property
// tests of byte-records.test.ts hold equal to the string path). Anything it declines is converted as before.

const encoder = new TextEncoder();

/** Cells made of what numbers and flags are spelled with, and what they must not be. */
const cellText = fc.string({
  unit: fc.constantFrom('0', '1', '5', '9', '.', '是', '否', '-', ' ', 'e', '１', ','),
  maxLength: 20,
});

const KINDS = ['count', 'area', 'flag'] as const;

describe('readPlainAt', () => {
  test.prop([fc.constantFrom(...KINDS), cellText, fc.constantFrom(',', '\n', '\r\n', ';')], {
    numRuns: 2000,
  })('where the cell ends at its stop, gives convertByteCell’s value for the cell', (kind, text, end) => {
    const bytes = encoder.encode(`${text}${end}`);
    const cell = encoder.encode(text).length;
    const into: CellValue[] = [undefined];
    const after = readPlainAt(BYTE_KIND_CODE[kind], bytes, 0, into, 0);
    if (after !== cell) return; // declined, or the cell goes on: the reader converts the whole cell
    expect(into[0]).toStrictEqual(
      convertByteCell(BYTE_KIND_CODE[kind], bytes, 0, cell, text, 0, text.length),
    );
  });

  it('reads the common spellings and declines the others', () => {
    const read = (kind: (typeof KINDS)[number], text: string) => {
      const into: CellValue[] = [undefined];
      const after = readPlainAt(BYTE_KIND_CODE[kind], encoder.encode(`${text},`), 0, into, 0);
      return after === encoder.encode(text).length ? into[0] : 'declined';
    };
    expect(read('count', '2812')).toBe(2812);
    expect(read('count', '12.5')).toBe('declined');
    expect(read('count', '1234567890123456')).toBe('declined'); // 16 digits: past 2^53 may not be exact
    expect(read('area', '731.99')).toBe(731.99);
    expect(read('area', '348.3')).toBe(348.3);
    expect(read('area', '5.')).toBe('declined');
    expect(read('area', '1.234')).toBe('declined');
    expect(read('flag', '是')).toBe(true);
    expect(read('flag', '否')).toBe(false);
    expect(read('flag', '有')).toBe('declined');
    expect(read('flag', '是否')).toBe('declined');
  });
});
