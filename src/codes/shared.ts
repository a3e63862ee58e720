import { createIssue, type Issue } from '../core/issue.js';

/** The issue every code validator gives for a non-string input. */
export function notAStringIssue(what: { readonly zh: string; readonly en: string }, input: unknown): Issue {
  const received = input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input;
  return createIssue('invalid_type', {
    zh: `${what.zh}应为字符串，实际为 ${received}`,
    en: `${what.en} must be a string, received ${received}`,
  });
}

/** True when every character of `value` from `start` (inclusive) to `end` (exclusive) is an ASCII digit. */
export function allDigits(value: string, start = 0, end = value.length): boolean {
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Index of the first character in [start, end) that is not an ASCII digit, or -1. */
export function firstNonDigit(value: string, start = 0, end = value.length): number {
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return i;
  }
  return -1;
}

/**
 * GB/T 2260 province-level codes (the first two digits of every division code, ID number address and credit-code
 * registering office). Stable since 1997 (50 重庆); 71 台湾, 81 香港, 82 澳门 included.
 */
export const PROVINCE_CODE_LIST: readonly string[] = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
];
const PROVINCE_CODES = new Set(PROVINCE_CODE_LIST);

/**
 * True when `twoDigits` is a GB/T 2260 province-level code.
 *
 * @param twoDigits - the first two digits of a code
 * @returns whether a province has that code
 *
 * @example
 * ```ts
 * import { isProvinceCode } from 'shequ/codes';
 * isProvinceCode('13');
 * //=> true
 * isProvinceCode('00');
 * //=> false
 * ```
 */
export function isProvinceCode(twoDigits: string): boolean {
  return PROVINCE_CODES.has(twoDigits);
}

/**
 * True when `twoDigits` can open a 公民身份号码: a GB/T 2260 province code, or 83 — the numbers of the 台湾居民居住证
 * (as 81/82 are of the 港澳居民居住证, which are GB/T 2260's 香港/澳门 codes). 83 is not a division: division codes
 * still use {@link isProvinceCode}.
 *
 * @param twoDigits - the first two digits of an ID number
 * @returns whether an ID number may start with them
 *
 * @example
 * ```ts
 * isIdNumberProvince('83');
 * //=> true
 * isProvinceCode('83');
 * //=> false
 * ```
 */
export function isIdNumberProvince(twoDigits: string): boolean {
  return twoDigits === '83' || PROVINCE_CODES.has(twoDigits);
}
