import type { AsOfInput } from '../core/as-of.js';
import { guarded } from '../core/guard.js';
import { failure, type Result, success, unwrap } from '../core/result.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { type CompiledIndicators, compileIndicators } from './accumulate.js';
import { defaultYearOf, profileOf, rowSlotKey, yearOfRow } from './accumulator-input.js';
import { type Crosswalk, type CrosswalkEntry, crosswalkOption, rowInLatestDivisions } from './crosswalk.js';
import { ROW_COUNTED, ROW_NOT_PLACED, ROW_REPEATED_TOTAL } from './not-counted.js';
import { tooLargeIssue } from './parts-merge.js';
import {
  addPacked,
  checkPacked,
  NO_YEAR,
  type PackedIndicatorParts,
  packCores,
  packUnits,
  partsByYear,
  type YearUnits,
} from './parts-packed.js';
import { PARTS_FORMAT, PARTS_FORMAT_YEARS, parseIndicatorParts } from './parts-parse.js';
import { resolvePeriodAndDate } from './periods.js';
import type { IndicatorProfileName } from './profiles.js';
import type { IndicatorRow, IndicatorRowsOptions } from './rows.js';
import { checkRowsOptions } from './rows-options.js';
import type { IndicatorParts, IndicatorYearParts } from './sums.js';
import { duplicateTotalIssue, TOTAL_ROW } from './total-store.js';
import type { IndicatorProfile } from './types.js';
import type { UnitLedger } from './unit-ledger.js';
import { createUnitRegistry, FIRST_TIME, type PackedUnits, type UnitRegistry } from './unit-registry.js';
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
   * not a year, or it is a region's second total of a kind. A row with a year is summed with the rows of that year
   * only. Every unit row is summed, a unit given twice twice: which rows are repeats is the caller's to say, as it is
   * for parts (`computeIndicatorTable` and the pipeline jobs count the first row of a code in a year, and report the
   * others as `duplicate_code`).
   */
  add(row: UnitStatistics): boolean;
  /**
   * Adds other parts of the same profile, checked first with `parseIndicatorParts` (shape, format, the profile's
   * indicators, township codes, non-negative integer sums): bad parts give issues and change nothing. Parts hold
   * sums, not units: a unit counted in both is counted twice (give each unit to one part; a region total given in
   * both is refused).
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
  return createAccumulatorWith(options, undefined, undefined).accumulator;
}

/** The code of the packed exchange, given to the accumulator only by {@link createPackingAccumulator}. */
interface PackingCode {
  readonly packCores: typeof packCores;
  readonly checkPacked: typeof checkPacked;
  readonly addPacked: typeof addPacked;
  readonly packUnits: typeof packUnits;
}

/**
 * The packed exchange's code: referenced only by {@link createPackingAccumulator}, so that a bundle of
 * `computeIndicators` (which never packs) leaves it out.
 */
const PACKING: PackingCode = { packCores, checkPacked, addPacked, packUnits };

/**
 * An accumulator that is told where each row is, and counts a unit once: `addAt` says what became of the row —
 * {@link ROW_COUNTED}, {@link ROW_NOT_PLACED}, {@link ROW_REPEATED_TOTAL}, or (a position, ≥ 0) the row is a unit (or a
 * township's or district's own row) whose code was counted already in its year, at that position: the first
 * occurrence counts, this one is not counted. The paths that sum rows and report those not counted
 * (computeIndicatorTable, evaluatePlanPeriod, the pipeline jobs, the command line) add through it.
 */
export interface LocatingAccumulator {
  readonly accumulator: IndicatorAccumulator;
  /** Adds one row found at `position` (a line, an index: never negative), once per code and year. */
  addAt(row: UnitStatistics, position: number): number;
  /** The units counted in a year (`NO_YEAR`: rows without one), if the accumulator has that year. */
  unitsOf(year: number): UnitRegistry | undefined;
}

/**
 * An accumulator with the internal packed exchange of the worker threads: `pack` gives its sums as typed arrays
 * (no JSON parts built), `mergePacked` adds such sums, checked first (a failure changes nothing); `packUnits` gives
 * the units counted, `absorbUnits` records those of another part (read elsewhere: its sums are merged apart).
 */
export interface PackingAccumulator extends LocatingAccumulator {
  pack(): PackedIndicatorParts;
  mergePacked(packed: PackedIndicatorParts): Result<void>;
  /** The units counted, year by year (years without any left out). */
  packUnits(): YearUnits[];
  /** The units of a year, the year added when the accumulator has none of it yet. */
  unitsFor(year: number): UnitRegistry;
  /**
   * Records units of a year that another part counted (their positions moved by `shift`), none of them held here:
   * a later row of one of them is a repeat. At `ELSEWHERE`, they are known already where the parts meet.
   */
  absorbUnits(year: number, units: PackedUnits, shift: number): void;
}

/** The code of the units' registry, given to the accumulator only by the accumulators that keep their units. */
interface LocatingCode {
  readonly createUnitRegistry: typeof createUnitRegistry;
}

/**
 * The registry's code: referenced only by {@link createLocatingAccumulator} and {@link createPackingAccumulator}, so
 * that a bundle that sums rows without asking which repeat (the validator's region rules) leaves it out.
 */
const LOCATING: LocatingCode = { createUnitRegistry };

/**
 * Creates an accumulator as {@link createIndicatorAccumulator} does, with its packed exchange beside it; with a
 * `ledger`, a unit an earlier job counted in a year is a repeat here (each year's units start with the ledger's).
 */
export function createPackingAccumulator(
  options: IndicatorAccumulatorOptions = {},
  ledger?: UnitLedger,
): PackingAccumulator {
  return createAccumulatorWith(options, PACKING, LOCATING, ledger);
}

/** Creates an accumulator as {@link createIndicatorAccumulator} does, told where each row is (see {@link LocatingAccumulator}). */
export function createLocatingAccumulator(options: IndicatorAccumulatorOptions = {}): LocatingAccumulator {
  return createAccumulatorWith(options, undefined, LOCATING);
}

/** The position `add()` gives `addAt`: none, so that every row is counted (see `IndicatorAccumulator.add`). */
const UNLOCATED = -1;

/**
 * The accumulator and, with `packing`, its packed exchange (without it, `pack` and `mergePacked` are never called);
 * with `locating`, the registry of each year's units (without it, `addAt` counts every row, as `add` does).
 */
function createAccumulatorWith(
  options: IndicatorAccumulatorOptions,
  packing: PackingCode | undefined,
  locating: LocatingCode | undefined,
  ledger?: UnitLedger,
): PackingAccumulator {
  const profile = profileOf(options);
  const fallbackYear = defaultYearOf(options) ?? NO_YEAR;
  const crosswalk = unwrap(crosswalkOption((options as IndicatorAccumulatorOptions | undefined)?.crosswalk));
  const compiled: CompiledIndicators = compileIndicators(profile.indicators.map((entry) => entry.indicator));
  /** A year's core, its units starting with those the ledger holds for the year. */
  const newCore = (year: number, slots?: number): SumsCore => {
    const units = locating?.createUnitRegistry();
    const counted = ledger?.unitsOf(year);
    if (counted !== undefined) units?.absorb(counted, 0);
    return createSumsCore(compiled, slots, units);
  };
  const cores = new Map<number, SumsCore>([[NO_YEAR, newCore(NO_YEAR)]]);
  // The last year's core: most sheets are of one year, so most rows need no map lookup.
  let lastYear = NO_YEAR;
  let lastCore = cores.get(NO_YEAR) as SumsCore;
  const coreOf = (year: number): SumsCore => {
    if (year === lastYear) return lastCore;
    let core = cores.get(year);
    if (core === undefined) {
      core = newCore(year, 16); // most jobs have a few years of one county, not the country
      cores.set(year, core);
    }
    lastYear = year;
    lastCore = core;
    return core;
  };
  let count = 0;
  let skipped = 0;
  const addAt = (input: UnitStatistics, position: number): number => {
    const year = yearOfRow(input, fallbackYear);
    const row = crosswalk === undefined ? input : rowInLatestDivisions(input, year, crosswalk);
    const key = rowSlotKey(row);
    if (key === -1 || year === -1) {
      skipped++;
      return ROW_NOT_PLACED;
    }
    const core = coreOf(year);
    if (key === TOTAL_ROW) {
      if (!core.totals.add(row)) {
        skipped++;
        return ROW_REPEATED_TOTAL;
      }
    } else {
      // One bit test: the code as given (before a crosswalk, which may join two codes into one).
      const first =
        position === UNLOCATED ? FIRST_TIME : (core.units?.claim(input.code, position) ?? FIRST_TIME);
      if (first !== FIRST_TIME) {
        skipped++;
        return first;
      }
      core.addRow(key, row);
    }
    count++;
    return ROW_COUNTED;
  };

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
    add: (row) => addAt(row, UNLOCATED) === ROW_COUNTED,
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
    addAt,
    unitsOf: (year) => cores.get(year)?.units,
    packUnits: () => (packing as PackingCode).packUnits(cores),
    // (The accumulators that pack keep their units: `units` is there.)
    unitsFor: (year) => coreOf(year).units as UnitRegistry,
    absorbUnits: (year, units, shift) => coreOf(year).units?.absorb(units, shift),
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

export { mergeIndicatorParts } from './parts-merge.js';
export { indicatorRowsFromParts } from './parts-rows.js';
