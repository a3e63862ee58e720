import { guarded } from '../core/guard.js';
import { createIssue } from '../core/issue.js';
import { isIterableObject } from '../core/iterable.js';
import { failure, type Result, success, unwrap } from '../core/result.js';
import type { RowKind } from '../model/row-kind.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { type Crosswalk, type CrosswalkEntry, crosswalkOption, rowInLatestDivisions } from './crosswalk.js';
import { yearOfRow } from './parts.js';

/**
 * A unit (社区 or 村) whose presence or kind changes between the years of the data: it appears after the first year,
 * disappears before the last, or changes kind (a village turned 居委会 under the same code).
 *
 * @example
 * ```ts
 * import type { DivisionChange } from 'shequ';
 * const change: DivisionChange = {
 *   code: '130123100201', name: '西上泽村', firstYear: 2021, lastYear: 2022, appeared: false, disappeared: true,
 *   kindChanges: [],
 * };
 * ```
 */
export interface DivisionChange {
  /** The unit's 12-digit code (after the crosswalk, when one is given). */
  readonly code: string;
  /** Its name in its last year, when the rows give one. */
  readonly name?: string;
  /** The first year it appears in. */
  readonly firstYear: number;
  /** The last year it appears in. */
  readonly lastYear: number;
  /** It is absent from the first year of the data. */
  readonly appeared: boolean;
  /** It is absent from the last year of the data. */
  readonly disappeared: boolean;
  /** Each year its kind differs from its kind in the year before it appeared in. */
  readonly kindChanges: readonly DivisionKindChange[];
}

/**
 * A unit's change of kind under one code (a 村委会 turned 居委会).
 *
 * @example
 * ```ts
 * import type { DivisionKindChange } from 'shequ';
 * const change: DivisionKindChange = { year: 2024, from: 'village', to: 'community' };
 * ```
 */
export interface DivisionKindChange {
  /** The first year of the new kind. */
  readonly year: number;
  /** The kind in the year before. */
  readonly from: RowKind;
  /** The kind from `year` on. */
  readonly to: RowKind;
}

/**
 * Options of {@link divisionChanges}.
 *
 * @example
 * ```ts
 * import type { DivisionChangesOptions } from 'shequ';
 * const options: DivisionChangesOptions = { crosswalk: [{ oldCode: '130123100201', newCode: '130123105201', fromYear: 2023 }] };
 * ```
 */
export interface DivisionChangesOptions {
  /** The year of rows without one (default: such rows are left out). */
  readonly year?: number;
  /** Code changes applied first: a unit renumbered by the crosswalk is one unit, not one gone and one new. */
  readonly crosswalk?: Crosswalk | readonly CrosswalkEntry[];
}

/** What is known of one unit code over the years. */
interface Trace {
  readonly years: Map<number, { kind: RowKind; name: string | undefined }>;
}

/**
 * Lists the units (社区 and 村) that appear or disappear between the years of the rows, or change kind: what a
 * reader must know before comparing the years (a township merged, a village turned 居委会). With a crosswalk, the
 * codes are first put in the latest divisions, so a renumbered unit is one unit. Rows without a year (and no `year`
 * option), and rows that are not units, are left out. Never throws.
 *
 * @param rows - statistics rows with years
 * @param options - the default year, the crosswalk
 * @returns the changes in code order, or the issues of a bad crosswalk or rows that are not iterable
 *
 * @example
 * ```ts
 * import { divisionChanges } from 'shequ';
 * const result = divisionChanges([
 *   { code: '130123100201', kind: 'village', year: 2021 },
 *   { code: '130123100202', kind: 'village', year: 2021 },
 *   { code: '130123100202', kind: 'community', year: 2022 },
 * ]);
 * result.success && result.data.map((c) => [c.code, c.disappeared, c.kindChanges.length]);
 * //=> [['130123100201', true, 0], ['130123100202', false, 1]]
 * ```
 */
export function divisionChanges(
  rows: Iterable<UnitStatistics>,
  options: DivisionChangesOptions = {},
): Result<DivisionChange[]> {
  return guarded(() => {
    const crosswalk = unwrap(crosswalkOption(options?.crosswalk));
    if (!isIterableObject(rows))
      return failure([
        createIssue('invalid_type', {
          zh: '应为统计行的数组或可迭代对象',
          en: 'Expected an array (or iterable) of statistics rows',
        }),
      ]);
    const fallback = typeof options?.year === 'number' ? options.year : 0;
    const traces = new Map<string, Trace>();
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const given of rows) {
      if (given?.kind !== 'community' && given?.kind !== 'village') continue;
      const year = yearOfRow(given, fallback);
      if (year <= 0) continue;
      const row = rowInLatestDivisions(given, year, crosswalk);
      let trace = traces.get(row.code);
      if (trace === undefined) {
        trace = { years: new Map() };
        traces.set(row.code, trace);
      }
      trace.years.set(year, { kind: row.kind as RowKind, name: row.name });
      first = Math.min(first, year);
      last = Math.max(last, year);
    }
    const changes: DivisionChange[] = [];
    for (const code of [...traces.keys()].sort()) {
      const change = changeOf(code, traces.get(code) as Trace, first, last);
      if (change !== undefined) changes.push(change);
    }
    return success(changes);
  });
}

function changeOf(code: string, trace: Trace, first: number, last: number): DivisionChange | undefined {
  const years = [...trace.years.keys()].sort((a, b) => a - b);
  const kindChanges: DivisionKindChange[] = [];
  for (let i = 1; i < years.length; i++) {
    const before = trace.years.get(years[i - 1] as number)?.kind as RowKind;
    const now = trace.years.get(years[i] as number)?.kind as RowKind;
    if (before !== now) kindChanges.push({ year: years[i] as number, from: before, to: now });
  }
  const firstYear = years[0] as number;
  const lastYear = years.at(-1) as number;
  const appeared = firstYear > first;
  const disappeared = lastYear < last;
  if (!appeared && !disappeared && kindChanges.length === 0) return undefined;
  const name = trace.years.get(lastYear)?.name;
  const change = { code, firstYear, lastYear, appeared, disappeared, kindChanges };
  return name === undefined
    ? change
    : { code, name, firstYear, lastYear, appeared, disappeared, kindChanges };
}
