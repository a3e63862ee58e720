/**
 * The decimal text of a number, as `String(value)` gives it, without V8's number-to-string cache. `String(n)` and
 * `${n}` remember each new text in a table that lives in the old generation, so the text is allocated there directly
 * and becomes old-generation garbage as soon as the table forgets it: writing 1.3 million indicator rows (five numbers
 * each) grew the heap by ≈ 80 MB before a major collection. `JSON.stringify` writes the same digits into a fresh
 * young string (and is faster).
 *
 * @param value - a number
 * @returns its text, equal to `String(value)` for every number (NaN and ±Infinity, rare, go through `String`)
 *
 * @example
 * ```ts
 * [numberText(26.5), numberText(-0), numberText(1e21), numberText(110105491231002), numberText(Number.NaN)];
 * //=> ['26.5', '0', '1e+21', '110105491231002', 'NaN']
 * ```
 */
export function numberText(value: number): string {
  return Number.isFinite(value) ? JSON.stringify(value) : String(value);
}
