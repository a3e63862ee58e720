import { divisionLevelIndex } from '../codes/village-key.js';
import { guarded } from '../core/guard.js';
import { createIssue, type Issue, type PathSegment } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { STATISTICS_YEAR_RANGE } from '../model/fields.js';
import type { TotalKind } from '../model/row-kind.js';
import { unknownProfileText } from './profile-issue.js';
import { resolveIndicatorProfile } from './profiles.js';
import type { IndicatorParts, IndicatorYearParts } from './sums.js';
import type { IndicatorProfile } from './types.js';

/** The format tag of parts without years, which this version writes and reads. */
export const PARTS_FORMAT = 'shequ-indicator-parts/1';
/** The format tag of parts with years (`years`): a reader of `/1` only refuses them instead of dropping the years (and `/2` is left for a real change of layout). */
export const PARTS_FORMAT_YEARS = 'shequ-indicator-parts/1+years';

/** Issues listed before the rest are summarised in one: a hostile file of 10⁶ bad numbers gives 101 issues, not 10⁶. */
const MAX_ISSUES = 100;

/**
 * Options of {@link parseIndicatorParts}.
 *
 * @example
 * ```ts
 * import type { ParseIndicatorPartsOptions } from 'shequ';
 * const options: ParseIndicatorPartsOptions = { profile: 'hebei' };
 * ```
 */
export interface ParseIndicatorPartsOptions {
  /** When given, the parts must hold exactly this profile's indicators, in its order (a name or a profile). */
  readonly profile?: string | IndicatorProfile;
}

/** Where issues are collected, with the cap on their number. */
class IssueList {
  readonly issues: Issue[] = [];
  private dropped = 0;

  add(path: readonly PathSegment[], zh: string, en: string, code = 'invalid_value'): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push(createIssue(code, { zh, en }, { path }));
    else this.dropped++;
  }

  finish(): Issue[] {
    if (this.dropped > 0) {
      this.issues.push(
        createIssue('invalid_value', {
          zh: `另有 ${this.dropped} 处错误未列出`,
          en: `${this.dropped} more problems not listed`,
        }),
      );
    }
    return this.issues;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A key as it may appear in a path: never long enough to be a full ID number. */
function shownKey(key: string): string {
  return key.length > 12 ? `${key.slice(0, 12)}…` : key;
}

/** The profile option resolved, or an issue. */
function expectedIds(profile: ParseIndicatorPartsOptions['profile']): Result<readonly string[] | undefined> {
  if (profile === undefined) return success(undefined);
  const resolved = resolveIndicatorProfile(profile as never);
  if (resolved === undefined) {
    const unknown = unknownProfileText(profile);
    return failure([
      createIssue(
        'invalid_option',
        { zh: `选项错误：${unknown.zh}`, en: `Invalid option: ${unknown.en}` },
        { path: ['profile'] },
      ),
    ]);
  }
  return success(resolved.indicators.map((entry) => entry.indicator.id));
}

function checkIndicators(value: unknown, expected: readonly string[] | undefined, list: IssueList): string[] {
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) {
    list.add(
      ['indicators'],
      'indicators 应为指标代码（字符串）的数组',
      'indicators must be an array of indicator ids',
    );
    return [];
  }
  const ids = value as string[];
  if (new Set(ids).size !== ids.length) {
    list.add(['indicators'], 'indicators 中有重复的指标代码', 'indicators lists an indicator twice');
  }
  if (expected !== undefined && (ids.length !== expected.length || ids.some((id, i) => id !== expected[i]))) {
    list.add(
      ['indicators'],
      `部分汇总的指标与指标方案不一致（应为 ${expected.length} 项：${expected.join('、')}）`,
      `The parts hold other indicators than the profile (expected ${expected.length}: ${expected.join(', ')})`,
    );
  }
  return [...ids];
}

function checkNumbers(
  key: string,
  value: unknown,
  stride: number,
  list: IssueList,
  path: readonly PathSegment[] = ['townships', shownKey(key)],
): number[] | undefined {
  if (!Array.isArray(value) || value.length !== stride) {
    list.add(
      path,
      `每个乡级单位应有 ${stride} 个数（每项指标：分子、分母、缺失数）`,
      `Each township needs ${stride} numbers (numerator, denominator, missing per indicator)`,
    );
    return undefined;
  }
  const numbers: number[] = new Array(stride);
  let good = true;
  for (let i = 0; i < stride; i++) {
    const n: unknown = value[i];
    if (isCount(n)) numbers[i] = n;
    else {
      good = false;
      list.add(
        [...path, i],
        '应为不超过 2^53 的非负整数（面积以百分之一平方米计）',
        'Must be a non-negative integer below 2^53 (areas in hundredths of a m²)',
      );
    }
  }
  return good ? numbers : undefined;
}

function checkTownships(
  value: unknown,
  stride: number,
  list: IssueList,
  at: readonly PathSegment[] = [],
): Record<string, number[]> {
  // A null-prototype map: a key `__proto__` (an own key after JSON.parse) is rejected below, and even if one slipped
  // through it could never reach Object.prototype.
  const townships = Object.create(null) as Record<string, number[]>;
  if (!isRecord(value)) {
    list.add(
      [...at, 'townships'],
      'townships 应为对象（乡级代码 → 数组）',
      'townships must be an object (code → numbers)',
    );
    return townships;
  }
  for (const key of Object.keys(value)) {
    // A township's slot, or a district's own (its county code): what the accumulator writes.
    const level = /^\d{9}000$/.test(key) ? divisionLevelIndex(key) : -1;
    if (level !== 3 && level !== 2) {
      list.add(
        [...at, 'townships', shownKey(key)],
        '应为 12 位乡级统计用区划代码（末三位为 000）或县级代码（县（区）行）',
        'Must be a 12-digit township code (ending in 000), or a county code (district rows)',
      );
      continue;
    }
    const numbers = checkNumbers(key, value[key], stride, list, [...at, 'townships', shownKey(key)]);
    if (numbers !== undefined) townships[key] = numbers;
  }
  return townships;
}

/** The region totals of parts: kind → region code (not village level) → numbers, each `given` 0 or 1. */
function checkTotals(
  value: unknown,
  stride: number,
  list: IssueList,
  at: readonly PathSegment[] = [],
): IndicatorParts['totals'] {
  const totals: Partial<Record<TotalKind, Record<string, number[]>>> = {};
  if (!isRecord(value)) {
    list.add(
      [...at, 'totals'],
      'totals 应为对象（合计类型 → 区域代码 → 数组）',
      'totals must be an object (kind → code → numbers)',
    );
    return totals;
  }
  for (const kind of Object.keys(value)) {
    const byRegion = value[kind];
    if ((kind !== 'communityTotal' && kind !== 'villageTotal') || !isRecord(byRegion)) {
      list.add(
        [...at, 'totals', shownKey(kind)],
        '应为 communityTotal 或 villageTotal 的对象',
        'Must be communityTotal or villageTotal, an object',
      );
      continue;
    }
    const regions = Object.create(null) as Record<string, number[]>;
    for (const code of Object.keys(byRegion)) {
      const level = /^\d{12}$/.test(code) ? divisionLevelIndex(code) : -1;
      const path = [...at, 'totals', kind, code];
      const numbers =
        level >= 0 && level < 4 ? checkNumbers(code, byRegion[code], stride, list, path) : undefined;
      if (level < 0 || level === 4) {
        list.add(
          [...at, 'totals', kind, shownKey(code)],
          '应为 12 位省、地、县或乡级区划代码',
          'Must be a 12-digit region code (not village level)',
        );
      } else if (numbers?.some((n, i) => i % 3 === 2 && n > 1)) {
        list.add(
          [...at, 'totals', kind, code],
          '每项指标的第三个数应为 0 或 1（是否给出）',
          'The third number of each indicator must be 0 or 1 (given)',
        );
      } else if (numbers !== undefined) regions[code] = numbers;
    }
    totals[kind] = regions;
  }
  return totals;
}

function parseParts(json: unknown, options: ParseIndicatorPartsOptions): Result<IndicatorParts> {
  if (!isRecord(json)) {
    return failure([
      createIssue('invalid_type', {
        zh: '部分汇总应为对象（JSON）',
        en: 'Parts must be an object (JSON)',
      }),
    ]);
  }
  const expected = expectedIds(options.profile);
  if (!expected.success) return expected;
  const list = new IssueList();
  const withYears = json.years !== undefined;
  if (json.format !== PARTS_FORMAT_YEARS && (withYears || json.format !== PARTS_FORMAT)) {
    const tag = withYears ? PARTS_FORMAT_YEARS : PARTS_FORMAT;
    list.add(['format'], `格式标记应为 ${tag}`, `The format tag must be ${tag}`);
  }
  const indicators = checkIndicators(json.indicators, expected.data, list);
  const townships = checkTownships(json.townships, indicators.length * 3, list);
  if (!isCount(json.skipped)) {
    list.add(['skipped'], 'skipped 应为非负整数', 'skipped must be a non-negative integer');
  }
  const totals =
    json.totals === undefined ? undefined : checkTotals(json.totals, indicators.length * 3, list);
  const years = withYears ? checkYears(json.years, indicators.length * 3, list) : undefined;
  if (list.issues.length > 0) return failure(list.finish());
  const parts = { indicators, townships, skipped: json.skipped as number };
  const plain = totals === undefined ? parts : { ...parts, totals };
  return success(
    years === undefined
      ? { format: PARTS_FORMAT, ...plain }
      : { format: PARTS_FORMAT_YEARS, ...plain, years },
  );
}

/** The years of parts: year (4 digits, in the statistics range) → { townships, totals? }. */
function checkYears(value: unknown, stride: number, list: IssueList): Record<string, IndicatorYearParts> {
  const years = Object.create(null) as Record<string, IndicatorYearParts>;
  if (!isRecord(value)) {
    list.add(['years'], 'years 应为对象（年度 → 部分汇总）', 'years must be an object (year → sums)');
    return years;
  }
  for (const key of Object.keys(value)) {
    const year = Number(key);
    const part = value[key];
    if (!/^\d{4}$/.test(key) || year < STATISTICS_YEAR_RANGE.min || year > STATISTICS_YEAR_RANGE.max) {
      list.add(
        ['years', shownKey(key)],
        `应为 ${STATISTICS_YEAR_RANGE.min}–${STATISTICS_YEAR_RANGE.max} 的四位年份`,
        `Must be a four-digit year from ${STATISTICS_YEAR_RANGE.min} to ${STATISTICS_YEAR_RANGE.max}`,
      );
      continue;
    }
    if (!isRecord(part)) {
      list.add(
        ['years', key],
        '应为 { townships, totals? } 对象',
        'Must be an object { townships, totals? }',
      );
      continue;
    }
    const at = ['years', key];
    const townships = checkTownships(part.townships, stride, list, at);
    const totals = part.totals === undefined ? undefined : checkTotals(part.totals, stride, list, at);
    years[key] = totals === undefined ? { townships } : { townships, totals };
  }
  return years;
}

/**
 * Checks parts read from outside (a JSON file, a worker, a database) and returns a clean copy: the format tag, the
 * indicator ids (equal to the profile's when `profile` is given), 12-digit township codes as keys, `3 × indicators`
 * numbers per township, every number a non-negative integer below 2^53 (areas are integer hundredths of a m²).
 * The copy holds its townships in a null-prototype object, so a key such as `__proto__` can never reach
 * `Object.prototype`. Never throws; at most 100 issues are listed, each with the JSON path of the bad piece.
 *
 * @param json - parts as parsed from JSON (or any value)
 * @param options - the profile the parts must match
 * @returns the checked parts, or the issues
 *
 * @example
 * ```ts
 * import { parseIndicatorParts } from 'shequ';
 * const evil = JSON.parse('{"format":"shequ-indicator-parts/1","indicators":[],"townships":{"__proto__":[]},"skipped":0}');
 * const result = parseIndicatorParts(evil);
 * result.success || result.error.issues[0]?.path;
 * //=> ['townships', '__proto__']
 * ```
 */
export function parseIndicatorParts(
  json: unknown,
  options: ParseIndicatorPartsOptions = {},
): Result<IndicatorParts> {
  return guarded(() => {
    if (options === null || typeof options !== 'object') {
      return failure([
        createIssue(
          'invalid_option',
          { zh: '选项错误：选项应为对象', en: 'Invalid option: options must be an object' },
          { path: ['options'] },
        ),
      ]);
    }
    return parseParts(json, options);
  });
}

/** The issues of a failure, each path put under `prefix` (which argument of a call the parts were). */
export function issuesUnder(result: Result<unknown>, prefix: PathSegment): readonly Issue[] {
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ ...issue, path: [prefix, ...issue.path] }));
}
