// The classes of bytes that the byte reader (byte-records.ts) scans UTF-8 lines with, and its checks of one
// character: a table load per byte, a lead byte's class saying how many continuation bytes follow.

// Byte classes of the line scan: one table load per character (a UTF-8 lead byte jumps over its continuation bytes).
export const PLAIN = 0;
export const DELIMITER = 1;
export const LINE_FEED = 2;
export const RETURN = 3;
export const QUOTE = 4;
export const LEAD_OF_TWO = 5; // 110xxxxx: two bytes, one UTF-16 unit
export const LEAD_OF_THREE = 6; // 1110xxxx: three bytes, one UTF-16 unit (every Chinese character of the sheets)
export const LEAD_OF_FOUR = 7; // 11110xxx: four bytes, a surrogate pair (two UTF-16 units)
export const STRANGE = 8; // a continuation byte where a character starts, or a byte UTF-8 never holds: not plain

/** The line scan's class of every byte, for a sheet whose cells are split at `delimiter`. */
export function byteClasses(delimiter: number): Uint8Array {
  const classes = new Uint8Array(256).fill(STRANGE, 0x80);
  classes.fill(LEAD_OF_TWO, 0xc2, 0xe0);
  classes.fill(LEAD_OF_THREE, 0xe0, 0xf0);
  classes.fill(LEAD_OF_FOUR, 0xf0, 0xf5);
  classes[10] = LINE_FEED;
  classes[13] = RETURN;
  classes[34] = QUOTE;
  classes[delimiter] = DELIMITER;
  return classes;
}

// Byte classes of the scan to a line's end (lines that are not plain): one table load per byte, whatever the bytes.
export const CONTINUATION = 1; // 10xxxxxx: no UTF-16 unit of its own
export const FOUR_BYTE_LEAD = 3; // 11110xxx: a surrogate pair, two UTF-16 units for four bytes (not 2: that is LINE_FEED)

/** The scan to a line's end: the UTF-16 units each byte begins (continuation none, a four-byte lead two). */
export const UNIT_CLASSES = (() => {
  const classes = new Uint8Array(256);
  classes.fill(CONTINUATION, 0x80, 0xc0);
  classes.fill(FOUR_BYTE_LEAD, 0xf0);
  classes[10] = LINE_FEED;
  return classes;
})();

/** A UTF-8 continuation byte (10xxxxxx); `undefined` past the bytes' end is not. */
export function isContinuation(byte: number | undefined): boolean {
  return ((byte as number) & 0xc0) === 0x80;
}

/**
 * The three bytes at `at` (a lead byte 1110xxxx) are one character as a UTF-8 decoder reads it — no surrogate, no
 * overlong form — and not U+FFFD.
 */
export function isCharacterOfThree(bytes: Uint8Array, at: number): boolean {
  const lead = bytes[at] as number;
  const second = bytes[at + 1] as number;
  const third = bytes[at + 2];
  if (
    !isContinuation(third) ||
    second < (lead === 0xe0 ? 0xa0 : 0x80) ||
    second > (lead === 0xed ? 0x9f : 0xbf)
  )
    return false;
  return !(lead === 0xef && second === 0xbf && third === 0xbd);
}

/** The four bytes at `at` (a lead byte 0xf0–0xf4) are one character (U+10000–U+10FFFF, no overlong form). */
export function isCharacterOfFour(bytes: Uint8Array, at: number): boolean {
  const lead = bytes[at] as number;
  const second = bytes[at + 1] as number;
  return (
    second >= (lead === 0xf0 ? 0x90 : 0x80) &&
    second <= (lead === 0xf4 ? 0x8f : 0xbf) &&
    isContinuation(bytes[at + 2]) &&
    isContinuation(bytes[at + 3])
  );
}
