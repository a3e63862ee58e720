/**
 * The words of reports for people: status and severity labels, targets and baselines as text (no catalogue here:
 * the names of indicators and rules are looked up through a RenderContext, see context.ts).
 */
import type { Severity } from '../core/issue.js';
import { ownValue } from '../core/own-value.js';
import type { ProgressStatus } from '../indicators/progress.js';
import type { IndicatorRow } from '../indicators/rows.js';
import type { Baseline, Comparator } from '../indicators/types.js';
import type { Bilingual } from './columns.js';

/**
 * The statuses of indicator rows as people read them.
 *
 * @example
 * ```ts
 * STATUS_LABELS['on-track'].zh;
 * //=> '进度正常'
 * ```
 */
export const STATUS_LABELS: Readonly<Record<ProgressStatus, Bilingual>> = {
  met: { zh: '达标', en: 'met' },
  'on-track': { zh: '进度正常', en: 'on track' },
  behind: { zh: '滞后', en: 'behind' },
  'not-met': { zh: '未达标', en: 'not met' },
  'no-target': { zh: '无目标', en: 'no target' },
  'no-data': { zh: '无数据', en: 'no data' },
};

/**
 * The statuses in the order reports count them (best first; the two without a judgement last).
 *
 * @example
 * ```ts
 * STATUS_ORDER.at(-1);
 * //=> 'no-data'
 * ```
 */
export const STATUS_ORDER: readonly ProgressStatus[] = [
  'met',
  'on-track',
  'behind',
  'not-met',
  'no-target',
  'no-data',
];

/**
 * The severities of findings as people read them.
 *
 * @example
 * ```ts
 * SEVERITY_LABELS.error.zh;
 * //=> '错误'
 * ```
 */
export const SEVERITY_LABELS: Readonly<Record<Severity, Bilingual>> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

const comparatorSign = (comparator: string) =>
  comparator === '>=' ? '≥' : comparator === '<=' ? '≤' : comparator;

/**
 * A target as reports show it (`≥ 30`, `> 18`, `= 100`; `—` for none).
 *
 * @param target - a row's target
 * @returns the text
 *
 * @example
 * ```ts
 * targetText({ comparator: '>=', value: 30, year: 2025, confidence: 'seed', source: '' });
 * //=> '≥ 30'
 * ```
 */
export function targetText(target: IndicatorRow['target']): string {
  return target === undefined ? '—' : `${comparatorSign(target.comparator)} ${target.value}`;
}

/**
 * A baseline's comparator, its own (absent for a plain figure): a `comparator` given to Object.prototype is not the
 * baseline's (core/own-value.ts).
 *
 * @param baseline - a baseline (or none)
 * @returns its comparator, or undefined
 *
 * @example
 * ```ts
 * comparatorOf({ value: 98, year: 2020, confidence: 'seed', source: '' });
 * //=> undefined
 * ```
 */
export const comparatorOf = (baseline: Baseline | undefined): Comparator | undefined =>
  baseline === undefined ? undefined : ownValue<Comparator>(baseline, 'comparator');

/**
 * A baseline as reports show it: its comparator where the text gives one (`≥ 98`), else the figure (`—` for none).
 *
 * @param baseline - a row's baseline
 * @returns the text
 *
 * @example
 * ```ts
 * baselineText({ value: 98, comparator: '>=', year: 2020, confidence: 'seed', source: '' });
 * //=> '≥ 98'
 * ```
 */
export function baselineText(baseline: IndicatorRow['baseline']): string {
  if (baseline === undefined) return '—';
  const comparator = comparatorOf(baseline);
  return comparator === undefined
    ? String(baseline.value)
    : `${comparatorSign(comparator)} ${baseline.value}`;
}
