import type { IssueCode } from './issue-codes.js';
import { maskIdNumbersInText } from './mask.js';

/**
 * How serious an {@link Issue} is.
 *
 * - `error`: the input is invalid or a requirement is not met (不低于 / 必须 / 全覆盖).
 * - `warning`: worth attention, not proof of invalidity (一般 / 鼓励, an unverified figure, a code missing from a dataset).
 * - `info`: a fact worth reporting, with no requirement behind it.
 *
 * @example
 * ```ts
 * import type { Severity } from 'shequ';
 * const level: Severity = 'warning';
 * ```
 */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A text in Chinese and in English. Every user-facing message of the library has both.
 *
 * @example
 * ```ts
 * import type { LocalizedText } from 'shequ';
 * const title: LocalizedText = { zh: '校验位错误', en: 'Wrong check character' };
 * ```
 */
export interface LocalizedText {
  /** 中文. */
  readonly zh: string;
  /** English. */
  readonly en: string;
}

/** One step of an {@link Issue}'s path: an object key or an array index, as in zod. */
export type PathSegment = string | number;

/**
 * The one problem report of the whole library: validators, parsers, readers and rules all speak it.
 *
 * `code` is stable public API (see {@link ISSUE_CODES}); `message` is for people and may be reworded.
 * No part of an issue ever holds a full resident ID number.
 *
 * @example
 * ```ts
 * import { validateIdNumber } from 'shequ';
 * const result = validateIdNumber('110105194912310021');
 * if (!result.success) console.log(result.error.issues[0]);
 * //=> { code: 'invalid_checksum', path: [], severity: 'error', position: 18,
 * //     message: { zh: '校验码错误…', en: 'Wrong check character…' } }
 * ```
 */
export interface Issue<Code extends string = IssueCode | (string & {})> {
  /** Machine-readable code from {@link ISSUE_CODES} (or a caller's own for custom rules). */
  readonly code: Code;
  /** Where in the input the problem is: keys and indexes from the root, `[]` for the input itself. */
  readonly path: readonly PathSegment[];
  /** What is wrong, in Chinese and English. */
  readonly message: LocalizedText;
  /** How serious it is. */
  readonly severity: Severity;
  /** 1-based character position inside a code string, where one character is at fault. */
  readonly position?: number;
  /** 1-based physical line of a file where the record starts (readers only). */
  readonly line?: number;
  /** Column header of a file (readers only). */
  readonly column?: string;
  /** The offending cell as read (readers only; anything shaped like an ID number is masked). */
  readonly value?: string;
}

/**
 * Builds an {@link Issue}. The defaults are the common case: an error on the input itself. Every ID-shaped run in
 * the message, the value, the column and the path's keys is masked here (see `maskIdNumbersInText`), so no issue of
 * the library can carry a full ID number, whoever built its text.
 *
 * @param code - the issue code
 * @param message - the message in Chinese and English
 * @param extra - path, severity and location, where they differ from the defaults
 * @returns a frozen-shape issue object
 *
 * @example
 * ```ts
 * import { createIssue } from 'shequ';
 * createIssue('invalid_type', { zh: '应为字符串', en: 'Expected a string' });
 * //=> { code: 'invalid_type', path: [], severity: 'error', message: { zh: '应为字符串', en: 'Expected a string' } }
 * ```
 */
export function createIssue<Code extends string>(
  code: Code,
  message: LocalizedText,
  extra: {
    readonly path?: readonly PathSegment[];
    readonly severity?: Severity;
    readonly position?: number;
    readonly line?: number;
    readonly column?: string;
    readonly value?: string;
  } = {},
): Issue<Code> {
  const issue: {
    code: Code;
    path: readonly PathSegment[];
    message: LocalizedText;
    severity: Severity;
    position?: number;
    line?: number;
    column?: string;
    value?: string;
  } = {
    code,
    path: maskedPath(extra.path ?? []),
    message: maskedMessage(message),
    severity: extra.severity ?? 'error',
  };
  if (extra.position !== undefined) issue.position = extra.position;
  if (extra.line !== undefined) issue.line = extra.line;
  if (extra.column !== undefined) issue.column = maskIdNumbersInText(extra.column);
  if (extra.value !== undefined) issue.value = maskIdNumbersInText(extra.value);
  return issue;
}

/** The message with ID-shaped runs masked; the same object when there was nothing to mask (the common case). */
function maskedMessage(message: LocalizedText): LocalizedText {
  if (message === null || typeof message !== 'object') return message;
  const zh = typeof message.zh === 'string' ? maskIdNumbersInText(message.zh) : message.zh;
  const en = typeof message.en === 'string' ? maskIdNumbersInText(message.en) : message.en;
  return zh === message.zh && en === message.en ? message : { zh, en };
}

function maskedPath(path: readonly PathSegment[]): readonly PathSegment[] {
  if (!Array.isArray(path)) return path;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (typeof segment === 'string' && maskIdNumbersInText(segment) !== segment)
      return path.map((part) => (typeof part === 'string' ? maskIdNumbersInText(part) : part));
  }
  return path;
}

/**
 * Returns a copy of `issue` with `prefix` put in front of its path, for nesting a part's issues under the whole.
 *
 * @param issue - an issue of a part
 * @param prefix - the path of that part inside the whole
 * @returns the same issue, located in the whole
 *
 * @example
 * ```ts
 * import { createIssue, prefixIssuePath } from 'shequ';
 * const inner = createIssue('invalid_format', { zh: '格式错误', en: 'Bad format' });
 * prefixIssuePath(inner, ['workers', 0, 'idNumber']).path;
 * //=> ['workers', 0, 'idNumber']
 * ```
 */
export function prefixIssuePath<Code extends string>(
  issue: Issue<Code>,
  prefix: readonly PathSegment[],
): Issue<Code> {
  return { ...issue, path: maskedPath([...prefix, ...issue.path]) };
}
