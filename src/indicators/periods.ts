import { type AsOfInput, resolveAsOf } from '../core/as-of.js';
import { invalidOption } from '../core/guard.js';
import type { LocalizedText } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';

/**
 * A document a plan period's figures come from: its title and, where it has one, its document number (文号).
 *
 * @example
 * ```ts
 * import type { PlanDocument } from 'shequ';
 * const document: PlanDocument = { title: '“十四五”城乡社区服务体系建设规划', number: '国办发〔2021〕56号', level: 'national' };
 * ```
 */
export interface PlanDocument {
  /** The title, as published. */
  readonly title: string;
  /** The document number (文号), where known. */
  readonly number?: string;
  /** Whose plan it is: the national one, or a province's. */
  readonly level: 'national' | 'province';
  /** Where the library holds its text (`seed 000` …), when it does. */
  readonly seed?: string;
}

/**
 * A five-year plan period (五年规划期): its id, its years, the year its baselines describe and the year its targets
 * are set for, and the documents that set them.
 *
 * @example
 * ```ts
 * import { PLAN_PERIODS, type PlanPeriod } from 'shequ';
 * const period: PlanPeriod = PLAN_PERIODS[1];
 * [period.id, period.firstYear, period.lastYear, period.baselineYear];
 * //=> ['15th', 2026, 2030, 2025]
 * ```
 */
export interface PlanPeriod {
  /** Stable identifier: `'14th'` (十四五), `'15th'` (十五五). */
  readonly id: string;
  /** Its name (十四五 / the 14th Five-Year Plan period). */
  readonly name: LocalizedText;
  /** The first year of the period. */
  readonly firstYear: number;
  /** The last year of the period: the year its targets are set for. */
  readonly lastYear: number;
  /** The first day, `'YYYY-MM-DD'`. */
  readonly start: string;
  /** The last day, `'YYYY-MM-DD'`: the date targets refer to. */
  readonly end: string;
  /** The year baselines describe (the last year of the period before). */
  readonly baselineYear: number;
  /** The year targets describe (= `lastYear`). */
  readonly targetYear: number;
  /** The documents that set its figures, as far as the library holds them (empty when none has been seen). */
  readonly documents: readonly PlanDocument[];
}

/**
 * Identifiers of the plan periods the library knows.
 *
 * @example
 * ```ts
 * import type { PlanPeriodId } from 'shequ';
 * const id: PlanPeriodId = '15th';
 * ```
 */
export type PlanPeriodId = '14th' | '15th';

const period = (
  id: PlanPeriodId,
  name: LocalizedText,
  firstYear: number,
  documents: readonly PlanDocument[],
): PlanPeriod => ({
  id,
  name,
  firstYear,
  lastYear: firstYear + 4,
  start: `${firstYear}-01-01`,
  end: `${firstYear + 4}-12-31`,
  baselineYear: firstYear - 1,
  targetYear: firstYear + 4,
  documents,
});

/**
 * The plan periods the library knows, in time order: 十四五 (2021–2025, baseline 2020; seed 002: "规划期为2021年至
 * 2025年") and 十五五 (2026–2030, baseline 2025). No 十五五 community-service plan text is held by the library, so the
 * 十五五 period lists no document and the built-in profiles set no 十五五 target: a user adds them with a profile
 * file (`loadProfile`).
 *
 * @example
 * ```ts
 * import { PLAN_PERIODS } from 'shequ';
 * PLAN_PERIODS.map((period) => `${period.id} ${period.start}–${period.end}`);
 * //=> ['14th 2021-01-01–2025-12-31', '15th 2026-01-01–2030-12-31']
 * ```
 */
export const PLAN_PERIODS: readonly [PlanPeriod, PlanPeriod] = [
  period('14th', { zh: '十四五', en: '14th Five-Year Plan period' }, 2021, [
    { title: '“十四五”城乡社区服务体系建设规划', number: '国办发〔2021〕56号', level: 'national' },
    { title: '河北省城乡社区服务体系建设“十四五”规划', level: 'province', seed: 'seed 002' },
    { title: '北京市“十四五”城乡社区服务体系建设规划', level: 'province', seed: 'seed 000' },
  ]),
  period('15th', { zh: '十五五', en: '15th Five-Year Plan period' }, 2026, []),
];

/**
 * The plan period of an id, or `undefined` for an id the library does not know. Never throws.
 *
 * @param id - a period id (`'14th'`, `'15th'`)
 * @returns the period
 *
 * @example
 * ```ts
 * import { planPeriodById } from 'shequ';
 * planPeriodById('14th')?.end;
 * //=> '2025-12-31'
 * ```
 */
export function planPeriodById(id: unknown): PlanPeriod | undefined {
  return PLAN_PERIODS.find((candidate) => candidate.id === id);
}

/**
 * The plan period whose years contain a date, or `undefined` when none does (before 2021, after 2030). Never throws;
 * anything but a `'YYYY-MM-DD'` string gives `undefined`.
 *
 * @param date - a calendar date `'YYYY-MM-DD'`
 * @returns the period
 *
 * @example
 * ```ts
 * import { planPeriodAt } from 'shequ';
 * [planPeriodAt('2025-12-31')?.id, planPeriodAt('2026-01-01')?.id, planPeriodAt('2031-01-01')?.id];
 * //=> ['14th', '15th', undefined]
 * ```
 */
export function planPeriodAt(date: unknown): PlanPeriod | undefined {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  return PLAN_PERIODS.find((candidate) => date >= candidate.start && date <= candidate.end);
}

/**
 * The latest plan period that has ended by a date (its last day on or before it): the period whose final evaluation
 * (终期评估) is due. `undefined` before the first has ended, and for anything but a `'YYYY-MM-DD'` string.
 *
 * @param date - a calendar date `'YYYY-MM-DD'`
 * @returns the period
 *
 * @example
 * ```ts
 * import { planPeriodEndedBy } from 'shequ';
 * [planPeriodEndedBy('2025-12-30')?.id, planPeriodEndedBy('2025-12-31')?.id, planPeriodEndedBy('2026-11-24')?.id];
 * //=> [undefined, '14th', '14th']
 * ```
 */
export function planPeriodEndedBy(date: unknown): PlanPeriod | undefined {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  let ended: PlanPeriod | undefined;
  for (const candidate of PLAN_PERIODS)
    if (candidate.end <= date && (ended?.end ?? '') < candidate.end) ended = candidate;
  return ended;
}

/** The issue of a `period` option that names no known plan period. */
export function unknownPeriodIssue() {
  const known = PLAN_PERIODS.map((candidate) => candidate.id).join(', ');
  return invalidOption(
    ['period'],
    `period 应为已知的规划期（${known}）`,
    `period must be a known plan period (${known})`,
  );
}

/**
 * The period whose figures a date is judged against: the one containing it; before the first period, the first (its
 * targets are the nearest ahead, as before periods were data); after the last, none (no targets exist yet).
 */
export function periodForDate(date: string): PlanPeriod | undefined {
  const first = PLAN_PERIODS[0];
  return planPeriodAt(date) ?? (date < first.start ? first : undefined);
}

/** The as-of date and the period a call judges against: its own `period` option, or the period of the date. */
export interface PeriodAndDate {
  readonly asOf: string;
  /** `undefined`: the date lies after every known period (no targets exist yet). */
  readonly period: PlanPeriod | undefined;
}

/**
 * Resolves the `period` and `asOf` options: an explicit period is used whatever the date (its end is the default
 * date: a final evaluation); otherwise the date (default today in China) chooses it. An unknown period id is an
 * `invalid_option` issue, a bad date an `invalid_date` one.
 */
export function resolvePeriodAndDate(period: unknown, asOf: AsOfInput | undefined): Result<PeriodAndDate> {
  if (period === undefined) {
    const date = resolveAsOf(asOf);
    return date.success ? success({ asOf: date.data, period: periodForDate(date.data) }) : date;
  }
  const chosen = planPeriodById(period);
  if (chosen === undefined) return failure([unknownPeriodIssue()]);
  const date = resolveAsOf(asOf ?? chosen.end);
  return date.success ? success({ asOf: date.data, period: chosen }) : date;
}
