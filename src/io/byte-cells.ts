import { townshipKey } from '../codes/village-key.js';
import type { StatisticsFieldKind } from '../model/fields.js';
import { VALID_OF_KIND } from '../model/unit-statistics.js';
import { type CellValue, REJECTED, textCell } from './compiled-row.js';

// The cell converters of the byte reader (byte-records.ts): each reads a cell of a UTF-8 record straight from its
// bytes, and gives a value only where it is sure that the string converter of compiled-row.ts would give the same
// value for the cell's text. Anything else — a non-ASCII byte in a number, a spelling other than the common one, a
// value out of range — is NOT_PLAIN: the byte reader then hands the whole record to the string path, which decides
// (and says why when it rejects). So these converters never reject; they only accept the plain cases or decline.
// Each converts the non-empty cell `bytes[start, end)`, whose text (decoded with its line) is `text[textStart,
// textEnd)`: numbers, flags and kinds read the bytes, text fields take the text.

/** What a byte converter gives for a cell it does not read itself: the string path reads the record. */
export const NOT_PLAIN: unique symbol = Symbol('not plain');

/** A cell's value as compiled-row.ts gives it, or {@link NOT_PLAIN}. */
export type ByteCellValue = Exclude<CellValue, typeof REJECTED> | typeof NOT_PLAIN;

/** Up to 15 ASCII digits (below 2^53: the sum is exact): the integer, as `countCell` gives it. */
function countBytes(bytes: Uint8Array, start: number, end: number): ByteCellValue {
  if (end - start > 15) return NOT_PLAIN;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = (bytes[i] as number) - 48;
    if (digit < 0 || digit > 9) return NOT_PLAIN;
    value = value * 10 + digit;
  }
  return value;
}

/** ASCII digits with one or two decimals after a point that is not first, 15 bytes at most: as `areaCell` reads it. */
function areaBytes(bytes: Uint8Array, start: number, end: number): ByteCellValue {
  if (end - start > 15) return NOT_PLAIN;
  let value = 0;
  let point = -1;
  for (let i = start; i < end; i++) {
    const code = bytes[i] as number;
    if (code === 46 && point === -1 && i > start) point = i;
    else if (code >= 48 && code <= 57) value = value * 10 + (code - 48);
    else return NOT_PLAIN;
  }
  if (point === -1) return value;
  const decimals = end - point - 1;
  if (decimals === 1) return value / 10;
  if (decimals === 2) return value / 100;
  return NOT_PLAIN;
}

/** True when the cell's bytes are exactly `word`'s. */
function bytesAre(bytes: Uint8Array, start: number, end: number, word: Uint8Array): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (bytes[start + i] !== word[i]) return false;
  return true;
}

const utf8 = (word: string) => new TextEncoder().encode(word);
const YES = utf8('是');
const NO = utf8('否');
const COMMUNITY = utf8('居委会');
const VILLAGE = utf8('村委会');

function flagBytes(bytes: Uint8Array, start: number, end: number): ByteCellValue {
  if (bytesAre(bytes, start, end, YES)) return true;
  if (bytesAre(bytes, start, end, NO)) return false;
  return NOT_PLAIN;
}

function unitKindBytes(bytes: Uint8Array, start: number, end: number): ByteCellValue {
  if (bytesAre(bytes, start, end, COMMUNITY)) return 'community';
  if (bytesAre(bytes, start, end, VILLAGE)) return 'village';
  return NOT_PLAIN;
}

/** True when every byte of the cell is an ASCII digit. */
function allDigits(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = bytes[i] as number;
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** A valid 12-digit village-level code (what `codeCell` takes without its cell reader): the code's text. */
function codeBytes(bytes: Uint8Array, start: number, end: number): ByteCellValue {
  if (end - start !== 12 || !allDigits(bytes, start, end)) return NOT_PLAIN;
  const b = bytes;
  const s = start;
  // Twelve arguments at once: one flat one-byte string, no intermediate pieces.
  const code = String.fromCharCode(
    b[s] as number,
    b[s + 1] as number,
    b[s + 2] as number,
    b[s + 3] as number,
    b[s + 4] as number,
    b[s + 5] as number,
    b[s + 6] as number,
    b[s + 7] as number,
    b[s + 8] as number,
    b[s + 9] as number,
    b[s + 10] as number,
    b[s + 11] as number,
  );
  return townshipKey(code) >= 0 ? code : NOT_PLAIN;
}

/** Three ASCII digits that are an urban-rural code. */
function urbanRuralBytes(bytes: Uint8Array, start: number, end: number): ByteCellValue {
  if (end - start !== 3 || !allDigits(bytes, start, end)) return NOT_PLAIN;
  const code = String.fromCharCode(
    bytes[start] as number,
    bytes[start + 1] as number,
    bytes[start + 2] as number,
  );
  return VALID_OF_KIND.urbanRural(code) ? code : NOT_PLAIN;
}

/** Four ASCII digits that are a year in range. */
function yearBytes(bytes: Uint8Array, start: number, end: number): ByteCellValue {
  if (end - start !== 4 || !allDigits(bytes, start, end)) return NOT_PLAIN;
  const value = countBytes(bytes, start, end);
  return VALID_OF_KIND.year(value) ? value : NOT_PLAIN;
}

/** A text field: its text, read as compiled-row.ts reads it (trimmed; a damaged character declined). */
function textOfCell(
  _bytes: Uint8Array,
  _start: number,
  _end: number,
  text: string,
  textStart: number,
  textEnd: number,
): ByteCellValue {
  const value = textCell(text.slice(textStart, textEnd));
  return value === REJECTED ? NOT_PLAIN : value;
}

/** A number for each kind of field, for {@link convertByteCell}'s switch. */
export const BYTE_KIND_CODE: Readonly<Record<StatisticsFieldKind, number>> = {
  code: 0,
  text: 1,
  unitKind: 2,
  urbanRural: 3,
  year: 4,
  count: 5,
  area: 6,
  flag: 7,
};

/**
 * Converts a non-empty cell of a field of kind `kindCode` ({@link BYTE_KIND_CODE}): one switch, so that each call is
 * a direct one (inlined where V8 sees fit) rather than a call through a table of eight functions.
 */
export function convertByteCell(
  kindCode: number,
  bytes: Uint8Array,
  start: number,
  end: number,
  text: string,
  textStart: number,
  textEnd: number,
): ByteCellValue {
  switch (kindCode) {
    case 5:
      return countBytes(bytes, start, end);
    case 6:
      return areaBytes(bytes, start, end);
    case 7:
      return flagBytes(bytes, start, end);
    case 0:
      return codeBytes(bytes, start, end);
    case 2:
      return unitKindBytes(bytes, start, end);
    case 1:
      return textOfCell(bytes, start, end, text, textStart, textEnd);
    case 3:
      return urbanRuralBytes(bytes, start, end);
    default:
      return yearBytes(bytes, start, end);
  }
}

/**
 * Reads the common spelling of a count, an area or a flag at `at` straight into `into[slot]`, in one pass over its
 * bytes (no scan for the cell's end first): ASCII digits (with one or two decimals for an area, 15 bytes at most), or
 * 是/否. Returns the position after what it read — the caller takes the value only when a delimiter or the line's end
 * is there (else the cell is longer: it scans the cell and converts it with {@link convertByteCell}, which gives this
 * same value for these spellings) — or -1 for any other cell, which the caller converts as well.
 */
export function readPlainAt(
  kindCode: number,
  bytes: Uint8Array,
  at: number,
  into: CellValue[],
  slot: number,
): number {
  if (kindCode === 7) {
    const lead = bytes[at];
    if (lead === 0xe6 && bytes[at + 1] === 0x98 && bytes[at + 2] === 0xaf)
      into[slot] = true; // 是
    else if (lead === 0xe5 && bytes[at + 1] === 0x90 && bytes[at + 2] === 0xa6)
      into[slot] = false; // 否
    else return -1;
    return at + 3;
  }
  if (kindCode !== 5 && kindCode !== 6) return -1;
  let value = 0;
  let p = at;
  let code = bytes[p] as number;
  while (code >= 48 && code <= 57) {
    value = value * 10 + (code - 48);
    code = bytes[++p] as number;
  }
  if (p === at) return -1;
  let decimals = 0;
  if (code === 46 && kindCode === 6) {
    code = bytes[++p] as number;
    while (code >= 48 && code <= 57) {
      value = value * 10 + (code - 48);
      decimals++;
      code = bytes[++p] as number;
    }
    if (decimals !== 1 && decimals !== 2) return -1;
  }
  if (p - at > 15) return -1;
  into[slot] = decimals === 0 ? value : decimals === 1 ? value / 10 : value / 100;
  return p;
}

/** The kind code of a flag, whose common spellings (是/否) are one character of three bytes (one UTF-16 unit). */
export const FLAG_KIND_CODE = 7;
