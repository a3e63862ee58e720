import type * as z from 'zod';
import { createIssue, type Issue, type LocalizedText, type PathSegment } from './issue.js';
import type { IssueCode } from './issue-codes.js';

const TYPE_ZH: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true/false）',
  object: '对象',
  array: '数组',
  date: '日期',
};

function describeBound(
  issue: { origin?: string; inclusive?: boolean },
  bound: number | bigint,
  below: boolean,
): LocalizedText {
  const inclusive = issue.inclusive !== false;
  const what =
    issue.origin === 'string' || issue.origin === 'array'
      ? { zh: '长度', en: 'length' }
      : { zh: '值', en: 'value' };
  if (below) {
    return {
      zh: `${what.zh}应${inclusive ? '不小于' : '大于'} ${bound}`,
      en: `The ${what.en} must be ${inclusive ? 'at least' : 'greater than'} ${bound}`,
    };
  }
  return {
    zh: `${what.zh}应${inclusive ? '不大于' : '小于'} ${bound}`,
    en: `The ${what.en} must be ${inclusive ? 'at most' : 'less than'} ${bound}`,
  };
}

/** Chinese for the format messages of the library's own schemas (a regex keeps the JSON Schema's `pattern`). */
const FORMAT_ZH: Readonly<Record<string, string>> = {
  'A unit code has 12 digits': '社区（村）代码应为12位数字',
  'A date is written YYYY-MM-DD': '日期应写作 YYYY-MM-DD',
  'A division code has 2, 4, 6, 9 or 12 digits': '区划代码应为 2、4、6、9 或 12 位数字',
};

const MISSING = {
  code: 'invalid_type',
  message: { zh: '缺少必填项', en: 'Required value is missing' },
} as const;

/** Whether the value at `path` of `input` is absent (zod's issues do not carry the input, to keep data private). */
function isMissing(input: unknown, path: readonly PropertyKey[]): boolean {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return true;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return false;
}

function translate(
  issue: z.core.$ZodIssue,
  input: unknown,
): { code: IssueCode | string; message: LocalizedText; position?: number } {
  if (
    (issue.code === 'invalid_type' || issue.code === 'invalid_value') &&
    input !== NO_INPUT &&
    isMissing(input, issue.path)
  ) {
    return MISSING;
  }
  switch (issue.code) {
    case 'invalid_type': {
      const zh = TYPE_ZH[issue.expected] ?? issue.expected;
      return { code: 'invalid_type', message: { zh: `应为${zh}`, en: `Expected ${issue.expected}` } };
    }
    case 'too_small':
      return { code: 'invalid_value', message: describeBound(issue, issue.minimum, true) };
    case 'too_big':
      return { code: 'invalid_value', message: describeBound(issue, issue.maximum, false) };
    case 'invalid_value': {
      const options = issue.values.map((value) => JSON.stringify(value)).join(', ');
      return {
        code: 'invalid_value',
        message: { zh: `应为以下之一：${options}`, en: `Expected one of ${options}` },
      };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      return {
        code: 'unrecognized_key',
        message: { zh: `未知字段：${keys}`, en: `Unrecognized keys: ${keys}` },
      };
    }
    case 'invalid_format':
      return {
        code: 'invalid_format',
        message: { zh: FORMAT_ZH[issue.message] ?? '格式错误', en: issue.message },
      };
    case 'custom': {
      const params = (issue.params ?? {}) as { shequCode?: string; zh?: string; position?: number };
      return {
        code: params.shequCode ?? 'invalid_value',
        message: { zh: params.zh ?? issue.message, en: issue.message },
        ...(params.position === undefined ? {} : { position: params.position }),
      };
    }
    default:
      return { code: 'invalid_value', message: { zh: '取值无效', en: issue.message } };
  }
}

const NO_INPUT = Symbol('no input');

/**
 * Options of {@link issuesFromZod}.
 *
 * @example
 * ```ts
 * import type { IssuesFromZodOptions } from 'shequ';
 * const options: IssuesFromZodOptions = { input: { households: 'many' }, path: ['units', 0] };
 * ```
 */
export interface IssuesFromZodOptions {
  /** The value that was parsed: with it, a missing value is told apart from one of the wrong type. */
  readonly input?: unknown;
  /** A path to put in front of every issue. */
  readonly path?: readonly PathSegment[];
}

/**
 * Turns zod's issues into the library's, keeping each path. Inputs are never echoed, so no personal data leaks.
 *
 * @param error - a zod error from `safeParse`
 * @param options - the parsed input (to report missing values as such) and a path prefix
 * @returns library issues, all errors
 *
 * @example
 * ```ts
 * import * as z from 'zod';
 * import { issuesFromZod } from 'shequ';
 * const result = z.object({ households: z.int() }).safeParse({ households: 'many' });
 * if (!result.success) issuesFromZod(result.error, { input: { households: 'many' } })[0];
 * //=> { code: 'invalid_type', path: ['households'], severity: 'error',
 * //     message: { zh: '应为整数', en: 'Expected int' } }
 * ```
 */
export function issuesFromZod(error: z.ZodError, options: IssuesFromZodOptions = {}): Issue[] {
  const input = 'input' in options ? options.input : NO_INPUT;
  const prefix = options.path ?? [];
  return error.issues.map((issue) => {
    const { code, message, position } = translate(issue, input);
    const path = [...prefix, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
    return createIssue(code, message, position === undefined ? { path } : { path, position });
  });
}
