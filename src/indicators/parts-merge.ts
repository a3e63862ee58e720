import { guarded } from '../core/guard.js';
import { createIssue, type Issue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { issuesUnder, PARTS_FORMAT, PARTS_FORMAT_YEARS, parseIndicatorParts } from './parts-parse.js';
import type { IndicatorParts, IndicatorYearParts } from './sums.js';
import { duplicateTotalIssue, mergeTotals } from './total-store.js';

/**
 * Merges parts of the same indicators into new parts: sums per township. Associative and commutative, with the parts
 * of no rows as identity, so the order and grouping of merges never changes a figure. Both arguments are checked
 * with {@link parseIndicatorParts} first (parts read from JSON are outside data); never throws, and the merged
 * townships are a null-prototype object.
 *
 * @param first - some parts
 * @param second - parts of the same indicators
 * @returns the merged parts, or issues whose path starts with the argument (`0` or `1`): malformed parts, different
 *   indicators, or a sum past 2^53
 *
 * @example
 * ```ts
 * import { createIndicatorAccumulator, mergeIndicatorParts } from 'shequ';
 * const a = createIndicatorAccumulator();
 * a.add({ code: '130123100201', kind: 'village', hasFacility: true });
 * const b = createIndicatorAccumulator();
 * b.add({ code: '110101001001', kind: 'community', hasFacility: false });
 * const merged = mergeIndicatorParts(a.parts(), b.parts());
 * merged.success && Object.keys(merged.data.townships);
 * //=> ['130123100000', '110101001000']
 * ```
 */
export function mergeIndicatorParts(first: IndicatorParts, second: IndicatorParts): Result<IndicatorParts> {
  return guarded((): Result<IndicatorParts> => {
    const a = parseIndicatorParts(first);
    const b = parseIndicatorParts(second);
    if (!a.success || !b.success) return failure([...issuesUnder(a, 0), ...issuesUnder(b, 1)]);
    const ids = a.data.indicators;
    if (ids.length !== b.data.indicators.length || ids.some((id, i) => id !== b.data.indicators[i])) {
      return failure([
        createIssue(
          'invalid_value',
          { zh: '两份部分汇总的指标不一致，不能合并', en: 'The two parts hold different indicators' },
          { path: [1, 'indicators'] },
        ),
      ]);
    }
    const base = mergeYearParts(a.data, b.data, []);
    if ('issue' in base) return failure([base.issue]);
    const skipped = a.data.skipped + b.data.skipped;
    if (skipped > Number.MAX_SAFE_INTEGER) return failure([tooLargeIssue([1, 'skipped'])]);
    const { townships, totals } = base.merged;
    const parts =
      totals === undefined
        ? { indicators: ids, townships, skipped }
        : { indicators: ids, townships, skipped, totals };
    const yearKeys = [...new Set([...Object.keys(a.data.years ?? {}), ...Object.keys(b.data.years ?? {})])];
    if (yearKeys.length === 0) return success({ format: PARTS_FORMAT, ...parts });
    const years = Object.create(null) as Record<string, IndicatorYearParts>;
    for (const year of yearKeys.sort()) {
      const empty = { townships: {} };
      const merged = mergeYearParts(a.data.years?.[year] ?? empty, b.data.years?.[year] ?? empty, [
        'years',
        year,
      ]);
      if ('issue' in merged) return failure([merged.issue]);
      years[year] = merged.merged;
    }
    return success({ format: PARTS_FORMAT_YEARS, ...parts, years });
  });
}

/** The townships and totals of one year of two checked parts, summed; or the issue of a sum too large or a clash. */
function mergeYearParts(
  a: IndicatorYearParts,
  b: IndicatorYearParts,
  at: readonly string[],
): { readonly merged: IndicatorYearParts } | { readonly issue: Issue } {
  const townships = Object.create(null) as Record<string, number[]>;
  for (const source of [a.townships, b.townships]) {
    for (const code of Object.keys(source)) {
      const numbers = source[code] as readonly number[];
      const target = townships[code];
      if (target === undefined) townships[code] = [...numbers];
      else {
        for (let i = 0; i < numbers.length; i++) target[i] = (target[i] as number) + (numbers[i] as number);
        const index = target.findIndex((n) => n > Number.MAX_SAFE_INTEGER);
        if (index >= 0) return { issue: tooLargeIssue([1, ...at, 'townships', code, index]) };
      }
    }
  }
  const merged = mergeTotals(a.totals, b.totals);
  if ('clash' in merged) return { issue: duplicateTotalIssue(merged.clash, [1, ...at]) };
  return { merged: merged.totals === undefined ? { townships } : { townships, totals: merged.totals } };
}

/** A sum past 2^53 would no longer be exact in a double: refused rather than rounded silently. */
export function tooLargeIssue(path: readonly (string | number)[]): Issue {
  return createIssue(
    'invalid_value',
    {
      zh: '合并后的和超过 2^53，无法精确表示',
      en: 'The merged sum exceeds 2^53 and would no longer be exact',
    },
    { path },
  );
}
