/**
 * A number for a unit code that orders as the code orders as a JS string, so that findings are sorted and merged by
 * comparing numbers instead of strings. A statistics code (统计用区划代码) is 12 ASCII digits and a region's 2–9;
 * such a code is read as the 12-digit number its digits start (zeros after them) and its length is kept beside it:
 * `key = digits·10^(12−length) · 16 + length`. Two digit strings compare as their first differing digit does, or,
 * when one is a prefix of the other, the shorter first — exactly what the padded number and then the length give.
 * The largest key, 999 999 999 999·16 + 12, is below 2^53: every key is an exact integer. Any other string (a letter,
 * more than 12 characters) has no key (NaN) and is compared as a string; since both orders are JS string order, the
 * two kinds mix in one sort.
 */

/** Most characters a code with a numeric key has. */
const DIGITS = 12;
/** 10^12: the padded digits of a code. */
const SCALE = 1e12;

/**
 * The order-preserving key of `unit`, or NaN when it is not 0–12 ASCII digits.
 *
 * @param unit - a unit's code as a finding gives it
 * @returns the key: for keys `a`, `b` of strings `x`, `y`, `a < b` exactly when `x < y`
 */
export function unitKey(unit: string): number {
  const length = unit.length;
  if (length > DIGITS) return Number.NaN;
  let digits = 0;
  for (let i = 0; i < length; i++) {
    const digit = unit.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    digits = digits * 10 + digit;
  }
  // Each step stays an exact integer: digits < 10^12 and the scale a power of ten.
  return digits * (SCALE / 10 ** length) * 16 + length;
}

/**
 * The code a key was made of (the inverse of {@link unitKey} on its keys).
 *
 * @param key - a key from {@link unitKey} (not NaN)
 * @returns the code
 */
export function unitOfKey(key: number): string {
  const length = key % 16;
  if (length === 0) return '';
  const padded = String((key - length) / 16).padStart(DIGITS, '0');
  return padded.slice(0, length);
}

/**
 * JS string order of two units given with their keys (NaN: compare the strings, making the code of a key where the
 * other has none).
 *
 * @returns negative, 0 or positive
 */
export function compareUnits(keyA: number, unitA: () => string, keyB: number, unitB: () => string): number {
  if (keyA === keyB) return 0;
  // Both keys are numbers (NaN is not equal to itself, so a NaN pair goes to the strings).
  if (!Number.isNaN(keyA) && !Number.isNaN(keyB)) return keyA < keyB ? -1 : 1;
  const a = unitA();
  const b = unitB();
  return a < b ? -1 : a > b ? 1 : 0;
}
