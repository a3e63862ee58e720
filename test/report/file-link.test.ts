import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fileLink } from '../../src/report/html/escape.js';
import { findIdNumbers } from '../helpers/id-leaks.js';

// The page links the files written beside it (rejected rows, findings, every indicator row) by a relative path a
// caller chose: `encodeURI` left `#` and `?` as they are, so `r#1.csv` linked to `r`, a `\` became `%5C`, and a lone
// surrogate threw a URIError (second reading, session 14).

/** The href of a link, unescaped from HTML. */
const hrefOf = (link: string) =>
  String(/^<a href="([^"]*)">/.exec(link)?.[1])
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'");

const segment = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom('#', '?', '%', '&', '"', "'", ' ', '+', '正', '定', 'a', '.'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    minLength: 1,
    maxLength: 8,
  })
  .filter((text) => !/[/\\]/.test(text) && findIdNumbers(text).length === 0);

describe('fileLink', () => {
  test.prop([fc.array(segment, { minLength: 1, maxLength: 4 }), fc.constantFrom('/', '\\')])(
    'links every segment of the path as written, whatever it holds, and never throws',
    (segments, separator) => {
      const href = hrefOf(fileLink(segments.join(separator)));
      expect(href).not.toMatch(/[#?\\"<>]/);
      const wellFormed = (text: string) =>
        text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
      expect(href.split('/').map(decodeURIComponent)).toEqual(segments.map(wellFormed));
    },
  );

  it('encodes a name with # and ? as one file, and reads a Windows separator', () => {
    expect(fileLink('out\\r#1?.csv')).toBe('<a href="out/r%231%3F.csv">out\\r#1?.csv</a>');
    expect(fileLink('正定县.findings.csv')).toBe(
      `<a href="${encodeURI('正定县.findings.csv')}">正定县.findings.csv</a>`,
    );
  });
});
