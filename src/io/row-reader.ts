import { createIssue, type Issue } from '../core/issue.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { type CompiledRow, compileRow } from './compiled-row.js';
import type { CsvRecord } from './csv-parser.js';
import { fieldOfHeader } from './headers.js';
import { rowIssues, SHOWN } from './row-issues.js';

/**
 * A row read and accepted, with the line it came from and the cells of columns the reader does not know.
 *
 * @example
 * ```ts
 * import type { AcceptedRow } from 'shequ/io';
 * const accepted: AcceptedRow = { line: 3, row: { code: '130123100201', kind: 'village' } };
 * ```
 */
export interface AcceptedRow {
  /** 1-based physical line where the record starts. */
  readonly line: number;
  /** The typed row. */
  readonly row: UnitStatistics;
  /** Cells of unknown columns, by header (only when there are some). */
  readonly extra?: Readonly<Record<string, string>>;
}

/**
 * A row the reader rejected: where it is, its original cells (to fix and resubmit), and every reason.
 *
 * @example
 * ```ts
 * import type { RejectedRow } from 'shequ/io';
 * const rejected: RejectedRow = { line: 7, cells: ['130123100201', '村委会', '很多'], issues: [] };
 * ```
 */
export interface RejectedRow {
  /** 1-based physical line where the record starts. */
  readonly line: number;
  /** The record's cells as read. */
  readonly cells: readonly string[];
  /** Every problem, each with its column and the offending value. */
  readonly issues: readonly Issue[];
}

/**
 * The header the reader found: its line and what each column was matched to.
 *
 * @example
 * ```ts
 * import type { HeaderInfo } from 'shequ/io';
 * const header: HeaderInfo = { line: 2, columns: [{ header: '统计用区划代码', field: 'code' }, { header: '备注', field: null }] };
 * ```
 */
export interface HeaderInfo {
  /** 1-based line of the header row. */
  readonly line: number;
  /** Each column: its header and the field it feeds (`null` = kept as extra). */
  readonly columns: readonly {
    /** The header cell. */
    readonly header: string;
    /** The statistics field, or `null` for an unknown column. */
    readonly field: keyof UnitStatistics | null;
  }[];
}

/**
 * Counts of a read: `read` = `accepted` + `rejected` always; blank and title lines are counted apart.
 *
 * @example
 * ```ts
 * import type { ReadCounts } from 'shequ/io';
 * const counts: ReadCounts = { read: 10, accepted: 9, rejected: 1, blankLines: 2, titleLines: 1 };
 * ```
 */
export interface ReadCounts {
  /** Data records read after the header. */
  readonly read: number;
  /** Rows accepted. */
  readonly accepted: number;
  /** Rows rejected. */
  readonly rejected: number;
  /** Blank lines skipped. */
  readonly blankLines: number;
  /** Lines above the header (titles, notes). */
  readonly titleLines: number;
}

/**
 * What the reader makes of one record: the header (with its issues), an accepted row, or a rejected row.
 *
 * @example
 * ```ts
 * import type { ReaderEvent } from 'shequ/io';
 * const lineOf = (event: ReaderEvent) => (event.kind === 'row' ? event.accepted.line : undefined);
 * ```
 */
export type ReaderEvent =
  | {
      /** The header was found. */
      readonly kind: 'header';
      /** The header. */
      readonly header: HeaderInfo;
      /** Unknown columns, skipped title lines. */
      readonly issues: readonly Issue[];
    }
  | {
      /** A row was accepted. */
      readonly kind: 'row';
      /** The row. */
      readonly accepted: AcceptedRow;
    }
  | {
      /** A row was rejected. */
      readonly kind: 'rejected';
      /** The row with its reasons. */
      readonly rejected: RejectedRow;
    };

/** True when every cell is empty or white space. */
function isBlank(cells: readonly string[]): boolean {
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
 * The one reader behind every input (CSV text, bytes, streams, spreadsheets): finds the header under any title rows,
 * reads each record into a typed row or a rejected row with every reason, and counts.
 */
export function createRowReader() {
  let header: HeaderInfo | undefined;
  let fields: (keyof UnitStatistics | null)[] = [];
  let converter: CompiledRow | undefined;
  let searched = 0;
  const counts = { read: 0, accepted: 0, rejected: 0, blankLines: 0, titleLines: 0 };
  let headerMissing = false;

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
    const issues = rowIssues(record, columns, fields);
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
    /** The header, once found. */
    get header() {
      return header;
    },
    /** The field of each column of the header found (`null`: kept as extra data), for the byte reader's converter. */
    get fields(): readonly (keyof UnitStatistics | null)[] {
      return fields;
    },
    /** Counts a row the byte reader accepted (byte-records.ts): read and accepted, as {@link readRecord} would. */
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
