import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/codes/index.js';
import { holdsIdCharacterRun, isIdCharacter } from '../../src/core/mask.js';
import { idNumberArbitrary } from '../../src/testing/index.js';

// The guard of standard output (cli/output.ts): bytes it calls free of ID-character runs are written without being
// masked, so it must never call free a text the masker would change; and it must not call every text suspect.

const utf8 = (text: string) => new TextEncoder().encode(text);
const fromUtf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Pieces of text the masker reads differently: ID characters of every script, separators, run enders, the rest. */
const piece = fc.oneof(
  fc.constantFrom(...'0123456789Xx'.split('')),
  fc.constantFrom('０', '９', 'Ｘ', 'ｘ', '٣', '۷', 'Ⅹ', 'ⅹ'), // full-width, Arabic-Indic, Roman ten
  fc.constantFrom(
    ' ',
    '-',
    '.',
    '/',
    '\\',
    '_',
    '*',
    '(',
    ')',
    '[',
    ']',
    '~',
    '\t',
    '\u3000',
    '\u200b',
    '－',
    '·',
    '【',
  ),
  fc.constantFrom('"', ',', ':', '{', '}', '\n', 'a', 'Z', '社', '区', '😀', '\ud800', 'é', '\u0660'),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
/** A valid ID number as a person might write it: some characters full-width, separators between some of them. */
const writtenIdNumber = fc
  .tuple(
    idNumberArbitrary(),
    fc.array(fc.boolean(), { minLength: 18, maxLength: 18 }),
    fc.array(fc.option(fc.constantFrom(' ', '-', '.', '/', '\u3000', '\u200b', '－'), { freq: 2 }), {
      minLength: 18,
      maxLength: 18,
    }),
  )
  .map(([id, wide, between]) =>
    Array.from(id, (ch, i) => {
      const shown = wide[i] === true ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch;
      return shown + (i < id.length - 1 ? (between[i] ?? '') : '');
    }).join(''),
  );
/** Texts with runs of every length around 15, digits from a written ID number's alphabet among other characters. */
const text = fc.oneof(
  fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join('')),
  fc
    .tuple(fc.array(piece, { maxLength: 30 }), writtenIdNumber, fc.array(piece, { maxLength: 30 }))
    .map(([before, id, after]) => `${before.join('')}${id}${after.join('')}`),
  fc
    .tuple(
      fc.array(piece, { maxLength: 20 }),
      fc.integer({ min: 10, max: 20 }),
      fc.array(piece, { maxLength: 20 }),
    )
    .map(([before, n, after]) => `${before.join('')}${'1'.repeat(n)}${after.join('')}`),
  fc
    .tuple(
      fc.string({ maxLength: 30 }),
      fc.array(fc.constantFrom('1', '9', ' ', '-', '０', 'X'), { maxLength: 40 }),
    )
    .map(([before, run]) => before + run.join('')),
);

describe('holdsIdCharacterRun', () => {
  it('finds the runs of hand-worked texts and skips JSON of short numbers', () => {
    expect(holdsIdCharacterRun(utf8('{"code":"130123100201","value":12.5}'))).toBe(false);
    expect(holdsIdCharacterRun(utf8('身份证 11010519491231002X'))).toBe(true);
    expect(holdsIdCharacterRun(utf8('110105 1949 1231 002X'))).toBe(true); // separators join a run
    expect(holdsIdCharacterRun(utf8('９'.repeat(15)))).toBe(true); // 15 full-width digits, 45 bytes
    expect(holdsIdCharacterRun(utf8(`a${'９'.repeat(14)}a`))).toBe(false); // 14
    expect(holdsIdCharacterRun(utf8('110105194912,31002X'))).toBe(false); // a comma ends a run
    expect(holdsIdCharacterRun(utf8('1101051949😀12310'))).toBe(false); // outside the BMP ends one too
    expect(holdsIdCharacterRun(utf8('x'.repeat(14)))).toBe(false);
    expect(holdsIdCharacterRun(utf8(`${'a'.repeat(100)}${'7'.repeat(15)}`))).toBe(true);
    expect(holdsIdCharacterRun(new Uint8Array(0))).toBe(false);
  });

  test.prop([text])('never calls free a text the masker would change', (written) => {
    const bytes = utf8(written);
    const read = fromUtf8(bytes); // a lone surrogate is U+FFFD in the bytes, and so in what they say
    if (!holdsIdCharacterRun(bytes)) expect(maskIdNumbersInText(read)).toBe(read);
  });

  test.prop([text])(
    'calls suspect only a text with 15 ID characters, and every text with 15 digits in a row',
    (written) => {
      const read = fromUtf8(utf8(written));
      let idCharacters = 0;
      for (let i = 0; i < read.length; i++) if (isIdCharacter(read.charCodeAt(i))) idCharacters++;
      const found = holdsIdCharacterRun(utf8(read));
      if (found) expect(idCharacters).toBeGreaterThanOrEqual(15);
      if (/[0-9]{15}/.test(read)) expect(found).toBe(true);
    },
  );

  test.prop([text, fc.nat()])(
    'gives the same answer wherever the text starts in a longer array',
    (written, pad) => {
      // The skip ahead reads bytes by position: a text after n ASCII letters is read the same.
      const padding = 'q'.repeat(pad % 40);
      expect(holdsIdCharacterRun(utf8(padding + written))).toBe(holdsIdCharacterRun(utf8(written)));
    },
  );
});
