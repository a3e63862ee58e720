/** Household counts of residential points: whole numbers from 0 to 2^53 − 1, and the issues of those that are not. */
import { createIssue, type Issue } from '../core/issue.js';

/** The largest count a unit's sum may reach: past it, a double no longer holds every whole number. */
export const MOST_HOUSEHOLDS = Number.MAX_SAFE_INTEGER;

/** A count of households or people: a whole number from 0 to 2^53 − 1 (never fractional; sums of them exact). */
export function isWholeCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** A count given that is no count: the point weighs 1, as one without a count does, and the caller is told. */
export function notACountIssue(at: number, households: unknown): Issue {
  const value =
    typeof households === 'number' || households === null
      ? String(households)
      : typeof households === 'string'
        ? households.slice(0, 100)
        : undefined;
  return createIssue(
    'invalid_value',
    {
      zh: `户数应为不小于 0 的整数（不超过 ${MOST_HOUSEHOLDS}）；此点按 1 户计（未加权）`,
      en: `Households must be a whole number from 0 to ${MOST_HOUSEHOLDS}; the point counts as 1 household (unweighted)`,
    },
    {
      severity: 'warning',
      path: ['residential', at, 'households'],
      ...(value === undefined ? {} : { value }),
    },
  );
}

/** A unit whose households add up past 2^53 − 1: refused rather than rounded. */
export function tooManyHouseholdsIssue(at: number, unit: string): Issue {
  const shown = unit.slice(0, 32);
  return createIssue(
    'invalid_value',
    {
      zh: `单位 ${shown} 的户数合计超过 ${MOST_HOUSEHOLDS}，无法精确表示`,
      en: `The households of unit ${shown} add up to more than ${MOST_HOUSEHOLDS}, past what a number holds exactly`,
    },
    { path: ['residential', at, 'households'] },
  );
}
