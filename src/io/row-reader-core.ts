import { createIssue, type Issue } from '../core/issue.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { type CompiledRow, compileRow } from './compiled-row.js';
import type { CsvRecord } from './csv-parser.js';
import { fieldOfHeader } from './headers.js';
import type { HeaderInfo, ReadCounts, ReaderEvent } from './row-reader.js';
import { SHOWN } from './shown-cell.js';

// The row reader without its error reporter: the reporter validates a refused row with zod to say why, and a file of
// valid rows should not load zod (issue 13, the command line's start-up). Given a reporter, the reader reports each
// refused row as it reads it (row-reader.ts); without one, a refused row's issues are left empty and completed with
// `completeRejected` (the streaming reader does it at the end of each batch, after a dynamic import of the reporter).

/** What says why a record the compiled converter refused is wrong (`rowIssues` of row-issues.ts). */
export type RowReporter = (
  record: CsvRecord,
  columns: HeaderInfo,
  fields: readonly (keyof UnitStatistics | null)[],
) => Issue[];

/** A refused row waiting for its issues: its record and the array its event holds. */
interface DeferredRejection {
  readonly record: CsvRecord;
  readonly columns: HeaderInfo;
  readonly issues: Issue[];
}

/**
 * True when every cell is empty or white space: a record of such cells (and no error) is a blank line.
 *
 * @example
 * ```ts
 * isBlank(['', ' \t']);
 * //=> true
 * ```
 */
export function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '' && cell.trim() !== '') return false;
  return true;
}

/** How many non-blank records may precede the header. */
const HEADER_SEARCH_LIMIT = 20;

/** Unknown columns reported one by one up to this many; more are summarised in one issue (a wide file has 10^6). */
const UNKNOWN_COLUMNS_LISTED = 10;

/** A header cell as echoed in a message: ID-shaped values masked, long ones cut. */
const headerShown = (name: string) => {
  const shown = SHOWN(name);
  return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
};

interface ExtraColumn {
  readonly name: string;
  readonly duplicate: boolean;
}

function unknownColumnIssue({ name, duplicate }: ExtraColumn, line: number): Issue {
  const shown = headerShown(name);
  const message = duplicate
    ? { zh: `重复的列"${shown}"，按额外数据保留`, en: `Duplicate column "${shown}", kept as extra data` }
    : { zh: `未知列"${shown}"，按额外数据保留`, en: `Unknown column "${shown}", kept as extra data` };
  return createIssue('unknown_column', message, { severity: 'warning', line, column: SHOWN(name) });
}

/** Issues of the unknown (and duplicate) columns of a header: one each, or one summary when there are many. */
function unknownColumnIssues(columns: readonly ExtraColumn[], line: number): Issue[] {
  if (columns.length <= UNKNOWN_COLUMNS_LISTED)
    return columns.map((column) => unknownColumnIssue(column, line));
  const names = columns.map((column) => column.name);
  const first = names.slice(0, UNKNOWN_COLUMNS_LISTED).map(headerShown);
  const also = columns.some((column) => column.duplicate)
    ? { zh: '（含重复列）', en: ' (duplicates included)' }
    : { zh: '', en: '' };
  return [
    createIssue(
      'unknown_column',
      {
        zh: `${names.length} 个未知列${also.zh}，按额外数据保留；前 ${first.length} 个："${first.join('"、"')}"`,
        en: `${names.length} unknown columns${also.en}, kept as extra data; the first ${first.length}: "${first.join('", "')}"`,
      },
      { severity: 'warning', line },
    ),
  ];
}

/**
 * The reader of {@link createRowReader}, with the reporter of refused rows given (their issues at once) or not (their
 * issues completed later by `completeRejected`).
 */
export function createRowReaderWith(report: RowReporter | undefined) {
  let header: HeaderInfo | undefined;
  let fields: (keyof UnitStatistics | null)[] = [];
  let converter: CompiledRow | undefined;
  let searched = 0;
  const counts = { read: 0, accepted: 0, rejected: 0, blankLines: 0, titleLines: 0 };
  let headerMissing = false;
  let deferred: DeferredRejection[] = [];

  function findHeader(record: CsvRecord): ReaderEvent | undefined {
    const matched = record.fields.map((cell) => fieldOfHeader(cell) ?? null);
    const known = matched.filter((field) => field !== null);
    if (!(known.includes('code') && known.length >= 2)) {
      counts.titleLines++;
      searched++;
      if (searched >= HEADER_SEARCH_LIMIT) headerMissing = true;
      return undefined;
    }
    const seen = new Set<string>();
    const unknown: ExtraColumn[] = []; // unknown and duplicate columns, reported together below
    fields = matched.map((field, i) => {
      const name = record.fields[i] ?? '';
      if (field !== null && seen.has(field)) {
        unknown.push({ name, duplicate: true });
        return null;
      }
      if (field === null) unknown.push({ name, duplicate: false });
      else seen.add(field);
      return field;
    });
    const issues = unknownColumnIssues(unknown, record.line);
    if (record.error !== undefined) {
      // The header itself is over a limit: the columns past it are not known, and rows that long are rejected.
      issues.push(
        createIssue(
          'malformed_record',
          {
            zh: '表头超过长度或字段数上限，其后的列未读取',
            en: 'The header is over a size or field-count limit; the columns past it are not read',
          },
          { line: record.line },
        ),
      );
    }
    converter = compileRow(fields, record.fields);
    header = {
      line: record.line,
      columns: record.fields.map((cell, i) => ({ header: cell, field: fields[i] ?? null })),
    };
    if (counts.titleLines > 0) {
      issues.push(
        createIssue(
          'skipped_lines',
          {
            zh: `表头在第 ${record.line} 行，其上 ${counts.titleLines} 行按标题跳过`,
            en: `Header on line ${record.line}; ${counts.titleLines} line(s) above it skipped as titles`,
          },
          { severity: 'info', line: record.line },
        ),
      );
    }
    return { kind: 'header', header, issues };
  }

  function readRecord(record: CsvRecord, columns: HeaderInfo): ReaderEvent {
    counts.read++;
    // The compiled converter is the only way a row is accepted; the reporter says why one was not.
    const accepted = record.error === undefined ? converter?.(record.fields, record.line) : undefined;
    if (accepted !== undefined) {
      counts.accepted++;
      return { kind: 'row', accepted };
    }
    const issues = report === undefined ? [] : report(record, columns, fields);
    if (report === undefined) deferred.push({ record, columns, issues });
    counts.rejected++;
    return { kind: 'rejected', rejected: { line: record.line, cells: record.fields.map(SHOWN), issues } };
  }

  return {
    /** Reads one record; returns what it made of it (nothing for a blank or title line). */
    record(record: CsvRecord): ReaderEvent | undefined {
      if (record.error === undefined && isBlank(record.fields)) {
        counts.blankLines++;
        return undefined;
      }
      if (header === undefined) {
        if (!headerMissing) return findHeader(record);
        counts.titleLines++;
        return undefined;
      }
      return readRecord(record, header);
    },
    /** Whether rejected rows wait for their issues (only without a reporter). */
    get hasDeferred(): boolean {
      return deferred.length > 0;
    },
    /** Fills in the issues of the rejected rows read since the last call, in place (their events hold the arrays). */
    completeRejected(reporter: RowReporter): void {
      for (const { record, columns, issues } of deferred)
        for (const issue of reporter(record, columns, fields)) issues.push(issue);
      deferred = [];
    },
    /** The header, once found. */
    get header() {
      return header;
    },
    /** The field of each column of the header found (`null`: kept as extra data), for the byte reader's converter. */
    get fields(): readonly (keyof UnitStatistics | null)[] {
      return fields;
    },
    /**
     * Stops counting a line as blank: it turned out to hold a record (an .xlsx row written after rows below it, on a
     * line the sheet's order had made blank), so that every line is counted once.
     */
    uncountBlankLine(): void {
      counts.blankLines--;
    },
    /** Counts a row the byte reader accepted (byte-records.ts): read and accepted, as a record read here would be. */
    countAccepted(): void {
      counts.read++;
      counts.accepted++;
    },
    /** Counts so far. */
    counts(): ReadCounts {
      return { ...counts };
    },
    /** File-level issues at the end: no header. */
    finalIssues(): Issue[] {
      if (header !== undefined) return [];
      return [
        createIssue('header_not_found', {
          zh: '未找到表头：前几行中没有同时包含"统计用区划代码"等列的行',
          en: 'No header row found: no line near the top names the division code and another known column',
        }),
      ];
    },
  };
}
