/**
 * A finding's `index` in its JSON bytes: found when the finding is added to a range's runs (where its digits begin),
 * written shifted when the ranges are merged (each range counts its rows from 0; see validate-parallel.ts).
 */

const INDEX_KEY = new TextEncoder().encode(',"index":');
/** The key's `x`, the byte the search looks for (once per finding, in its first ≈ 80 bytes). */
const INDEX_X = 0x78;
const X_AT = INDEX_KEY.indexOf(INDEX_X);

/**
 * Where the digits of a finding's `index` begin in its JSON bytes: after the first `,"index":` (the key that
 * follows `rule`, `severity` and `unit`; inside a string every quote is escaped, so no string holds the pattern).
 * Checked against the index itself: a text not shaped so is a bug, never silently shifted wrong.
 */
export function indexDigitsAt(body: Uint8Array, index: number): number {
  const digits = String(index);
  const last = body.length - (INDEX_KEY.length - X_AT) - digits.length;
  let at = -1;
  for (let x = X_AT; x <= last; x++) {
    if (body[x] !== INDEX_X) continue;
    let k = 0;
    while (k < INDEX_KEY.length && body[x - X_AT + k] === INDEX_KEY[k]) k++;
    if (k === INDEX_KEY.length) {
      at = x - X_AT + INDEX_KEY.length;
      break;
    }
  }
  let k = 0;
  while (at >= 0 && k < digits.length && body[at + k] === digits.charCodeAt(k)) k++;
  const next = body[at + k];
  if (at < 0 || k < digits.length || (next !== 0x2c && next !== 0x7d))
    throw new Error(`shequ: no index ${digits} in a finding's JSON`);
  return at;
}

/** Writes the ASCII digits of a non-negative integer at `at`; returns the byte after them. */
export function writeDigits(block: Uint8Array, at: number, digits: string): number {
  for (let k = 0; k < digits.length; k++) block[at + k] = digits.charCodeAt(k);
  return at + digits.length;
}
