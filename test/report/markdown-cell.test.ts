import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/index.js';
import { markdownCell } from '../../src/report/index.js';

// Markdown renderers (GitLab, VS Code, Typora, most static-site generators) pass raw HTML through: a unit name, a
// service kind or a profile's text holding `<script>` or `<img onerror=…>` must reach a table cell as text. Every
// `<` of a value is written `&lt;`; the only tag a cell holds is the `<br>` of its line breaks.
const cellText = fc.string({
  unit: fc.constantFrom(
    '<',
    '>',
    '/',
    '|',
    '&',
    ';',
    '\n',
    '\r',
    'a',
    'b',
    'r',
    'script',
    'img',
    '社区',
    '1',
    ' ',
    '"',
  ),
  maxLength: 40,
});

/** What a reader sees in the cell: line breaks for `<br>`, `<` for `&lt;`, `|` for `\|`. */
const shown = (cell: string) => cell.replace(/<br>/g, '\n').replace(/&lt;/g, '<').replace(/\\\|/g, '|');

describe('markdownCell', () => {
  test.prop([cellText])('holds no tag but <br>, and shows the (masked) text as it is', (text) => {
    const cell = markdownCell(text);
    expect(cell.replace(/<br>/g, '')).not.toContain('<');
    expect(shown(cell)).toBe(maskIdNumbersInText(text).replace(/\r\n|\r|\n/g, '\n'));
  });

  it('writes a script as text', () => {
    expect(markdownCell('<script>alert(1)</script>|x\n')).toBe('&lt;script>alert(1)&lt;/script>\\|x<br>');
  });
});
