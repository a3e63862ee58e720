import { createIssue } from './issue.js';
import { failure, type Result, success } from './result.js';

/**
 * An as-of date: a `Date` (an instant, read in China's time zone, UTC+8) or a calendar date `'YYYY-MM-DD'`.
 *
 * @example
 * ```ts
 * import type { AsOfInput } from 'shequ';
 * const asOf: AsOfInput = '2025-12-31';
 * ```
 */
export type AsOfInput = Date | string;

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

function chinaCalendarDate(instant: Date): string {
  // China has kept UTC+8 without daylight saving since 1992, so a fixed offset is exact for every as-of date.
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * True when `text` is a calendar date written `YYYY-MM-DD` (years 0001–9999) that exists: no 2025-02-29, no month 13.
 * Written out rather than taken from date-fns's `isMatch`, whose format parser costs a tenth of a second to load.
 */
export function isIsoCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

/**
 * The calendar date `years` years after a `YYYY-MM-DD` date, as date-fns's `addYears` counts them: the same month
 * and day, and 29 February becomes 28 February in a year that has no 29th.
 */
export function addYearsToIsoDate(date: string, years: number): string {
  const year = String(Number(date.slice(0, 4)) + years).padStart(4, '0');
  const moved = `${year}${date.slice(4)}`;
  return isIsoCalendarDate(moved) ? moved : `${year}-02-28`;
}

/**
 * Today's date in China (Asia/Shanghai), as `'YYYY-MM-DD'`.
 *
 * @param now - the current instant (a parameter so that tests can fix it)
 * @returns the calendar date in China at that instant
 *
 * @example
 * ```ts
 * import { todayInChina } from 'shequ';
 * todayInChina(new Date('2025-12-31T16:30:00Z'));
 * //=> '2026-01-01'
 * ```
 */
export function todayInChina(now: Date = new Date()): string {
  // Anything but a valid Date whose China date is representable means now.
  return chinaCalendarDate(hasChinaDate(now) ? now : new Date());
}

/** The first and the last instant of the years 0001–9999, the years a `'YYYY-MM-DD'` date has (UTC). */
const FIRST_DATE_MS = Date.parse('0001-01-01T00:00:00.000Z');
const LAST_DATE_MS = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * Whether an instant (ms since 1970, UTC) falls in the years 0001–9999, so that its date is written `YYYY-MM-DD`
 * (toISOString gives an expanded year, `+012345-…`, outside them). False for NaN.
 *
 * @param ms - the instant
 * @returns whether its UTC date has a four-digit year
 *
 * @example
 * ```ts
 * [inIsoDateYears(0), inIsoDateYears(Date.parse('+012345-01-01T00:00:00Z')), inIsoDateYears(Number.NaN)];
 * //=> [true, false, false]
 * ```
 */
export function inIsoDateYears(ms: number): boolean {
  return ms >= FIRST_DATE_MS && ms <= LAST_DATE_MS;
}

/**
 * Whether `value` is a valid Date whose calendar date in China is a `'YYYY-MM-DD'` date (years 0001–9999): never a
 * RangeError from toISOString (the last valid instant, +275760-09-13, plus eight hours is not a Date any more), never
 * an expanded year (`+275760-09-13`) cut to ten characters.
 */
function hasChinaDate(value: unknown): value is Date {
  if (!(value instanceof Date)) return false;
  return inIsoDateYears(value.getTime() + CHINA_OFFSET_MS);
}

/**
 * Resolves an `asOf` option to a calendar date `'YYYY-MM-DD'` in China's time zone; omitted means today in China.
 *
 * @param asOf - a `Date`, a `'YYYY-MM-DD'` string, or `undefined`
 * @returns the date, or an `invalid_date` issue on path `['asOf']`
 *
 * @example
 * ```ts
 * import { resolveAsOf } from 'shequ';
 * resolveAsOf('2025-06-30');
 * //=> { success: true, data: '2025-06-30' }
 * resolveAsOf(new Date('2025-06-30T20:00:00Z'));
 * //=> { success: true, data: '2025-07-01' }
 * resolveAsOf('2025-02-30').success;
 * //=> false
 * ```
 */
export function resolveAsOf(asOf?: AsOfInput): Result<string> {
  if (asOf === undefined) return success(todayInChina());
  if (asOf instanceof Date) {
    // A Date whose China date is not a YYYY-MM-DD date (past year 9999, before year 1): invalid, not a throw.
    if (hasChinaDate(asOf)) return success(chinaCalendarDate(asOf));
  } else if (typeof asOf === 'string' && isIsoCalendarDate(asOf)) {
    return success(asOf);
  }
  return failure([
    createIssue(
      'invalid_date',
      {
        zh: '基准日期（asOf）应为有效的 Date 或 YYYY-MM-DD 格式的日期',
        en: "asOf must be a valid Date or a 'YYYY-MM-DD' date",
      },
      { path: ['asOf'] },
    ),
  ]);
}
