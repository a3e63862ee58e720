import type { Issue } from './issue.js';
import { maskIdNumbersInText } from './mask.js';

/**
 * The success branch of a {@link Result}: the parsed value, and any warnings that did not make it invalid.
 *
 * @example
 * ```ts
 * import type { Success } from 'shequ';
 * const ok: Success<number> = { success: true, data: 42 };
 * ```
 */
export interface Success<Data> {
  /** Always `true` on this branch. */
  readonly success: true;
  /** The parsed value. */
  readonly data: Data;
  /** Issues of severity `warning` or `info`; absent when there are none. */
  readonly warnings?: readonly Issue[];
}

/**
 * The failure branch of a {@link Result}: every issue found, errors first.
 *
 * @example
 * ```ts
 * import type { Failure } from 'shequ';
 * const failed: Failure = { success: false, error: { issues: [] } };
 * ```
 */
export interface Failure {
  /** Always `false` on this branch. */
  readonly success: false;
  /** What went wrong. */
  readonly error: {
    /** Every issue found: at least one error, possibly warnings too. */
    readonly issues: readonly Issue[];
  };
}

/**
 * What every validator and parser of the library returns, shaped like zod's `safeParse`: check `success`, then read
 * `data` or `error.issues`. Validators never throw on bad data.
 *
 * @example
 * ```ts
 * import { validateCreditCode } from 'shequ';
 * const result = validateCreditCode('914403001922038216');
 * if (result.success) console.log(result.data.category.name.zh);
 * //=> '企业'
 * ```
 */
export type Result<Data> = Success<Data> | Failure;

/**
 * Makes a success result, attaching `warnings` only when there are some.
 *
 * @param data - the value
 * @param warnings - warnings or infos found on the way
 * @returns `{ success: true, data, warnings? }`
 *
 * @example
 * ```ts
 * import { success } from 'shequ';
 * success(1);
 * //=> { success: true, data: 1 }
 * ```
 */
export function success<Data>(data: Data, warnings?: readonly Issue[]): Success<Data> {
  return warnings !== undefined && warnings.length > 0
    ? { success: true, data, warnings }
    : { success: true, data };
}

/**
 * Makes a failure result from the issues found (at least one should be an error).
 *
 * @param issues - the issues
 * @returns `{ success: false, error: { issues } }`
 *
 * @example
 * ```ts
 * import { createIssue, failure } from 'shequ';
 * failure([createIssue('invalid_type', { zh: '应为字符串', en: 'Expected a string' })]).success;
 * //=> false
 * ```
 */
export function failure(issues: readonly Issue[]): Failure {
  return { success: false, error: { issues } };
}

/**
 * Thrown by the throwing variants (`…OrThrow`) of validators: carries the same issues a {@link Failure} holds.
 *
 * @example
 * ```ts
 * import { ShequError, createIssue } from 'shequ';
 * const error = new ShequError([createIssue('invalid_format', { zh: '格式错误', en: 'Bad format' })]);
 * error.message;
 * //=> 'invalid_format: Bad format'
 * ```
 */
export class ShequError extends Error {
  /** The issues, as the failure result would hold them. */
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    // Issues made by createIssue are masked already; a caller's hand-built issue is masked here.
    super(
      maskIdNumbersInText(issues.map((issue) => `${issue.code}: ${issue.message.en}`).join('; ')) ||
        'Invalid input',
    );
    this.name = 'ShequError';
    this.issues = issues;
  }
}

/**
 * Returns the data of a result, or throws a {@link ShequError} holding its issues.
 *
 * @param result - a result of any validator
 * @returns its data
 * @throws {@link ShequError} when the result is a failure
 *
 * @example
 * ```ts
 * import { unwrap, parseDivisionCode } from 'shequ';
 * unwrap(parseDivisionCode('110105')).code;
 * //=> '110105000000'
 * ```
 */
export function unwrap<Data>(result: Result<Data>): Data {
  if (result.success) return result.data;
  throw new ShequError(result.error.issues);
}
