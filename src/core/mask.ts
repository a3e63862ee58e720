/**
 * The one ID-number detector of the library: finds every run of text shaped like a 公民身份号码 (GB 11643) — in
 * ASCII or full-width, with separators between its digits, inside any text — and masks its birth date.
 *
 * It lives in core (which depends on nothing) so that `createIssue` can mask every message it builds; `shequ/codes`
 * re-exports it as `maskIdNumbersInText`.
 */

import { hideDates, SHORTEST_RUN } from './mask-windows.js';

/**
 * Options of {@link maskIdNumbersInText}.
 *
 * @example
 * ```ts
 * import type { MaskIdNumbersInTextOptions } from 'shequ';
 * const options: MaskIdNumbersInTextOptions = { maskCharacter: '•' };
 * ```
 */
export interface MaskIdNumbersInTextOptions {
  /**
   * The character written over each hidden digit. Default `'*'`. It must be one UTF-16 code unit that is neither a
   * digit, an `X` nor a separator (else the output could still hold an ID number); anything else falls back to `'*'`.
   */
  readonly maskCharacter?: string;
}

/**
 * Characters that may stand between the digits of a written ID number and are ignored: white space (space, tab,
 * no-break and ideographic spaces, zero-width characters), hyphens and dashes, dots (incl. middle dots), underscores
 * and slashes, in ASCII and full-width. Line breaks, commas and quotes are not separators: they end a run, so a CSV,
 * JSON or table line never joins two cells into one number.
 */
const SEPARATORS: readonly (readonly [number, number])[] = [
  [0x09, 0x09], // tab
  [0x20, 0x20],
  [0xa0, 0xa0], // no-break space
  [0x1680, 0x1680],
  [0x2000, 0x200d], // en quad … zero-width joiner
  [0x202f, 0x202f],
  [0x205f, 0x2060],
  [0x3000, 0x3000], // ideographic space
  [0xfeff, 0xfeff], // zero-width no-break space (BOM)
  [0x2d, 0x2d], // hyphen-minus
  [0x2010, 0x2015], // hyphens and dashes
  [0x2212, 0x2212], // minus sign
  [0xfe58, 0xfe58],
  [0xfe63, 0xfe63],
  [0xff0d, 0xff0d], // full-width hyphen-minus
  [0x2e, 0x2e], // full stop
  [0xb7, 0xb7], // middle dot
  [0x2027, 0x2027],
  [0x30fb, 0x30fb], // katakana middle dot
  [0xff0e, 0xff0e],
  [0xff65, 0xff65],
  [0x5f, 0x5f], // underscore
  [0xff3f, 0xff3f],
  [0x2f, 0x2f], // slash
  [0x5c, 0x5c], // backslash
  [0xff0f, 0xff0f],
  [0xff3c, 0xff3c],
  [0x2a, 0x2a], // asterisk (and its full-width twin): a number written 110105*19491231*002X
  [0xff0a, 0xff0a],
  [0x7e, 0x7e], // tilde
  [0xff5e, 0xff5e],
  [0x28, 0x29], // brackets around a part: 110105(19491231)002X
  [0xff08, 0xff09],
  [0x5b, 0x5b],
  [0x5d, 0x5d],
  [0x3010, 0x3011], // 【】
];

/** Kind of every UTF-16 code unit: 0 other, 1 digit, 2 X, 3 separator (a table lookup per character keeps it fast). */
const OTHER = 0;
const DIGIT = 1;
const CHECK_X = 2;
const SEPARATOR_KIND = 3;
const KIND = new Uint8Array(0x10000);
for (const [from, to] of SEPARATORS) KIND.fill(SEPARATOR_KIND, from, to + 1);
for (let c = 48; c <= 57; c++) KIND[c] = DIGIT;
for (let c = 0xff10; c <= 0xff19; c++) KIND[c] = DIGIT;
for (let c = 0x0660; c <= 0x0669; c++) KIND[c] = DIGIT; // Arabic-Indic digits, as NFKC reads them
for (let c = 0x06f0; c <= 0x06f9; c++) KIND[c] = DIGIT; // Extended Arabic-Indic digits
for (const c of [88, 120, 0xff38, 0xff58, 0x2169, 0x2179]) KIND[c] = CHECK_X; // X, x, Ｘ, ｘ, Ⅹ, ⅹ

/**
 * Whether a UTF-16 code unit is read as a digit or an X of an ID number (ASCII, full-width, Arabic-Indic, Ⅹ): a text
 * with fewer than 15 of them holds no ID-shaped run, so {@link maskIdNumbersInText} returns it as it is — a writer
 * that counts them while copying a string can skip the masker.
 *
 * @param code - a UTF-16 code unit
 * @returns true for a digit or an X
 *
 * @example
 * ```ts
 * [isIdCharacter(0x37), isIdCharacter(0xff17), isIdCharacter(0x58), isIdCharacter(0x2d), isIdCharacter(0x793e)];
 * //=> [true, true, true, false, false]
 * ```
 */
export function isIdCharacter(code: number): boolean {
  const kind = KIND[code] as number;
  return kind === DIGIT || kind === CHECK_X;
}

/**
 * Whether UTF-8 text holds a run of 15 or more ID characters joined by separators, read exactly as
 * {@link maskIdNumbersInText} reads its text: when it does not, masking the text leaves it as it is, so bytes can be
 * written without being decoded, masked and encoded again. Most bytes are skipped: when the character that holds the
 * byte 14 places ahead ends runs (a letter, a quote, a comma, a Chinese character), no run of 15 can start before it,
 * and the scan goes on after that character. Each character outside the BMP (two UTF-16 code units, neither an ID
 * character nor a separator) ends a run, as in the text.
 *
 * @param bytes - well-formed UTF-8 (as a `TextEncoder` writes it)
 * @returns true when masking its text could change it
 *
 * @example
 * ```ts
 * const utf8 = (text: string) => new TextEncoder().encode(text);
 * [holdsIdCharacterRun(utf8('{"code":"130123100201"}')), holdsIdCharacterRun(utf8('身份证 11010519491231002X'))];
 * //=> [false, true]
 * ```
 */
export function holdsIdCharacterRun(bytes: Uint8Array): boolean {
  const length = bytes.length;
  let run = 0;
  let i = 0;
  while (i < length) {
    if (run === 0) {
      // No run of 15 starts before the character that holds the byte 14 places on, when that character ends runs.
      const ahead = i + SHORTEST_RUN - 1;
      if (ahead >= length) return false; // too few bytes left for 15 characters
      let lead = ahead;
      while (lead > i && ((bytes[lead] as number) & 0xc0) === 0x80) lead--;
      const character = utf8CharacterAt(bytes, lead);
      if (KIND[character & 0xffff] === OTHER) {
        i = lead + (character >>> 16);
        continue;
      }
    }
    const character = utf8CharacterAt(bytes, i);
    i += character >>> 16;
    const kind = KIND[character & 0xffff] as number;
    if (kind === OTHER) {
      if (run >= SHORTEST_RUN) return true;
      run = 0;
    } else if (kind !== SEPARATOR_KIND) run++;
  }
  return run >= SHORTEST_RUN;
}

const UTF8_DECODER = new TextDecoder('utf-8', { ignoreBOM: true });
const UTF8_ENCODER = new TextEncoder();

/**
 * {@link maskIdNumbersInText} on UTF-8 bytes: the same array when nothing in it could be masked (the common case,
 * found without decoding: {@link holdsIdCharacterRun}), else the masked text encoded again.
 *
 * @param bytes - whole characters of UTF-8 (a chunk that ends where a writer's piece ended)
 * @returns `bytes`, or a new array of the masked text
 *
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('110105194912310021');
 * new TextDecoder().decode(maskIdNumbersInUtf8(bytes));
 * //=> '110105********0021'
 * ```
 */
export function maskIdNumbersInUtf8(bytes: Uint8Array): Uint8Array {
  if (!holdsIdCharacterRun(bytes)) return bytes;
  const text = UTF8_DECODER.decode(bytes);
  const masked = maskIdNumbersInText(text);
  return masked === text ? bytes : UTF8_ENCODER.encode(masked);
}

/**
 * The character whose UTF-8 begins at `at`: its UTF-16 code unit, plus its length in bytes times 2^16. A character
 * outside the BMP reads as 0xD800 (a surrogate pair in UTF-16, each half of kind other).
 */
function utf8CharacterAt(bytes: Uint8Array, at: number): number {
  const b = bytes[at] as number;
  if (b < 0x80) return b | 0x10000;
  if (b < 0xe0) return ((b & 0x1f) << 6) | ((bytes[at + 1] as number) & 0x3f) | 0x20000;
  if (b < 0xf0)
    return (
      ((b & 0x0f) << 12) |
      (((bytes[at + 1] as number) & 0x3f) << 6) |
      ((bytes[at + 2] as number) & 0x3f) |
      0x30000
    );
  return 0xd800 | 0x40000;
}

/** Value 0–9 of an ASCII or full-width digit, 10 for X/x (ASCII or full-width), -1 for anything else. */
function idValue(c: number): number {
  const kind = KIND[c] as number;
  if (kind === DIGIT)
    return c <= 57 ? c - 48 : c >= 0xff10 ? c - 0xff10 : c >= 0x06f0 ? c - 0x06f0 : c - 0x0660;
  return kind === CHECK_X ? 10 : -1;
}

/** A decimal number as programs print it: ASCII digits, one dot, ASCII digits (`29.134883720930233`). */
const DECIMAL = /^(\d+)\.\d+$/;

/** Masks the ID numbers of one run (ID characters and separators from `start` to `end`) into `out`. */
function maskRun(text: string, start: number, end: number, mask: string, out: string[]): void {
  const values: number[] = [];
  const at: number[] = [];
  for (let i = start; i < end; i++) {
    const value = idValue(text.charCodeAt(i));
    if (value >= 0) {
      values.push(value);
      at.push(i);
    }
  }
  const hidden = new Uint8Array(end - start);
  // A decimal number is two numbers: its integer part is read alone, and its fraction only for an 18-character
  // number — a double prints at most 17 significant digits, so a 15-digit window in a fraction is a float, not a
  // person (masking it would also corrupt a JSON or CSV number).
  const decimal = DECIMAL.exec(text.slice(start, (at[at.length - 1] as number) + 1));
  if (decimal === null)
    hideDates(values, at, { from: 0, to: values.length, allowShort: true }, hidden, start);
  else {
    const fraction = (decimal[1] as string).length;
    hideDates(values, at, { from: 0, to: fraction, allowShort: true }, hidden, start);
    hideDates(values, at, { from: fraction, to: values.length, allowShort: false }, hidden, start);
  }
  let from = start;
  for (let i = start; i < end; i++) {
    if (hidden[i - start] === 1) {
      if (from < i) out.push(text.slice(from, i));
      out.push(mask);
      from = i + 1;
    }
  }
  if (from < end) out.push(text.slice(from, end));
}

function maskCharacterOf(options: MaskIdNumbersInTextOptions | undefined): string {
  let wanted: unknown;
  try {
    wanted = options !== null && typeof options === 'object' ? options.maskCharacter : undefined;
  } catch {
    wanted = undefined; // a getter of the caller that throws: the default mask
  }
  if (typeof wanted !== 'string' || wanted.length !== 1) return '*';
  const c = wanted.charCodeAt(0);
  return KIND[c] !== OTHER || (c >= 0xd800 && c <= 0xdfff) ? '*' : wanted;
}

/**
 * Masks every run shaped like a 公民身份号码 (GB 11643) inside a text, wherever it is and however it is written, so
 * that no full ID number leaves the library: `身份证11010519491231002X`, `110105 19491231 002X`, `110105-1949…`,
 * full-width `１１０１０５…`, a number inside a unit name, a 15-digit first-generation number.
 *
 * The rule: after full-width digits and `Ｘ`/`ｘ` are read as ASCII and separators are dropped (white space incl.
 * U+3000 and zero-width characters, hyphens and dashes, dots and middle dots, underscores, slashes, asterisks, tildes
 * and brackets — not line breaks,
 * commas or quotes), every window of 18 characters made of an address code (6 digits, a known province prefix
 * 11–83), a birth date YYYYMMDD of 1800–2099, 3 digits and a digit or X — or of 15 digits made of an address code,
 * a date YYMMDD and 3 digits — has its birth date replaced by `*` (the address code and the last characters stay, as
 * in `maskIdNumber`). A run that ends 17 characters after such an address code is masked as the 18-character
 * number without its check character (`11010519491231002`), which anyone can compute again. The check character is not verified: a mistyped number is still personal. Windows inside a
 * longer run of digits are masked too, so a 20-digit number that contains an ID-shaped window loses 8 digits; a
 * 12-digit division code or any number under 15 digits is never touched. Every window of a run is read, across its
 * separators and whatever digits stand around it: `000000000000000110105 19491231002X000` holds an ID number, so two
 * long numbers side by side (`9007199254740991（12310500000000000000）`) may lose digits to a window across them —
 * a few digits too many hidden rather than one ID number shown. A decimal number (`29.134883720930233`:
 * ASCII digits, one dot, digits, nothing else in the run) is read as its integer part alone and its fraction only for
 * an 18-character number, so a long float is never masked.
 *
 * The output is as long as the input (UTF-16 code units), masking is idempotent, and text with no ID-shaped run is
 * returned as it is (one regex scan: hundreds of MB/s). A non-string gives `''`.
 *
 * @param text - any text
 * @param options - the mask character
 * @returns the text with the birth date of every ID-shaped run masked
 *
 * @example
 * ```ts
 * import { maskIdNumbersInText } from 'shequ';
 * maskIdNumbersInText('身份证11010519491231002X，电话 0311-1234567');
 * //=> '身份证110105********002X，电话 0311-1234567'
 * maskIdNumbersInText('110105 19491231 002x');
 * //=> '110105 ******** 002x'
 * maskIdNumbersInText('西上泽村 130123100201');
 * //=> '西上泽村 130123100201'
 * ```
 */
export function maskIdNumbersInText(text: string, options?: MaskIdNumbersInTextOptions): string {
  if (typeof text !== 'string') return '';
  return maskText(text, maskCharacterOf(options));
}

/** {@link maskIdNumbersInText} with its mask character chosen. */
function maskText(text: string, mask: string): string {
  const length = text.length;
  if (length < SHORTEST_RUN) return text;
  let out: string[] | undefined;
  let copied = 0;
  let runStart = -1;
  let idCharacters = 0;
  // One pass with a table lookup per character: a run is ID characters joined by separators, and only a run of 15
  // or more ID characters is read closely, so ordinary text and numbers cost almost nothing.
  for (let i = 0; i < length; i++) {
    const kind = KIND[text.charCodeAt(i)] as number;
    if (kind === OTHER) {
      if (idCharacters >= SHORTEST_RUN) {
        out ??= [];
        copied = maskRunInto(text, copied, runStart, i, mask, out);
      }
      runStart = -1;
      idCharacters = 0;
    } else if (kind !== SEPARATOR_KIND) {
      if (runStart < 0) runStart = i;
      idCharacters++;
    }
  }
  if (idCharacters >= SHORTEST_RUN) {
    out ??= [];
    copied = maskRunInto(text, copied, runStart, length, mask, out);
  }
  if (out === undefined) return text;
  if (copied < length) out.push(text.slice(copied));
  return out.join('');
}

/** Copies the text before the run, then the run masked; returns where copying stopped. */
function maskRunInto(
  text: string,
  copied: number,
  start: number,
  end: number,
  mask: string,
  out: string[],
): number {
  if (copied < start) out.push(text.slice(copied, start));
  // Masked characters read as separators, so a masked run can join the digits around them into a new ID-shaped window
  // (`10105194912310021010105194912310021`): a run that changed is masked again until nothing changes, so that masking
  // is idempotent. Each pass only adds mask characters, so this ends within the run's length.
  const pieces: string[] = [];
  maskRun(text, start, end, mask, pieces);
  let run = pieces.join('');
  if (run !== text.slice(start, end))
    for (let again = maskText(run, mask); again !== run; again = maskText(run, mask)) run = again;
  out.push(run);
  return end;
}
