import { createIssue, type Issue } from '../core/issue.js';

/**
 * Limits of the .xlsx reader. Each one is explained in docs/io.md ("Limits of .xlsx"); crossing a workbook-level
 * limit stops the read with a `limit_exceeded` error, crossing a row-level one rejects that row only.
 *
 * @example
 * ```ts
 * import { XLSX_LIMITS } from 'shequ/io/xlsx';
 * XLSX_LIMITS.maxRows;
 * //=> 1048576
 * ```
 */
export const XLSX_LIMITS = {
  /** Size of the .xlsx file itself (bytes): the compressed workbook is held in memory while it is read. */
  maxFileBytes: 128 * 1024 * 1024,
  /** Total uncompressed size of the parts read (sheet, shared strings, styles, workbook), in bytes. */
  maxUncompressedBytes: 1024 * 1024 * 1024,
  /** Largest uncompressed-to-compressed ratio of a part, once it has passed {@link XLSX_LIMITS.ratioFloorBytes}. */
  maxCompressionRatio: 200,
  /** A part may inflate this much before its ratio is checked (small parts compress very well and are harmless). */
  ratioFloorBytes: 16 * 1024 * 1024,
  /** Rows of a sheet: Excel's own maximum. */
  maxRows: 1_048_576,
  /** Columns of a sheet: Excel's own maximum (XFD). */
  maxColumns: 16_384,
  /** Characters of one cell: Excel's own maximum. */
  maxCellLength: 32_767,
  /**
   * Cells of the sheet, counting the empty cells between filled ones (a row hands the reader every cell up to its
   * last filled one): one cell at XFD is 16 384, so that 40 bytes cannot cost 16 384 cells' work without a bound.
   */
  maxCells: 64 * 1024 * 1024,
  /** Characters of one row, all its cells together. */
  maxRowLength: 1_000_000,
  /** The shared-strings table, held in memory: characters, counting each string as at least 16. */
  maxSharedStringsLength: 32 * 1024 * 1024,
  /** Size of the small parts read whole (workbook, relationships, styles), in bytes. */
  maxSmallPartBytes: 16 * 1024 * 1024,
  /** Characters of one XML tag (a tag is never this long in a real workbook). */
  maxTagLength: 1024 * 1024,
} as const;

/** Why a workbook cannot be read: not a zip, truncated, corrupt, no such sheet, a DTD. */
export function unreadable(zh: string, en: string, line?: number): Issue {
  // malformed_record, the code this case always had (issue codes are public API), as a file-level error.
  return createIssue(
    'malformed_record',
    { zh: `无法读取工作簿：${zh}`, en: `Cannot read the workbook: ${en}` },
    line === undefined ? {} : { line },
  );
}

/** A part whose XML ends before its last element closes: the writer stopped, or the part was cut short. */
export function cutShort(part: string): Issue {
  return unreadable(
    `${partName(part)} 的 XML 未完整结束（部件被截断）`,
    `the XML of ${partName(part)} ends before its end (the part is cut short)`,
  );
}

/** A workbook-level limit was crossed: the read stops here. */
export function limitExceeded(zh: string, en: string, line?: number): Issue {
  return createIssue(
    'limit_exceeded',
    {
      zh: `工作簿超出读取上限，读取已停止：${zh}`,
      en: `The workbook is over a reading limit; reading stopped: ${en}`,
    },
    line === undefined ? {} : { line },
  );
}

/** Thrown inside the reader to stop it with an issue; caught at the top, never escapes a public function. */
export class XlsxStop extends Error {
  /** The issue that stopped the read. */
  readonly issue: Issue;
  constructor(issue: Issue) {
    super(issue.message.en);
    this.issue = issue;
  }
}

/** A part name fit for a message: short, and with no long run of digits (names come from the file). */
export function partName(name: string): string {
  const short = name.length > 80 ? `${name.slice(0, 80)}…` : name;
  return short.replace(/[\d\uff10-\uff19Xx\s-]{12,}/g, '…');
}

/** Formats a byte count for messages (MB, binary). */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** The issue of a workbook over the file-size limit: the one wording wherever the size is found out. */
export function workbookTooLarge(): Issue {
  return limitExceeded(
    `文件大于 ${megabytes(XLSX_LIMITS.maxFileBytes)}`,
    `the file is larger than ${megabytes(XLSX_LIMITS.maxFileBytes)}`,
  );
}
