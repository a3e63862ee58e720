import type { LocalizedText, PathSegment } from '../core/issue.js';
import { numberText } from '../core/number-text.js';
import type { RuleOutcome } from './types.js';

/**
 * The outcome of a rule that passed (shared: no allocation per unit).
 *
 * @example
 * ```ts
 * import { passed } from 'shequ';
 * passed.status;
 * //=> 'passed'
 * ```
 */
export const passed: RuleOutcome = Object.freeze({ status: 'passed' });

/**
 * The outcome of a rule that does not apply to a unit (shared).
 *
 * @example
 * ```ts
 * import { notApplicable } from 'shequ';
 * notApplicable.status;
 * //=> 'not-applicable'
 * ```
 */
export const notApplicable: RuleOutcome = Object.freeze({ status: 'not-applicable' });

/**
 * The outcome of a rule whose data are missing: reported as not checked, never as passed.
 *
 * @param zh - what is missing, in Chinese
 * @param en - what is missing, in English
 * @returns the outcome
 *
 * @example
 * ```ts
 * import { notChecked } from 'shequ';
 * notChecked('缺少户数', 'households missing').status;
 * //=> 'not-checked'
 * ```
 */
export function notChecked(zh: string, en: string): RuleOutcome {
  return { status: 'not-checked', reason: { zh, en } };
}

/**
 * The outcome of a rule that failed once.
 *
 * @param path - where in the unit
 * @param message - what is wrong
 * @param expected - what the rule requires
 * @param actual - what the data say
 * @returns the outcome
 *
 * @example
 * ```ts
 * import { failed } from 'shequ';
 * failed(['households'], { zh: '户数过少', en: 'Too few households' }, '100–700', 80).status;
 * //=> 'failed'
 * ```
 */
export function failed(
  path: readonly PathSegment[],
  message: LocalizedText,
  expected: string | number,
  actual: string | number | null,
): RuleOutcome {
  return { status: 'failed', failures: [{ path, message, expected, actual }] };
}

/** One decimal for messages (the figure is in `actual` unrounded). */
export function shown(value: number): string {
  // numberText is String's text without V8's number-to-string cache (whose texts are old-generation garbage).
  return numberText(Math.round(value * 10) / 10);
}
