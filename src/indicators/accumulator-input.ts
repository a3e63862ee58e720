// What the accumulator reads of its options and of each row: the profile and the year of rows without one, resolved
// once; the slot a row is summed in; the year a row is counted in; whether its code was counted already.
import { DIVISION_LEVELS, type DivisionLevel } from '../codes/division-code.js';
import { divisionLevelIndex, slotKeyOfCode, townshipKey } from '../codes/village-key.js';
import { invalidOption } from '../core/guard.js';
import { createIssue, type Issue } from '../core/issue.js';
import { ShequError } from '../core/result.js';
import { STATISTICS_YEAR_RANGE } from '../model/fields.js';
import { CODE_LEVELS_OF_KIND, unitKindOfTotal } from '../model/row-kind-predicates.js';
import { type UnitStatistics, VALID_OF_KIND } from '../model/unit-statistics.js';
import type { IndicatorAccumulatorOptions } from './parts.js';
import { unknownProfileText } from './profile-issue.js';
import { type IndicatorProfileName, resolveIndicatorProfile } from './profiles.js';
import { TOTAL_ROW } from './total-store.js';
import type { IndicatorProfile } from './types.js';
import { createUnitRegistry, FIRST_TIME, type UnitRegistry } from './unit-registry.js';

/**
 * Resolves the profile option once: the default is national; an unknown name or a malformed profile is an error (a
 * {@link shequ!ShequError} with an `invalid_option` issue), never a silent fall-back to another profile.
 */
export function profileOf(options: unknown): IndicatorProfile {
  let given: unknown;
  try {
    given = options === undefined ? undefined : (options as IndicatorAccumulatorOptions | null)?.profile;
  } catch {
    given = Symbol('unreadable');
  }
  if (options !== undefined && (options === null || typeof options !== 'object'))
    given = Symbol('not options');
  const profile = resolveIndicatorProfile(given === undefined ? 'national' : (given as IndicatorProfileName));
  if (profile !== undefined) return profile;
  const shown = typeof given === 'symbol' ? 'a value that is not a profile' : given;
  throw new ShequError([createIssue('invalid_option', unknownProfileText(shown), { path: ['profile'] })]);
}

/** The slot a row is summed in: a unit's township (its code's 9 first digits), the slot of {@link slotKeyOfRow}. */
export function rowSlotKey(row: UnitStatistics | null | undefined): number {
  const unit = row?.kind === 'community' || row?.kind === 'village';
  return unit ? townshipKey((row as UnitStatistics).code) : slotKeyOfRow(row);
}

/** The slot key of a row that is not a unit: its township's, its county's (a district), or TOTAL_ROW, or -1. */
export function slotKeyOfRow(row: UnitStatistics | null | undefined): number {
  const kind = row?.kind;
  if (kind === undefined || !Object.hasOwn(CODE_LEVELS_OF_KIND, kind)) return -1;
  const level = divisionLevelIndex(row?.code);
  if (level < 0 || !CODE_LEVELS_OF_KIND[kind].includes(DIVISION_LEVELS[level] as DivisionLevel)) return -1;
  if (unitKindOfTotal(kind) !== undefined) return TOTAL_ROW;
  return slotKeyOfCode(row?.code);
}

/** The `year` option: a year of the statistics range, or absent; anything else is an error. */
export function defaultYearOf(options: unknown): number | undefined {
  let year: unknown;
  try {
    year = (options as IndicatorAccumulatorOptions | undefined)?.year;
  } catch {
    year = Symbol('unreadable');
  }
  if (year === undefined || VALID_OF_KIND.year(year)) return year as number | undefined;
  throw new ShequError([invalidYearOption()]);
}

/** The issue of a `year` option that is not a year. */
export function invalidYearOption(): Issue {
  return invalidOption(
    ['year'],
    `year 应为 ${STATISTICS_YEAR_RANGE.min}–${STATISTICS_YEAR_RANGE.max} 的整数年份`,
    `year must be a whole year from ${STATISTICS_YEAR_RANGE.min} to ${STATISTICS_YEAR_RANGE.max}`,
  );
}

/** The year a row is counted in: its own, else `fallback` (0: none); -1 for a `year` that is not a year. */
export function yearOfRow(row: UnitStatistics | null | undefined, fallback: number): number {
  const year: unknown = row?.year;
  if (year === undefined) return fallback;
  return VALID_OF_KIND.year(year) ? (year as number) : -1;
}

/**
 * Finds the rows whose code was counted already in their year (rows without one in `fallbackYear`), as an
 * accumulator's `addAt` finds them but without summing anything: {@link FIRST_TIME}, or the position (as given) of
 * the row counted. Totals, and rows an accumulator cannot place, are never repeats here (it says what they are).
 * `shequ evaluate` leaves the repeats out of the rows it evaluates, each said with where the first was.
 */
export function createRepeatFinder(
  fallbackYear: number | undefined,
): (row: UnitStatistics, position: number) => number {
  const byYear = new Map<number, UnitRegistry>();
  return (row, position) => {
    const year = yearOfRow(row, fallbackYear ?? 0);
    const key = rowSlotKey(row);
    if (year === -1 || key === -1 || key === TOTAL_ROW) return FIRST_TIME;
    let units = byYear.get(year);
    if (units === undefined) {
      units = createUnitRegistry();
      byYear.set(year, units);
    }
    return units.claim(row.code, position);
  };
}
