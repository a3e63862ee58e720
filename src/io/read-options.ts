import { createIssue, type Issue } from '../core/issue.js';
import { type CsvParserOptions, invalidCsvOptions } from './csv-parser.js';
import { isTextEncodingName, type TextEncodingName } from './decode.js';

/** What each option must be, for the `invalid_option` message (values are never echoed: they may be anything). */
const RULES: Readonly<Record<string, { zh: string; en: string }>> = {
  options: { zh: '选项应为对象', en: 'options must be an object' },
  delimiter: {
    zh: 'delimiter 应为一个字符，且不是引号或换行',
    en: 'delimiter must be one character, not a quote or a line break',
  },
  maxFieldLength: { zh: 'maxFieldLength 应为正整数', en: 'maxFieldLength must be a positive integer' },
  maxRecordLength: { zh: 'maxRecordLength 应为正整数', en: 'maxRecordLength must be a positive integer' },
  maxFieldsPerRecord: {
    zh: 'maxFieldsPerRecord 应为正整数',
    en: 'maxFieldsPerRecord must be a positive integer',
  },
  encoding: {
    zh: 'encoding 应为 utf-8、utf-16le、utf-16be 或 gb18030',
    en: 'encoding must be utf-8, utf-16le, utf-16be or gb18030',
  },
};

/** Options of the readers, as they are used once copied and checked. */
export type CheckedReadOptions = CsvParserOptions & { readonly encoding?: TextEncodingName };

const KEYS = ['delimiter', 'maxFieldLength', 'maxRecordLength', 'maxFieldsPerRecord', 'encoding'] as const;

/**
 * Copies and checks the options of the readers without trusting them (any value may come from outside): each option
 * is read once (inside a try: a getter may throw), then the copy is checked — one `invalid_option` issue per bad
 * option, the values never echoed. `null` and non-objects are one bad `options`.
 */
export function checkReadOptions(options: unknown): { options: CheckedReadOptions; issues: Issue[] } {
  if (options === undefined) return { options: {}, issues: [] };
  const names: string[] = [];
  const copy: Record<string, unknown> = {};
  if (options === null || typeof options !== 'object') names.push('options');
  else {
    try {
      for (const key of KEYS) {
        const value = (options as Record<string, unknown>)[key];
        if (value !== undefined) copy[key] = value;
      }
    } catch {
      names.push('options');
    }
  }
  if (names.length === 0) {
    for (const name of invalidCsvOptions(copy as CsvParserOptions)) names.push(name);
    if (copy.encoding !== undefined && !isTextEncodingName(copy.encoding)) names.push('encoding');
  }
  const issues = names.map((name) =>
    createIssue('invalid_option', RULES[name] as { zh: string; en: string }, { path: [name] }),
  );
  return { options: issues.length === 0 ? (copy as CheckedReadOptions) : {}, issues };
}
