import { createIssue, type Issue, type PathSegment } from '../core/issue.js';
import { STATISTICS_YEAR_RANGE } from '../model/fields.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { VALID_OF_KIND } from '../model/unit-statistics.js';
import { ELSEWHERE, FIRST_TIME } from './unit-registry.js';

// What an accumulator says of each row it is given, and the warning of a row it did not count: a row it cannot place,
// a region's second total of a kind (`duplicate_total`), or a unit whose code it counted already in that year
// (`duplicate_code`: the first occurrence counts). Counts add up: rows given = counted + not counted.

/** The row was counted. */
export const ROW_COUNTED = FIRST_TIME;
/** The row cannot be placed: no code of its kind's level, no kind, or a `year` that is not a year. */
export const ROW_NOT_PLACED = -2;
/** The row is a region's second total of its kind. */
export const ROW_REPEATED_TOTAL = -3;

/**
 * Positions of rows of one source (lines, indices) stay below this; a position in another source of the same job is
 * `source × SOURCE_SPAN + line`, source 1 the first of the names given with it (the command line's files).
 */
export const SOURCE_SPAN = 2 ** 36;

/** Where the row was (an index in an array, a line in a file), and the names of the other sources a position may name. */
export type NotCountedAt = (
  | { readonly path: readonly PathSegment[] }
  | { readonly line: number; readonly path?: readonly PathSegment[] }
) & {
  /** The `year` option: the year of rows without one (the year a repeated unit is named with). */
  readonly year?: number | undefined;
  /** The names of sources 1, 2, … of positions (see {@link SOURCE_SPAN}). */
  readonly sources?: readonly string[] | undefined;
};

/** The place of a first occurrence, in words: an index of an array, or a line (of a named source). */
function placeText(first: number, at: NotCountedAt): { zh: string; en: string } {
  if (first === ELSEWHERE) return { zh: '输入的另一部分', en: 'another part of the input' };
  if (!('line' in at)) return { zh: `第 ${first} 项（从 0 起）`, en: `index ${first}` };
  const source = Math.floor(first / SOURCE_SPAN);
  const line = first % SOURCE_SPAN;
  const name = source === 0 ? undefined : at.sources?.[source - 1];
  if (name === undefined) return { zh: `第 ${line} 行`, en: `line ${line}` };
  return { zh: `${name} 第 ${line} 行`, en: `line ${line} of ${name}` };
}

/**
 * The warning of a unit (or a township's or district's own row) whose code was counted already in the same year,
 * at `first` (a position as the accumulator was given it): the first occurrence counts, this one is not counted.
 */
export function repeatedUnitIssue(code: string, year: number, first: number, at: NotCountedAt): Issue {
  const place = placeText(first, at);
  // The year before the code in Chinese, after words in English: digits right after a code, across a bracket or a
  // space, could read as a 15-digit ID number, and be masked.
  const zhYear = year > 0 ? `${year} 年度` : '';
  const enYear = year > 0 ? ` for ${year}` : '';
  return createIssue(
    'duplicate_code',
    {
      zh: `${zhYear}统计用区划代码 ${code} 重复：${place.zh}已计入，此行未计入（否则会重复计数）`,
      en: `Code ${code} is listed again${enYear}: the row at ${place.en} is counted, this one is not (it would count twice)`,
    },
    { ...locationOf(at), severity: 'warning' },
  );
}

/** The issue's own location: the path, and the line when there is one. */
function locationOf(at: NotCountedAt): { path?: readonly PathSegment[]; line?: number } {
  return 'line' in at
    ? { ...(at.path === undefined ? {} : { path: at.path }), line: at.line }
    : { path: at.path };
}

/**
 * The warning of a row the accumulator did not count, from what its `addAt` said (`outcome`): a region's second total
 * of a kind (`duplicate_total`: it would count the region twice), a unit counted already (`duplicate_code`, naming
 * where: `outcome` is its first position), or a row it cannot place; `at` says where (an index in an array, a line
 * in a file).
 */
export function notCountedIssue(row: unknown, outcome: number, at: NotCountedAt): Issue {
  if (outcome >= 0) {
    const given = row as UnitStatistics;
    const year: unknown = given.year ?? at.year;
    return repeatedUnitIssue(String(given.code), typeof year === 'number' ? year : 0, outcome, at);
  }
  if (outcome === ROW_REPEATED_TOTAL) {
    const { code } = row as UnitStatistics;
    return createIssue(
      'duplicate_total',
      {
        zh: `区域 ${code} 已有同类合计行，此行未计入（否则会重复计数）`,
        en: `Region ${code} already has a total of this kind; this row is not counted (it would count twice)`,
      },
      { ...locationOf(at), severity: 'warning' },
    );
  }
  const year: unknown = (row as { year?: unknown } | null | undefined)?.year;
  if (year !== undefined && !VALID_OF_KIND.year(year)) {
    return createIssue(
      'invalid_value',
      {
        zh: `统计年度无效：应为 ${STATISTICS_YEAR_RANGE.min}–${STATISTICS_YEAR_RANGE.max} 的整数年份，此行未计入`,
        en: `Invalid year: a whole year from ${STATISTICS_YEAR_RANGE.min} to ${STATISTICS_YEAR_RANGE.max} is needed; this row is not counted`,
      },
      { ...locationOf(at), severity: 'warning' },
    );
  }
  return createIssue(
    'invalid_value',
    {
      zh: '无法归入区域：需要类型（居委会/村委会、街道/乡镇、县/区、社区合计/村合计）和该类型级别的有效统计用区划代码',
      en: 'Cannot be placed: a kind and a valid division code of that kind’s level are needed',
    },
    { ...locationOf(at), severity: 'warning' },
  );
}
