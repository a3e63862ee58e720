import { DIVISION_LEVELS, type DivisionLevel } from '../codes/division-code.js';
import { divisionLevelIndex, slotKeyOfCode, townshipKey } from '../codes/village-key.js';
import type { AsOfInput } from '../core/as-of.js';
import { guarded, invalidOption } from '../core/guard.js';
import { createIssue, type Issue } from '../core/issue.js';
import { failure, type Result, ShequError, success, unwrap } from '../core/result.js';
import { STATISTICS_YEAR_RANGE } from '../model/fields.js';
import { CODE_LEVELS_OF_KIND, unitKindOfTotal } from '../model/row-kind-predicates.js';
import { type UnitStatistics, VALID_OF_KIND } from '../model/unit-statistics.js';
import { type CompiledIndicators, compileIndicators } from './accumulate.js';
import { type Crosswalk, type CrosswalkEntry, crosswalkOption, rowInLatestDivisions } from './crosswalk.js';
import { tooLargeIssue } from './parts-merge.js';
import {
  addPacked,
  checkPacked,
  NO_YEAR,
  type PackedIndicatorParts,
  packCores,
  partsByYear,
} from './parts-packed.js';
import { PARTS_FORMAT, PARTS_FORMAT_YEARS, parseIndicatorParts } from './parts-parse.js';
import { resolvePeriodAndDate } from './periods.js';
import { unknownProfileIssue, unknownProfileText } from './profile-issue.js';
import type { IndicatorProfileName } from './profiles.js';
import { resolveIndicatorProfile } from './profiles.js';
import type { IndicatorRow, IndicatorRowsOptions } from './rows.js';
import { checkRowsOptions } from './rows-options.js';
import { type IndicatorParts, type IndicatorYearParts, sumsFromParts, yearSumsFromParts } from './sums.js';
import { duplicateTotalIssue, TOTAL_ROW } from './total-store.js';
import type { IndicatorProfile } from './types.js';
import { createSumsCore, type SumsCore } from './year-core.js';
import { rowsOfYears } from './year-rows.js';

/**
 * Options of {@link createIndicatorAccumulator}.
 *
 * @example
 * ```ts
 * import type { IndicatorAccumulatorOptions } from 'shequ';
 * const options: IndicatorAccumulatorOptions = { profile: 'hebei' };
 * ```
 */
export interface IndicatorAccumulatorOptions {
  /** A built-in profile name or a profile object (default `'national'`). */
  readonly profile?: IndicatorProfileName | IndicatorProfile;
  /**
   * The year (统计年度) of rows that carry none: a sheet of one year given apart (default: none, and such rows are
   * summed apart from the rows of any year, without a year).
   */
  readonly year?: number;
  /**
   * Changes of division codes between years (`parseCrosswalk`, or its entries): each row of a year before a change
   * is counted under its new code, so every year is rolled up in the latest divisions. Rows without a year are
   * counted as given.
   */
  readonly crosswalk?: Crosswalk | readonly CrosswalkEntry[];
}

/**
 * The one accumulator behind every path — in memory, streamed from a file, in worker threads, or in a user's own
 * map-reduce: add rows one at a time, merge other parts, read the parts.
 *
 * @example
 * ```ts
 * import { createIndicatorAccumulator } from 'shequ';
 * const accumulator = createIndicatorAccumulator();
 * accumulator.add({ code: '130123100201', kind: 'village', hasFacility: true });
 * accumulator.add({ code: 'not a code', kind: 'village' });
 * [accumulator.count, accumulator.skipped];
 * //=> [1, 1]
 * ```
 */
export interface IndicatorAccumulator {
  /** The profile accumulated for. */
  readonly profile: IndicatorProfile;
  /** Rows added and placed. */
  readonly count: number;
  /** Rows that could not be placed. */
  readonly skipped: number;
  /** The years (统计年度) of the rows counted, ascending; empty when no row carried one. */
  readonly years: readonly number[];
  /**
   * Adds one row; returns `false` (and counts it as skipped) when its code or kind cannot be placed, or its `year` is
   * not a year. A row with a year is summed with the rows of that year only.
   */
  add(row: UnitStatistics): boolean;
  /**
   * Adds other parts of the same profile, checked first with `parseIndicatorParts` (shape, format, the profile's
   * indicators, township codes, non-negative integer sums): bad parts give issues and change nothing.
   */
  merge(parts: IndicatorParts): Result<void>;
  /** The parts so far, as plain JSON-ready data. */
  parts(): IndicatorParts;
  /**
   * The tidy rows of the sums so far, generated region by region (top level first, regions in code order,
   * indicators in profile order), straight from the accumulator's sums: no parts are built, and a national table is
   * never held whole unless the caller collects it. `profile` is the accumulator's own; `unit` in `groupBy` is
   * ignored (unit rows need the units: `computeIndicators`). Bad options throw a {@link shequ!ShequError} at the call.
   * With years, the rows of each year follow (ascending), each carrying its `year` and judged at that year's end;
   * rows without a year, if any besides, come first, without a year.
   */
  rows(options?: AccumulatorRowsOptions): IterableIterator<IndicatorRow>;
}

/**
 * Options of an accumulator's `rows()`: those of `indicatorRowsFromParts` but the profile (the accumulator's own),
 * with `asOf` optional (default today in China).
 *
 * @example
 * ```ts
 * import type { AccumulatorRowsOptions } from 'shequ';
 * const options: AccumulatorRowsOptions = { groupBy: ['county'], asOf: '2025-12-31' };
 * ```
 */
export interface AccumulatorRowsOptions extends Omit<IndicatorRowsOptions, 'profile' | 'asOf'> {
  /** Date of the progress assessment: a `Date` or `'YYYY-MM-DD'` (default today in China, or the end of `period`). */
  readonly asOf?: AsOfInput;
}

/**
 * Resolves the profile option once: the default is national; an unknown name or a malformed profile is an error (a
 * {@link shequ!ShequError} with an `invalid_option` issue), never a silent fall-back to another profile.
 */
function profileOf(options: unknown): IndicatorProfile {
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

/** The slot key of a row that is not a unit: its township's, its county's (a district), or TOTAL_ROW, or -1. */
function slotKeyOfRow(row: UnitStatistics | null | undefined): number {
  const kind = row?.kind;
  if (kind === undefined || !Object.hasOwn(CODE_LEVELS_OF_KIND, kind)) return -1;
  const level = divisionLevelIndex(row?.code);
  if (level < 0 || !CODE_LEVELS_OF_KIND[kind].includes(DIVISION_LEVELS[level] as DivisionLevel)) return -1;
  if (unitKindOfTotal(kind) !== undefined) return TOTAL_ROW;
  return slotKeyOfCode(row?.code);
}

/** The `year` option: a year of the statistics range, or absent; anything else is an error. */
function defaultYearOf(options: unknown): number | undefined {
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
 * Creates an {@link IndicatorAccumulator}: numerators, denominators and missing counts summed per township (and per
 * year, for rows that carry one) in typed arrays, with no allocation per row.
 *
 * @param options - the profile (default national); the year of rows without one
 * @returns a new, empty accumulator
 * @throws {@link shequ!ShequError} with an `invalid_option` issue for an unknown profile name, a malformed profile or a
 *   `year` that is not a year
 *
 * @example
 * ```ts
 * import { createIndicatorAccumulator, indicatorRowsFromParts } from 'shequ';
 * const accumulator = createIndicatorAccumulator({ profile: 'national' });
 * for (const row of [{ code: '130123100201', kind: 'village', hasFacility: true }] as const) accumulator.add(row);
 * indicatorRowsFromParts(accumulator.parts(), { groupBy: ['county'], asOf: '2025-12-31' })
 *   .find((row) => row.indicator === 'ruralFacilityCoverage')?.value;
 * //=> 100
 * ```
 */
export function createIndicatorAccumulator(options: IndicatorAccumulatorOptions = {}): IndicatorAccumulator {
  return createAccumulatorWith(options, undefined).accumulator;
}

/** The code of the packed exchange, given to the accumulator only by {@link createPackingAccumulator}. */
interface PackingCode {
  readonly packCores: typeof packCores;
  readonly checkPacked: typeof checkPacked;
  readonly addPacked: typeof addPacked;
}

/**
 * The packed exchange's code: referenced only by {@link createPackingAccumulator}, so that a bundle of
 * `computeIndicators` (which never packs) leaves it out.
 */
const PACKING: PackingCode = { packCores, checkPacked, addPacked };

/**
 * An accumulator with the internal packed exchange of the worker threads: `pack` gives its sums as typed arrays
 * (no JSON parts built), `mergePacked` adds such sums, checked first (a failure changes nothing).
 */
export interface PackingAccumulator {
  readonly accumulator: IndicatorAccumulator;
  pack(): PackedIndicatorParts;
  mergePacked(packed: PackedIndicatorParts): Result<void>;
}

/** Creates an accumulator as {@link createIndicatorAccumulator} does, with its packed exchange beside it. */
export function createPackingAccumulator(options: IndicatorAccumulatorOptions = {}): PackingAccumulator {
  return createAccumulatorWith(options, PACKING);
}

/** The accumulator and, with `packing`, its packed exchange (without it, `pack` and `mergePacked` are never called). */
function createAccumulatorWith(
  options: IndicatorAccumulatorOptions,
  packing: PackingCode | undefined,
): PackingAccumulator {
  const profile = profileOf(options);
  const fallbackYear = defaultYearOf(options) ?? NO_YEAR;
  const crosswalk = unwrap(crosswalkOption((options as IndicatorAccumulatorOptions | undefined)?.crosswalk));
  const compiled: CompiledIndicators = compileIndicators(profile.indicators.map((entry) => entry.indicator));
  const cores = new Map<number, SumsCore>([[NO_YEAR, createSumsCore(compiled)]]);
  // The last year's core: most sheets are of one year, so most rows need no map lookup.
  let lastYear = NO_YEAR;
  let lastCore = cores.get(NO_YEAR) as SumsCore;
  const coreOf = (year: number): SumsCore => {
    if (year === lastYear) return lastCore;
    let core = cores.get(year);
    if (core === undefined) {
      core = createSumsCore(compiled, 16); // most jobs have a few years of one county, not the country
      cores.set(year, core);
    }
    lastYear = year;
    lastCore = core;
    return core;
  };
  let count = 0;
  let skipped = 0;

  const accumulator: IndicatorAccumulator = {
    profile,
    get count() {
      return count;
    },
    get skipped() {
      return skipped;
    },
    get years() {
      return [...cores.keys()].filter((year) => year !== NO_YEAR).sort((a, b) => a - b);
    },
    add(given) {
      const year = yearOfRow(given, fallbackYear);
      const row = crosswalk === undefined ? given : rowInLatestDivisions(given, year, crosswalk);
      const unit = row?.kind === 'community' || row?.kind === 'village';
      const key = unit ? townshipKey(row.code) : slotKeyOfRow(row);
      if (key === -1 || year === -1) {
        skipped++;
        return false;
      }
      const core = coreOf(year);
      if (key === TOTAL_ROW) {
        if (!core.totals.add(row)) {
          skipped++;
          return false;
        }
      } else core.addRow(key, row);
      count++;
      return true;
    },
    merge(parts) {
      return guarded(() => {
        const parsed = parseIndicatorParts(parts, { profile });
        if (!parsed.success) return parsed;
        const added = partsByYear(parsed.data);
        // Every sum is checked before any is written, so a failed merge leaves the accumulator as it was.
        for (const [year, part] of added) {
          const core = cores.get(year);
          const over = core?.overflow(part.townships);
          const at = year === NO_YEAR ? [] : ['years', String(year)];
          if (over !== undefined) return failure([tooLargeIssue([...at, 'townships', ...over])]);
          const clash = core?.totals.clash(part.totals);
          if (clash !== undefined) return failure([duplicateTotalIssue(clash, at)]);
        }
        if (skipped + parsed.data.skipped > Number.MAX_SAFE_INTEGER)
          return failure([tooLargeIssue(['skipped'])]);
        for (const [year, part] of added) {
          const core = coreOf(year);
          core.totals.merge(part.totals);
          core.addTownships(part.townships);
        }
        skipped += parsed.data.skipped;
        return success(undefined);
      });
    },
    rows(rowsOptions = {}) {
      const options = unwrap(
        guarded(() => {
          const checked = checkRowsOptions(rowsOptions as IndicatorRowsOptions);
          if (!checked.success) return checked;
          const { given, denominators } = checked.data;
          const when = resolvePeriodAndDate(given.period, given.asOf as AsOfInput | undefined);
          if (!when.success) return when;
          return success({
            ...rowsOptions,
            profile,
            asOf: when.data.asOf,
            when: when.data,
            external: denominators,
          });
        }),
      );
      const { when, ...rowOptions } = options;
      const noYear = cores.get(NO_YEAR) as SumsCore;
      const years = accumulator.years.map((year) => [year, (cores.get(year) as SumsCore).sums()] as const);
      const plain = years.length === 0 || !noYear.isEmpty() ? noYear.sums() : undefined;
      return rowsOfYears(plain, years, rowOptions, profile, when.period?.id);
    },
    parts: () => partsWith((core) => core.townships()),
  };
  /** The parts, each year's townships as `townshipsOf` gives them. */
  const partsWith = (townshipsOf: (core: SumsCore) => Record<string, number[]>): IndicatorParts => {
    const noYear = cores.get(NO_YEAR) as SumsCore;
    const given = noYear.totals.parts();
    const base = { indicators: compiled.ids, townships: townshipsOf(noYear), skipped };
    const parts = given === undefined ? base : { ...base, totals: given };
    const yearList = accumulator.years;
    if (yearList.length === 0) return { format: PARTS_FORMAT, ...parts };
    const years: Record<string, IndicatorYearParts> = {};
    for (const year of yearList) {
      const core = cores.get(year) as SumsCore;
      const totals = core.totals.parts();
      const townships = townshipsOf(core);
      years[String(year)] = totals === undefined ? { townships } : { townships, totals };
    }
    return { format: PARTS_FORMAT_YEARS, ...parts, years };
  };
  return {
    accumulator,
    pack: () =>
      (packing as PackingCode).packCores(
        cores,
        partsWith(() => ({})),
      ),
    mergePacked: (packed) =>
      guarded(() => {
        const code = packing as PackingCode;
        const checked = code.checkPacked(packed, { profile, compiled, cores, skipped });
        if (!checked.success) return checked;
        code.addPacked(checked.data, coreOf);
        skipped += checked.data.shell.skipped;
        return success(undefined);
      }),
  };
}

/**
 * Turns parts into tidy rows: one per (region, indicator) at each requested level, top level first, regions in code
 * order, indicators in profile order — rows whose value is null included. Unit-level rows need the units themselves
 * (see `computeIndicators`); here `unit` in `groupBy` is ignored. The parts are checked first with
 * `parseIndicatorParts` against the profile, since they may come from outside.
 *
 * @param parts - accumulated parts
 * @param options - profile, levels, rounding, names, external denominators, as-of date
 * @returns the rows
 * @throws {@link shequ!ShequError} with the issues when the parts are malformed or hold other indicators than the profile,
 *   the profile is neither a built-in name nor a profile object, or another option is invalid (never another error)
 *
 * @example
 * ```ts
 * import { createIndicatorAccumulator, indicatorRowsFromParts } from 'shequ';
 * const accumulator = createIndicatorAccumulator();
 * accumulator.add({ code: '130123100201', kind: 'village', households: 300, hasFacility: true, facilityArea: 100 });
 * accumulator.add({ code: '130123100202', kind: 'village', households: 200, hasFacility: false });
 * const row = indicatorRowsFromParts(accumulator.parts(), { groupBy: ['county'], asOf: '2025-12-31' })
 *   .find((r) => r.indicator === 'facilityAreaPer100Households');
 * [row?.numerator, row?.denominator, row?.value];
 * //=> [100, 500, 20]
 * ```
 */
export function indicatorRowsFromParts(parts: IndicatorParts, options: IndicatorRowsOptions): IndicatorRow[] {
  return unwrap(
    guarded(() => {
      const checked = checkRowsOptions(options);
      if (!checked.success) return checked;
      const { given, denominators } = checked.data;
      const when = resolvePeriodAndDate(given.period, given.asOf as AsOfInput | undefined);
      if (!when.success) return when;
      const profile = resolveIndicatorProfile(given.profile as IndicatorRowsOptions['profile']);
      if (profile === undefined) return failure([unknownProfileIssue(given.profile)]);
      const parsed = parseIndicatorParts(parts, { profile });
      if (!parsed.success) return parsed;
      const years = yearSumsFromParts(parsed.data);
      const withoutYear = sumsFromParts(parsed.data);
      const plain =
        years.length === 0 || withoutYear.keys.length > 0 || withoutYear.totals ? withoutYear : undefined;
      const rowOptions = { ...options, asOf: when.data.asOf, external: denominators };
      return success([...rowsOfYears(plain, years, rowOptions, profile, when.data.period?.id)]);
    }),
  );
}

export { mergeIndicatorParts } from './parts-merge.js';
