import type { Issue } from '../core/issue.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { rowIssues } from './row-issues.js';
import { createRowReaderWith } from './row-reader-core.js';

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
  /**
   * Non-blank cells of unknown columns and of a field's repeated columns (only when there are some), each under its
   * column's key, the same in every row: the header, or `备注 (2)` … for the second, third … column of a repeated
   * header (never a header of the file); past the header's last column, `#7` …. An object lists a key that reads as
   * an array index (a header `2020`) before the others: the columns' order is `header.columns`'.
   */
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
  /**
   * The record's cells as read. From an .xlsx sheet they end at the row's last non-empty cell, and a run of 1 024 or
   * more empty cells (a cell far to the right, at XFD) is left out: holes of a sparse array, where `cells[i]` is
   * `undefined` (read it as `''`; `map`, `forEach` and `join` skip holes, `for…of` gives `undefined`), so that such a
   * row does not hold 16 384 empty strings. Each non-empty cell is at the index of its column.
   */
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

/**
 * The one reader behind every input (CSV text, bytes, spreadsheets): finds the header under any title rows, reads
 * each record into a typed row or a rejected row with every reason, and counts. A rejected row's reasons are found as
 * it is read, by the zod reporter (row-issues.ts); the streaming reader, which must not load zod for valid files,
 * defers them to the end of each batch instead (row-reader-core.ts).
 */
export function createRowReader() {
  return createRowReaderWith(rowIssues);
}
