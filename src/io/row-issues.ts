import { createIssue, type Issue, type LocalizedText } from '../core/issue.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { parseUnitStatistics } from '../model/unit-statistics-schema.js';
import {
  parseBooleanCell,
  parseCodeCell,
  parseNumberCell,
  parseUnitKindCell,
  parseYearCell,
} from './cells.js';
import type { CsvRecord } from './csv-parser.js';
import { FIELD_TYPES } from './headers.js';
import type { HeaderInfo } from './row-reader.js';
import { SHOWN } from './shown-cell.js';

// The error reporter of the readers: a record the compiled converter (compiled-row.ts) did not accept is read again
// cell by cell (readCell) and validated by the zod schema, the specification, which says everything that is wrong
// with it. It never accepts a row: the compiled converter is the only way a row is accepted.

export { SHOWN };

function cellIssue(
  line: number,
  column: string,
  key: string,
  value: string,
  message: LocalizedText,
  code: 'invalid_type' | 'invalid_value' = 'invalid_type',
): Issue {
  return createIssue(code, message, { path: [key], line, column, value: SHOWN(value) });
}

const UNREADABLE: Record<string, LocalizedText> = {
  number: { zh: '不是数字', en: 'Not a number' },
  flag: { zh: '应为 是/否', en: 'Expected yes or no (是/否)' },
  year: { zh: '应为四位年份（如 2025 或 2025年）', en: 'Expected a four-digit year (2025 or 2025年)' },
  kind: {
    zh: '应为 居委会/村委会（或 街道/乡镇、县/区、社区合计/村合计）',
    en: "Expected 居委会 (residents' committee) or 村委会 (villagers' committee) (or 街道/乡镇, 县/区, 社区合计/村合计)",
  },
  code: { zh: '不是代码', en: 'Not a code' },
};

/** Reads one cell by its column's type: the value, `undefined` for blank, `null` when unreadable. */
function readCell(type: string, cell: string): unknown {
  switch (type) {
    case 'number':
      return parseNumberCell(cell);
    case 'flag':
      return parseBooleanCell(cell);
    case 'year':
      return parseYearCell(cell);
    case 'kind':
      return parseUnitKindCell(cell);
    case 'code':
      return parseCodeCell(cell);
    default: {
      const text = cell.trim();
      return text === '' ? undefined : text;
    }
  }
}

/**
 * Adds an `invalid_encoding` issue for each cell holding U+FFFD, the character a decoder puts for bytes that are not
 * valid in the file's encoding (a damaged character, a GB18030 name inside a UTF-8 file): the row is then rejected,
 * since the cell's text is not what was written.
 */
function encodingIssues(record: CsvRecord, columns: HeaderInfo, issues: Issue[]): void {
  const cells = record.fields;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    if (cell.indexOf('\uFFFD') === -1) continue;
    issues.push(
      createIssue(
        'invalid_encoding',
        {
          zh: '单元格含无法解码的字节（文件编码不一致或字符损坏）',
          en: "The cell holds bytes that do not decode in the file's encoding (mixed encodings or a damaged character)",
        },
        { line: record.line, column: columns.columns[i]?.header ?? `#${i + 1}`, value: SHOWN(cell) },
      ),
    );
  }
}
/** When zod finds nothing wrong with a row the compiled converter refused (a bug of ours): the row is not lost silently. */
const DISAGREEMENT: LocalizedText = {
  zh: '该行未通过快速校验，但完整校验未发现问题（程序错误，请报告）；该行未被接受',
  en: 'The row failed the fast checks but the full validation found nothing wrong (a bug, please report it); the row was not accepted',
};

/**
 * Every issue of a record the compiled converter refused, each with its column and the offending value: a malformed
 * record, damaged characters, unreadable cells, then what zod says of the row.
 */
export function rowIssues(
  record: CsvRecord,
  columns: HeaderInfo,
  fields: readonly (keyof UnitStatistics | null)[],
): Issue[] {
  const issues: Issue[] = [];
  if (record.error !== undefined) {
    const reason = {
      unterminated_quote: {
        zh: '引号未闭合（最后一行可能被截断，或有多余的引号）；其后的行已重新读取',
        en: 'A quote is never closed (a truncated last line, or a stray quote); the lines after it were read again',
      },
      field_too_long: { zh: '字段超过长度上限', en: 'A field is over the size limit' },
      record_too_long: { zh: '记录超过长度上限', en: 'The record is over the size limit' },
      too_many_fields: { zh: '记录的字段数超过上限', en: 'The record has more fields than the limit' },
    }[record.error] ?? { zh: '记录格式错误', en: 'Malformed record' };
    issues.push(createIssue('malformed_record', reason, { line: record.line }));
  }
  encodingIssues(record, columns, issues);
  const row: Record<string, unknown> = {};
  const cells = record.fields;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    const field = fields[i];
    if (field === undefined || field === null) continue;
    const type = FIELD_TYPES[field];
    const value = readCell(type, cell);
    if (value === null)
      issues.push(
        cellIssue(
          record.line,
          columns.columns[i]?.header ?? `#${i + 1}`,
          field,
          cell,
          UNREADABLE[type] as LocalizedText,
        ),
      );
    else if (value !== undefined) row[field] = value;
  }
  if (issues.length > 0) return issues;
  const parsed = parseUnitStatistics(row);
  if (parsed.success) return [createIssue('invalid_value', DISAGREEMENT, { line: record.line })];
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    const i = fields.indexOf(field as keyof UnitStatistics);
    const column = i >= 0 ? (columns.columns[i]?.header ?? String(field)) : String(field ?? '');
    const cell = i >= 0 ? (record.fields[i] ?? '') : '';
    issues.push(
      createIssue(issue.code, issue.message, {
        path: issue.path,
        line: record.line,
        column,
        value: SHOWN(cell),
      }),
    );
  }
  return issues;
}
