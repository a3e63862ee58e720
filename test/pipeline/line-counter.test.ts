/**
 * The byte ranges of the parallel reader shift their rejected rows' lines by the lines counted before them: the
 * counter must count as the parser does (CR, LF, CRLF one each) however the bytes are chunked.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createLineCounter } from '../../src/pipeline/record-walk.js';

const text = fc
  .array(fc.constantFrom('a', ',', '"', '\r', '\n', '\r\n', '社'), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('createLineCounter', () => {
  it('counts CRLF, LF and a lone CR once each: a\\r\\nb\\nc\\rd\\n → 4', () => {
    const counter = createLineCounter();
    counter.count(new TextEncoder().encode('a\r\nb\nc\rd\n'));
    expect(counter.lines).toBe(4);
  });

  test.prop([text, fc.array(fc.nat({ max: 80 }), { maxLength: 6 })])(
    'counts the line breaks of the text (\\r\\n, \\r, \\n), in any chunking',
    (value, cuts) => {
      const bytes = new TextEncoder().encode(value);
      const at = [...new Set(cuts.map((cut) => Math.min(cut, bytes.length)))].sort((a, b) => a - b);
      const counter = createLineCounter();
      let start = 0;
      for (const end of [...at, bytes.length]) {
        counter.count(bytes.subarray(start, end));
        start = end;
      }
      expect(counter.lines).toBe(value.match(/\r\n|\r|\n/g)?.length ?? 0);
    },
  );
});
