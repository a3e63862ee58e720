/** GB 11714 weights for the 8 body characters. */
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Value of a GB 11714 body character: 0–9 → 0–9, A–Z → 10–35; -1 otherwise. */
export function organizationCharacterValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

/** Check character of 8 body characters starting at `start` of `value`, or '' when one is not 0–9/A–Z. */
export function organizationCheckAt(value: string, start: number): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = organizationCharacterValue(value.charCodeAt(start + i));
    if (v < 0) return '';
    sum += v * (WEIGHTS[i] as number);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * The GB 11714 check character of an organisation code (组织机构代码), the 9th character, from the first 8
 * (digits and upper-case letters; A = 10 … Z = 35; weights 3 7 9 10 5 8 4 2; C9 = 11 − S mod 11, 10 → X, 11 → 0).
 * It is embedded in every 统一社会信用代码 at positions 9–17.
 *
 * @param first8 - the 8 body characters
 * @returns `'0'`–`'9'` or `'X'`; `''` when the input is not 8 characters of 0–9 and A–Z
 *
 * @example
 * ```ts
 * import { organizationCodeCheckCharacter } from 'shequ';
 * organizationCodeCheckCharacter('19220382');
 * //=> '1'
 * ```
 */
export function organizationCodeCheckCharacter(first8: unknown): string {
  if (typeof first8 !== 'string' || first8.length !== 8) return '';
  return organizationCheckAt(first8, 0);
}
