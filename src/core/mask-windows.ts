/**
 * How the masker reads one run of ID characters: where in it an ID number (GB 11643: 18, 17 or 15 characters) starts.
 * Separate from mask.ts, which finds the runs in a text.
 */

/** The shortest run of ID characters the masker reads closely (a 15-digit first-generation number). */
export const SHORTEST_RUN = 15;

/** Province-level prefixes of an address code: GB/T 2260 (11–82) and 83 (港澳台居民居住证 of Taiwan residents). */
const PROVINCES = new Uint8Array(100);
for (const code of [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 83,
])
  PROVINCES[code] = 1;

/** Highest day of each month; 29 for February in any year (a masker errs on the side of hiding). */
const MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function plausibleDate(v: ArrayLike<number>, at: number, century: number): boolean {
  const month = (v[at + 2] as number) * 10 + (v[at + 3] as number);
  const day = (v[at + 4] as number) * 10 + (v[at + 5] as number);
  if (century !== 18 && century !== 19 && century !== 20) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= (MONTH_DAYS[month] as number);
}

function allDigits(v: ArrayLike<number>, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((v[i] as number) > 9) return false;
  return true;
}

/**
 * Length of the ID number starting at `i` of the value sequence `v` (18, 17 or 15), or 0. An 18-character number: an
 * address code with a known province, a birth date YYYYMMDD of 18xx–20xx, 3 digits and a digit or X. A 17-digit one
 * (where the sequence ends): the same without its check character, which anyone can compute again. A 15-digit one:
 * the address code, YYMMDD, 3 digits. The check character is not verified: a mistyped number is still personal.
 * `allowShort` false (a decimal's fraction) reads 18-character numbers only.
 */
function idLengthAt(v: ArrayLike<number>, i: number, n: number, allowShort = true): 18 | 17 | 15 | 0 {
  if (n - i < 15 || (PROVINCES[(v[i] as number) * 10 + (v[i + 1] as number)] ?? 0) === 0) return 0;
  if (
    n - i >= 17 &&
    (n - i >= 18 || allowShort) &&
    allDigits(v, i, i + 17) &&
    plausibleDate(v, i + 8, (v[i + 6] as number) * 10 + (v[i + 7] as number))
  )
    return n - i >= 18 ? 18 : 17;
  return allowShort && allDigits(v, i, i + 15) && plausibleDate(v, i + 6, 19) ? 15 : 0;
}

/** Marks in `hidden` the birth dates of the ID numbers whose first character is in [from, to) of `values`. */
export function hideDates(
  values: readonly number[],
  at: readonly number[],
  range: { from: number; to: number; allowShort: boolean },
  hidden: Uint8Array,
  start: number,
): void {
  for (let i = range.from; i + 15 <= range.to; i++) {
    const length = idLengthAt(values, i, range.to, range.allowShort);
    // The birth date (8 digits, or 6 in a 15-digit number) goes; the address code and the rest stay readable.
    for (let k = 6; k < (length === 15 ? 12 : length === 0 ? 6 : 14); k++)
      hidden[(at[i + k] as number) - start] = 1;
  }
}
