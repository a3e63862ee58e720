import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { parseISO } from 'date-fns/parseISO';
import type { AsOfInput } from '../core/as-of.js';
import { guarded, invalidOption, optionsObject } from '../core/guard.js';
import { ownValue } from '../core/own-value.js';
import { failure, type Result, success } from '../core/result.js';
import { resolvePeriodAndDate } from './periods.js';
import { profileInPeriod } from './profile-periods.js';
import { type IndicatorProfileName, resolveIndicatorProfile } from './profiles.js';
import type { Baseline, IndicatorProfile, Target } from './types.js';

/**
 * Where an indicator stands against its target:
 * `met` — the target is reached; `on-track` — not yet, but at or past the straight line from the baseline (end of
 * its year) to the target (end of its year) at the as-of date; `behind` — short of that line, before the target
 * date; `not-met` — short of the target on or after the target date (the last day of the target year), or with no
 * baseline to draw a line from;
 * `no-target` — the profile sets none; `no-data` — the value is null.
 *
 * @example
 * ```ts
 * import type { ProgressStatus } from 'shequ';
 * const status: ProgressStatus = 'on-track';
 * ```
 */
export type ProgressStatus = 'met' | 'on-track' | 'behind' | 'not-met' | 'no-target' | 'no-data';

/**
 * The assessment of a value against its target.
 *
 * @example
 * ```ts
 * import type { Progress } from 'shequ';
 * const progress: Progress = { status: 'behind', asOf: '2023-12-31', expected: 27.04, gap: 4.4 };
 * ```
 */
export interface Progress {
  /** The status. */
  readonly status: ProgressStatus;
  /** The date assessed, `'YYYY-MM-DD'`. */
  readonly asOf: string;
  /** The value expected at `asOf` on the line from baseline to target (`null` without baseline or target). */
  readonly expected: number | null;
  /** How far the value is from the target, positive when short of it (`null` without value or target). */
  readonly gap: number | null;
}

/**
 * Options of {@link assessProgress}.
 *
 * @example
 * ```ts
 * import type { AssessProgressOptions } from 'shequ';
 * const options: AssessProgressOptions = { indicator: 'facilityAreaPer100Households', value: 26.1, profile: 'hebei', asOf: '2023-12-31' };
 * ```
 */
export interface AssessProgressOptions {
  /** The indicator id. */
  readonly indicator: string;
  /** Its value, `null` when unknown. */
  readonly value: number | null;
  /** The profile whose baseline and target apply (default `'national'`). */
  readonly profile?: IndicatorProfileName | IndicatorProfile;
  /** The date to assess at (default: today in China, or the end of `period` when one is given). */
  readonly asOf?: AsOfInput;
  /**
   * The plan period whose baseline and target apply (`'14th'`, `'15th'`), whatever the date; default: the period
   * whose years contain `asOf`.
   */
  readonly period?: string;
  /** Decimal places of `expected` and `gap` (default 2). */
  readonly places?: number;
}

/**
 * Meets `target` by its comparator. Values are compared as published, so 100.0 meets "= 100" and 18.0 does not meet
 * "> 18" (超过18人).
 */
function meets(value: number, target: Target): boolean {
  if (target.comparator === '>=') return value >= target.value;
  if (target.comparator === '>') return value > target.value;
  if (target.comparator === '<=') return value <= target.value;
  return value === target.value;
}

function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** Share of the way from the end of the baseline year to the end of the target year, clamped to [0, 1]. */
function elapsedShare(asOf: string, baseline: Baseline, target: Target): number {
  const start = parseISO(`${baseline.year}-12-31`);
  const end = parseISO(`${target.year}-12-31`);
  const total = differenceInCalendarDays(end, start);
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, differenceInCalendarDays(parseISO(asOf), start) / total));
}

/**
 * Assesses a value against a target and its trajectory, with the arithmetic in the open.
 *
 * @param value - the value (`null` = no data)
 * @param target - the target, if any
 * @param baseline - the baseline, if any
 * @param asOf - the date, `'YYYY-MM-DD'`
 * @param places - decimal places of `expected` and `gap`
 * @param knownExpected - the expected value, when already computed for this target, baseline and date
 * @returns the progress
 *
 * @example
 * ```ts
 * import { progressAgainst } from 'shequ';
 * progressAgainst(
 *   26.1,
 *   { comparator: '>=', value: 30, year: 2025, confidence: 'seed', source: '' },
 *   { year: 2020, value: 23.6, confidence: 'seed', source: '' },
 *   '2023-06-30',
 * );
 * //=> { status: 'behind', asOf: '2023-06-30', expected: 26.79, gap: 3.9 }
 * ```
 */
export function progressAgainst(
  value: number | null,
  target: Target | undefined,
  baseline: Baseline | undefined,
  asOf: string,
  places = 2,
  knownExpected?: number | null,
): Progress {
  if (target === undefined) return { status: 'no-target', asOf, expected: null, gap: null };
  const line = targetLine(target, baseline, asOf, places, knownExpected);
  if (value === null) return { status: 'no-data', asOf, expected: line.expected, gap: null };
  return { status: statusOnLine(line, value), asOf, expected: line.expected, gap: gapOnLine(line, value) };
}

/**
 * What every assessment against one target, baseline and date shares — the expected value, whether the deadline has
 * passed, which way is better — worked out once, so that each value costs a comparison or two (a national table
 * judges 260 000 values against 7 lines).
 */
export interface TargetLine {
  /** The target. */
  readonly target: Target;
  /** The value expected at the date on the line from baseline to target (`null` without a baseline). */
  readonly expected: number | null;
  /** 10^places: gaps are rounded to `places` decimals with it. */
  readonly factor: number;
  /** A value short of the target is judged against the line (else it is `not-met`): a baseline, an expected value, and the date before the deadline. */
  readonly judgedOnLine: boolean;
  /** Values above the line are on track (below it for a target to stay under). */
  readonly higherIsBetter: boolean;
}

/**
 * The line of a target at a date, for {@link statusOnLine} and {@link gapOnLine}.
 *
 * @param target - the target
 * @param baseline - the baseline, if any
 * @param asOf - the date, `'YYYY-MM-DD'`
 * @param places - decimal places of `expected` and of gaps
 * @param knownExpected - the expected value, when already computed for this target, baseline and date
 * @returns the line
 *
 * @example
 * ```ts
 * const line = targetLine(
 *   { comparator: '>=', value: 30, year: 2025, confidence: 'seed', source: '' },
 *   { year: 2020, value: 23.6, confidence: 'seed', source: '' },
 *   '2023-06-30',
 *   2,
 * );
 * [line.expected, statusOnLine(line, 26.1), gapOnLine(line, 26.1)];
 * //=> [26.79, 'behind', 3.9]
 * ```
 */
export function targetLine(
  target: Target,
  baseline: Baseline | undefined,
  asOf: string,
  places: number,
  knownExpected?: number | null,
): TargetLine {
  const expected =
    knownExpected !== undefined
      ? knownExpected
      : baseline === undefined
        ? null
        : round(
            baseline.value + (target.value - baseline.value) * elapsedShare(asOf, baseline, target),
            places,
          );
  // At the deadline (the last day of the target year) and after, short of the target is not met, whatever the line
  // from the baseline said: "behind" would be the milder word for the worse case.
  const deadlineReached = asOf >= `${target.year}-12-31`;
  return {
    target,
    expected,
    factor: 10 ** places,
    judgedOnLine: expected !== null && baseline !== undefined && !deadlineReached,
    higherIsBetter: baseline !== undefined && target.comparator !== '<=' && target.value >= baseline.value,
  };
}

/**
 * The status of a value on a target's line: `met`, `on-track`, `behind` or `not-met`.
 *
 * @param line - the line, from {@link targetLine}
 * @param value - the value
 * @returns the status
 *
 * @example
 * ```ts
 * const line = targetLine({ comparator: '>=', value: 30, year: 2025, confidence: 'seed', source: '' }, undefined, '2023-06-30', 2);
 * [statusOnLine(line, 30), statusOnLine(line, 29.9)];
 * //=> ['met', 'not-met']
 * ```
 */
export function statusOnLine(line: TargetLine, value: number): ProgressStatus {
  if (meets(value, line.target)) return 'met';
  if (!line.judgedOnLine) return 'not-met';
  const expected = line.expected as number;
  const onLine = line.higherIsBetter ? value >= expected : value <= expected;
  return onLine ? 'on-track' : 'behind';
}

/**
 * How far a value is from its target, positive when short of it, rounded to the line's places.
 *
 * @param line - the line, from {@link targetLine}
 * @param value - the value
 * @returns the gap
 *
 * @example
 * ```ts
 * const line = targetLine({ comparator: '<=', value: 10, year: 2025, confidence: 'seed', source: '' }, undefined, '2023-06-30', 2);
 * [gapOnLine(line, 12.345), gapOnLine(line, 8)];
 * //=> [2.35, -2]
 * ```
 */
export function gapOnLine(line: TargetLine, value: number): number {
  const { target, factor } = line;
  const gap = target.comparator === '<=' ? value - target.value : target.value - value;
  return Math.round(gap * factor) / factor;
}

/**
 * Assesses an indicator's value against its profile's target at a date: `met`, `on-track` or `behind` against the
 * straight line from the baseline (end of 2020) to the target (end of 2025), `not-met` from the target date on (or
 * without a baseline) when short of the target,
 * `no-target`, `no-data`; with the expected value at that date and the gap to target. The baseline and target are
 * those of the plan period the date falls in (十五五 from 2026: `no-target` until targets are added), or of
 * `period`. An unknown indicator or profile gives `no-target`.
 *
 * @param options - indicator, value, profile, as-of date
 * @returns the progress, or an `invalid_date` issue for a bad `asOf`
 *
 * @example
 * ```ts
 * import { assessProgress } from 'shequ';
 * assessProgress({ indicator: 'facilityAreaPer100Households', value: 26.1, profile: 'hebei', asOf: '2023-06-30' });
 * //=> { success: true, data: { status: 'behind', asOf: '2023-06-30', expected: 26.79, gap: 3.9 } }
 * ```
 */
export function assessProgress(options: AssessProgressOptions): Result<Progress> {
  return guarded(() => {
    const object = optionsObject(options);
    if (!object.success) return object;
    const { value, places } = object.data;
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
      return failure([
        invalidOption(['value'], 'value 应为有限数或 null', 'value must be a finite number or null'),
      ]);
    }
    if (
      places !== undefined &&
      !(Number.isInteger(places) && (places as number) >= 0 && (places as number) <= 15)
    ) {
      return failure([
        invalidOption(['places'], 'places 应为 0–15 的整数', 'places must be an integer 0–15'),
      ]);
    }
    return assess(options);
  });
}

function assess(options: AssessProgressOptions): Result<Progress> {
  const when = resolvePeriodAndDate(options.period, options.asOf);
  if (!when.success) return when;
  const resolved = resolveIndicatorProfile(options.profile);
  const profile = resolved && profileInPeriod(resolved, when.data.period?.id);
  const entry = profile?.indicators.find((candidate) => candidate.indicator.id === options.indicator);
  // The entry's target and baseline read as the rows read them (core/own-value.ts).
  const target = entry && ownValue<Target>(entry, 'target');
  const baseline = entry && ownValue<Baseline>(entry, 'baseline');
  return success(progressAgainst(options.value, target, baseline, when.data.asOf, options.places ?? 2));
}
