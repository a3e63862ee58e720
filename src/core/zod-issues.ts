import type { z } from 'zod';
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

function describeBound(issue: { origin?: string; inclusive?: boolean }, bound: number | bigint, below: boolean): LocalizedText {
  const inclusive = issue.inclusive !== false;
  const what = issue.origin === 'string' || issue.origin === 'array' ? { zh: '长度', en: 'length' } : { zh: '值', en: 'value' };
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

function translate(issue: z.core.$ZodIssue): { code: IssueCode | string; message: LocalizedText; position?: number } {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'nonoptional' || (issue.input === undefined && issue.expected !== 'undefined')) {
        return { code: 'invalid_type', message: { zh: '缺少必填项', en: 'Required value is missing' } };
      }
      const zh = TYPE_ZH[issue.expected] ?? issue.expected;
      return { code: 'invalid_type', message: { zh: `应为${zh}`, en: `Expected ${issue.expected}` } };
    }
    case 'too_small':
      return { code: 'invalid_value', message: describeBound(issue, issue.minimum, true) };
    case 'too_big':
      return { code: 'invalid_value', message: describeBound(issue, issue.maximum, false) };
    case 'invalid_value': {
      const options = issue.values.map((value) => JSON.stringify(value)).join(', ');
      return { code: 'invalid_value', message: { zh: `应为以下之一：${options}`, en: `Expected one of ${options}` } };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      return { code: 'unrecognized_key', message: { zh: `未知字段：${keys}`, en: `Unrecognized keys: ${keys}` } };
    }
    case 'invalid_format':
      return { code: 'invalid_format', message: { zh: '格式错误', en: issue.message } };
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

/**
 * Turns zod's issues into the library's, keeping each path. Inputs are never echoed, so no personal data leaks.
 *
 * @param error - a zod error from `safeParse`
 * @param prefix - a path to put in front of every issue
 * @returns library issues, all errors
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { issuesFromZod } from 'shequ';
 * const result = z.object({ households: z.int() }).safeParse({ households: 'many' });
 * if (!result.success) issuesFromZod(result.error)[0];
 * //=> { code: 'invalid_type', path: ['households'], severity: 'error',
 * //     message: { zh: '应为整数', en: 'Expected int' } }
 * ```
 */
export function issuesFromZod(error: z.ZodError, prefix: readonly PathSegment[] = []): Issue[] {
  return error.issues.map((issue) => {
    const { code, message, position } = translate(issue);
    const path = [...prefix, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
    return createIssue(code, message, position === undefined ? { path } : { path, position });
  });
}
