/**
 * The byte buffer that rows are written into, and the writers of values that need no escaping: numbers in their
 * plain decimal form and strings their format leaves as they are (UTF-8, a byte at a time), and the bytes of recent
 * strings (json-bytes.ts and csv-bytes.ts share them).
 */
import { isIdCharacter } from '../core/mask.js';
import { RecurrenceSample } from './recurrence.js';

const encoder = new TextEncoder();
/** Copies up to this many bytes go byte by byte (see {@link ByteOutput.copy}). */
const SHORT_COPY = 32;

/**
 * A growable byte buffer that rows are written into: a writer appends, then hands `bytes.subarray(0, used)` on and
 * sets `used` back to 0 to reuse the array.
 *
 * @example
 * ```ts
 * import { ByteOutput } from 'shequ/report';
 * const out = new ByteOutput();
 * out.text('社区');
 * new TextDecoder().decode(out.bytes.subarray(0, out.used));
 * //=> '社区'
 * ```
 */
export class ByteOutput {
  /** The bytes; valid up to {@link ByteOutput.used}. */
  bytes: Uint8Array;
  /** Bytes written. */
  used = 0;

  /**
   * @param size - the first size of the array in bytes (it doubles when full)
   */
  constructor(size = 1 << 16) {
    this.bytes = new Uint8Array(size);
  }

  /**
   * Makes room for `count` more bytes.
   *
   * @param count - bytes about to be written
   */
  reserve(count: number): void {
    if (this.used + count <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.used + count));
    grown.set(this.bytes.subarray(0, this.used));
    this.bytes = grown;
  }

  /**
   * Appends one byte (room reserved by the caller with {@link ByteOutput.reserve}).
   *
   * @param value - the byte
   */
  byte(value: number): void {
    this.bytes[this.used++] = value;
  }

  /**
   * Appends bytes (copied).
   *
   * @param bytes - the bytes
   */
  copy(bytes: Uint8Array): void {
    const length = bytes.length;
    this.reserve(length);
    if (length > SHORT_COPY) this.bytes.set(bytes, this.used);
    else {
      // A short copy byte by byte: cheaper than the call into `set` for a key or a code.
      const into = this.bytes;
      let at = this.used;
      for (let i = 0; i < length; i++) into[at++] = bytes[i] as number;
    }
    this.used += length;
  }

  /**
   * Appends text as UTF-8.
   *
   * @param text - the text
   */
  text(text: string): void {
    this.reserve(text.length * 3); // UTF-8 takes at most 3 bytes per UTF-16 code unit
    this.used += encoder.encodeInto(text, this.bytes.subarray(this.used)).written;
  }
}

/** How many recent strings a {@link RecentBytes} keeps. */
const RECENT = 8;
/**
 * Longer strings are not remembered (see {@link RecentBytes.rememberWritten}): a rule's source document, ≈ 100
 * characters, recurs on every CSV line of its rule's findings. At 64 each was masked, quoted and encoded anew: in a
 * profile of a `validate --format csv` thread on the national file, the masker's self time went from 305 to 147 ms.
 */
const REMEMBERED_LENGTH = 256;
const NO_BYTES = new Uint8Array(0);

/**
 * The bytes of the last few strings written under one key or in one column (a region's code, name and level recur on
 * its rows; an indicator's id, a unit, a status take turns), so that each is scanned and encoded once. A ring of
 * {@link RECENT}, not a map: a key of many values (a region's code) would keep thousands alive long enough to reach
 * the old generation, whose garbage then grows until a full collection (+55 MB at 3 M rows, measured).
 */
export class RecentBytes {
  private readonly values: unknown[] = new Array<unknown>(RECENT).fill(undefined);
  private readonly bytes: Uint8Array[] = new Array<Uint8Array>(RECENT).fill(NO_BYTES);
  /** Where the last string found or remembered is (looked at first). */
  private last = 0;
  /** Where the next string goes: the oldest. */
  private next = 0;
  /**
   * Whether the strings looked up recur: when they do not (a finding's message), copying each one's bytes to remember
   * it is garbage for nothing, and the ring is no longer looked at.
   */
  private readonly recurrence = new RecurrenceSample();

  /**
   * The bytes remembered for `value`, or undefined.
   *
   * @param value - the string
   * @returns its bytes as written before
   */
  find(value: string): Uint8Array | undefined {
    if (this.recurrence.rare) return undefined;
    const found = this.lookup(value);
    this.recurrence.record(found !== undefined);
    return found;
  }

  private lookup(value: string): Uint8Array | undefined {
    if (this.values[this.last] === value) return this.bytes[this.last];
    for (let j = 0; j < RECENT; j++) {
      if (this.values[j] === value) {
        this.last = j;
        return this.bytes[j];
      }
    }
    return undefined;
  }

  /**
   * Remembers the bytes just written for a string — `out`'s bytes from `start` — when it is short enough to recur
   * (at most {@link REMEMBERED_LENGTH} characters: a name, a code, an id, a rule's source; longer text rarely repeats) and
   * while the strings looked up recur (see {@link RecentBytes.find}).
   *
   * @param value - the string written
   * @param out - where it was written
   * @param start - where its bytes begin in `out`
   */
  rememberWritten(value: string, out: ByteOutput, start: number): void {
    if (!this.recurrence.rare && value.length <= REMEMBERED_LENGTH)
      this.remember(value, out.bytes.slice(start, out.used));
  }

  /**
   * Remembers the bytes of a string, in place of the oldest.
   *
   * @param value - the string
   * @param bytes - its bytes (kept: not to be changed after)
   */
  remember(value: string, bytes: Uint8Array): void {
    const at = this.next;
    this.values[at] = value;
    this.bytes[at] = bytes;
    this.last = at;
    this.next = (at + 1) % RECENT;
  }
}

/** Integers below this are written digit by digit: at most 13 digits and a sign, never masked (15+ characters). */
const PLAIN_INTEGER = 1e13;
/** Non-integers below this with at most two decimals are written digit by digit (14 characters at most). */
const PLAIN_DECIMAL = 1e10;

/** Writes a non-negative integer below {@link PLAIN_INTEGER}. */
function writeDigits(out: ByteOutput, value: number): void {
  let digits = 1;
  for (let power = 10; power <= value; power *= 10) digits++;
  out.reserve(digits);
  let at = out.used + digits;
  out.used = at;
  const bytes = out.bytes;
  let rest = value;
  while (rest >= 10) {
    const next = Math.floor(rest / 10);
    bytes[--at] = 48 + (rest - next * 10);
    rest = next;
  }
  bytes[at - 1] = 48 + rest;
}

/**
 * Writes a number as `String` would, when it is an integer below 10^13 or has at most two decimals below 10^10 (such a
 * number's shortest round-trip text is its two-decimal form: any shorter decimal is 0.01 away, far beyond its
 * precision); returns false for any other number, written by the caller through the text path.
 */
export function writePlainNumber(out: ByteOutput, value: number): boolean {
  const size = value < 0 ? -value : value;
  if (Number.isInteger(size)) {
    if (size >= PLAIN_INTEGER) return false;
    out.reserve(1);
    if (value < 0) out.byte(0x2d); // -0 is an integer whose sign JSON drops: value < 0 is false for it
    writeDigits(out, size);
    return true;
  }
  if (!(size < PLAIN_DECIMAL)) return false; // NaN and infinities too
  const hundredths = Math.round(size * 100);
  if (hundredths / 100 !== size) return false;
  const whole = Math.floor(size);
  const fraction = hundredths - whole * 100;
  out.reserve(1);
  if (value < 0) out.byte(0x2d);
  writeDigits(out, whole);
  out.reserve(3);
  out.byte(0x2e);
  const tens = Math.floor(fraction / 10);
  const ones = fraction - tens * 10;
  out.byte(48 + tens);
  if (ones !== 0) out.byte(48 + ones);
  return true;
}

/**
 * Writes ASCII text (a number's text, a masked one) a byte at a time: for a few characters cheaper than the encoder.
 * Each UTF-16 code unit is taken as one byte, so the text must be ASCII.
 *
 * @param out - where the bytes go
 * @param text - ASCII text
 *
 * @example
 * ```ts
 * const out = new ByteOutput();
 * writeAscii(out, '26.03093883357041');
 * out.used;
 * //=> 17
 * ```
 */
export function writeAscii(out: ByteOutput, text: string): void {
  const length = text.length;
  out.reserve(length);
  const bytes = out.bytes;
  let at = out.used;
  for (let i = 0; i < length; i++) bytes[at++] = text.charCodeAt(i);
  out.used = at;
}

/**
 * Writes a string that its format leaves as it is, as its UTF-8 bytes — between double quotes when `quoted` — and
 * returns false, writing nothing, for any other: one holding a control character (below U+0020), a surrogate (a pair
 * is left to the encoder), `forbidden` or `forbiddenToo` (what the format escapes or quotes: `"` and `\` in JSON,
 * `"` and `,` in CSV), or 15 or more digits and X's of any script (so it holds no ID-shaped run, and masking leaves
 * it as it is: see `isIdCharacter`). Most strings of a table or a report are such — a finding's Chinese message, a
 * name, a code — and skip the masker, the format's escaping and the encoder.
 *
 * @param out - where the bytes go
 * @param text - the string
 * @param forbidden - an ASCII character the format escapes or quotes
 * @param forbiddenToo - another
 * @param quoted - whether the bytes go between double quotes
 * @returns whether the string was written
 *
 * @example
 * ```ts
 * const out = new ByteOutput();
 * [writePlainText(out, '西上泽村', 0x22, 0x5c, true), writePlainText(out, 'a"b', 0x22, 0x5c, true)];
 * //=> [true, false]
 * ```
 */
export function writePlainText(
  out: ByteOutput,
  text: string,
  forbidden: number,
  forbiddenToo: number,
  quoted: boolean,
): boolean {
  const length = text.length;
  out.reserve(length * 3 + 2);
  const bytes = out.bytes;
  let at = out.used;
  if (quoted) bytes[at++] = 0x22;
  let idCharacters = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c < 0x20 || c === forbidden || c === forbiddenToo) return false;
      if ((c >= 48 && c <= 57) || c === 88 || c === 120) idCharacters++;
      bytes[at++] = c;
    } else if (c < 0x800) {
      if (isIdCharacter(c)) idCharacters++; // Arabic-Indic digits are read as digits too
      bytes[at++] = 0xc0 | (c >> 6);
      bytes[at++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) return false;
      if (isIdCharacter(c)) idCharacters++;
      bytes[at++] = 0xe0 | (c >> 12);
      bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[at++] = 0x80 | (c & 0x3f);
    }
  }
  // Counted, not checked per character: a text of many digits is rare, and the bytes past `used` are not yet written.
  if (idCharacters >= 15) return false;
  if (quoted) bytes[at++] = 0x22;
  out.used = at;
  return true;
}
