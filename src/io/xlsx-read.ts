/**
 * The .xlsx reader's core: opens the zip, finds the sheet, streams its XML a slice at a time and hands each row to
 * the row reader, within {@link XLSX_LIMITS}. Never throws: a workbook that cannot be read, or is over a limit,
 * gives a file-level `malformed_record` or `limit_exceeded` error issue.
 */
import { createIssue, type Issue } from '../core/issue.js';
import type { createRowReader, ReaderEvent } from './row-reader.js';
import { isBlank } from './row-reader-core.js';
import { cutShort, unreadable, workbookTooLarge, XLSX_LIMITS, XlsxStop } from './xlsx-limits.js';
import { locateSheet, type Package, readDateStyles, readSharedStrings } from './xlsx-parts.js';
import { createSheetHandler, type RowProblem, type SheetRow } from './xlsx-sheet.js';
import { createXmlTokenizer } from './xlsx-xml.js';
import { createPartDecoder, findEntry, inflateEntry, readZipDirectory } from './xlsx-zip.js';

/** The row reader, as the .xlsx reader uses it. */
export type RowReader = ReturnType<typeof createRowReader>;

/** Column letters of a 1-based column number (1 → A, 28 → AB). */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The message of a row out of order: onto a line missing so far, or repeating the number of a row already read. */
function outOfOrderMessage(line: number, previous: number, repeated: boolean) {
  return repeated
    ? {
        zh: `第 ${line} 行排在第 ${previous} 行之后：行号重复（第 ${line} 行已有一行），此行拒收`,
        en: `Row ${line} comes after row ${previous}: its number is repeated (line ${line} already holds a row); row rejected`,
      }
    : {
        zh: `第 ${line} 行排在第 ${previous} 行之后：工作表的行顺序错乱，此行拒收`,
        en: `Row ${line} comes after row ${previous}: the sheet's rows are out of order; row rejected`,
      };
}

function problemIssue(problem: RowProblem, line: number, reader: RowReader, repeated: boolean): Issue {
  const column = 'column' in problem ? problem.column : undefined;
  const cell = column === undefined ? '' : `${columnLetters(column)}${line}`;
  const previous = problem.kind === 'row_out_of_order' ? problem.previous : 0;
  const message = {
    cell_too_long: {
      zh: `单元格 ${cell} 超过 ${XLSX_LIMITS.maxCellLength} 个字符（Excel 的上限），此行拒收`,
      en: `Cell ${cell} is longer than ${XLSX_LIMITS.maxCellLength} characters (Excel's limit); row rejected`,
    },
    row_too_long: {
      zh: `此行单元格合计超过 ${XLSX_LIMITS.maxRowLength} 个字符，此行拒收`,
      en: `The row's cells hold more than ${XLSX_LIMITS.maxRowLength} characters together; row rejected`,
    },
    too_many_columns: {
      zh: `此行有超出第 ${XLSX_LIMITS.maxColumns} 列（XFD，Excel 的上限）的单元格，此行拒收`,
      en: `The row has a cell beyond column ${XLSX_LIMITS.maxColumns} (XFD, Excel's limit); row rejected`,
    },
    bad_shared_string: {
      zh: `单元格 ${cell} 引用的共享字符串不存在，此行拒收`,
      en: `Cell ${cell} refers to a shared string that does not exist; row rejected`,
    },
    repeated_cell: {
      zh: `单元格 ${cell} 在此行中出现两次，此行拒收`,
      en: `Cell ${cell} appears twice in the row; row rejected`,
    },
    row_out_of_order: outOfOrderMessage(line, previous, repeated),
  }[problem.kind];
  const header = column === undefined ? undefined : reader.header?.columns[column - 1]?.header;
  const where = column === undefined ? { line } : { line, column: header ?? columnLetters(column) };
  return createIssue('malformed_record', message, where);
}

/**
 * Hands one sheet row to the row reader; a row with a problem is rejected with that problem as its reason
 * (`repeated`: a row out of order on a line that holds a row already).
 */
function recordRow(reader: RowReader, row: SheetRow, repeated: boolean): ReaderEvent | undefined {
  if (row.problem === undefined) return reader.record({ line: row.line, fields: row.fields });
  const event = reader.record({ line: row.line, fields: row.fields, error: 'record_too_long' });
  if (event?.kind !== 'rejected') return event; // above the header: a title line
  return {
    kind: 'rejected',
    rejected: { ...event.rejected, issues: [problemIssue(row.problem, row.line, reader, repeated)] },
  };
}

/**
 * From this many empty cells in a row on, a rejected row's cells leave them out: a cell at XFD is 16 383 empty cells
 * before it from 40 bytes of XML. Below it a JavaScript engine stores the holes of an array as it stores empty
 * strings, and a realistic sheet has no such gap, so its rejected rows are as they were.
 */
const SPARSE_RUN = 1024;

/**
 * A rejected row's cells with each run of {@link SPARSE_RUN} or more empty cells left out: holes of a sparse array
 * (`cells[i]` is `undefined` there, `cells.length` is the row's width), every non-empty cell at its index.
 */
function withoutLongEmptyRuns(cells: readonly string[]): readonly string[] {
  if (cells.length <= SPARSE_RUN) return cells;
  const runs: number[] = []; // [start, end) of each long run
  for (let i = 0, start = 0; i <= cells.length; i++) {
    if (i < cells.length && cells[i] === '') continue;
    if (i - start >= SPARSE_RUN) runs.push(start, i);
    start = i + 1;
  }
  if (runs.length === 0) return cells;
  const sparse: string[] = [];
  // Written from the last cell back: the first write, far from index 0, makes the engine keep the array sparse.
  for (let i = cells.length - 1, run = runs.length - 2; i >= 0; i--) {
    if (run >= 0 && i < (runs[run + 1] as number)) {
      i = runs[run] as number; // the loop steps past the run's first cell
      run -= 2;
    } else sparse[i] = cells[i] as string;
  }
  sparse.length = cells.length;
  return sparse;
}

/**
 * The sheet's lines as the row reader counted them: the last so far, and one bit a line for those that hold a record
 * (a title, the header, a row) rather than a blank, so that a row written out of order is counted once.
 */
interface LineLedger {
  last: number;
  held: Uint8Array;
}

function holds(ledger: LineLedger, line: number): boolean {
  return ((ledger.held[line >> 3] ?? 0) & (1 << (line & 7))) !== 0;
}

function hold(ledger: LineLedger, line: number): void {
  if (line >> 3 >= ledger.held.length) {
    const grown = new Uint8Array(Math.max(ledger.held.length * 2, (line >> 3) + 1));
    grown.set(ledger.held);
    ledger.held = grown;
  }
  ledger.held[line >> 3] = (ledger.held[line >> 3] as number) | (1 << (line & 7));
}

/**
 * Records a sheet row so that every line up to the last is counted once — a title, the header, blank or read — and a
 * row on a line that holds one already is a second record there: a row out of order (the sheet hands one on only when
 * it holds something) onto a line counted blank takes that line over, which is no longer blank.
 */
function accountedRow(reader: RowReader, ledger: LineLedger, row: SheetRow): ReaderEvent | undefined {
  if (row.line > ledger.last) {
    ledger.last = row.line;
    if (row.problem !== undefined || !isBlank(row.fields)) hold(ledger, row.line);
    return recordRow(reader, row, false);
  }
  const repeated = holds(ledger, row.line);
  if (!repeated) {
    reader.uncountBlankLine();
    hold(ledger, row.line);
  }
  return recordRow(reader, row, repeated);
}

function drain<T>(generator: Generator<void, T>): T {
  for (;;) {
    const step = generator.next();
    if (step.done) return step.value;
  }
}

function* sheetEvents(
  bytes: Uint8Array,
  sheet: unknown,
  reader: RowReader,
  tally: { undeclared: number },
): Generator<ReaderEvent[]> {
  const pkg: Package = { bytes, entries: readZipDirectory(bytes), budget: { used: 0 }, tally };
  const location = locateSheet(pkg, sheet);
  const dateStyles = readDateStyles(pkg, location.stylesPart);
  const shared = drain(readSharedStrings(pkg, location.sharedStringsPart));
  let batch: ReaderEvent[] = [];
  const ledger: LineLedger = { last: 0, held: new Uint8Array(1024) };
  const handler = createSheetHandler({ shared, dateStyles, epoch1904: location.epoch1904, tally }, (row) => {
    const event = accountedRow(reader, ledger, row);
    if (event?.kind !== 'rejected') {
      if (event !== undefined) batch.push(event);
      return;
    }
    const cells = withoutLongEmptyRuns(event.rejected.cells);
    batch.push(
      cells === event.rejected.cells ? event : { kind: 'rejected', rejected: { ...event.rejected, cells } },
    );
  });
  const tokenizer = createXmlTokenizer(handler, location.sheetPart);
  const decode = createPartDecoder();
  const entry = findEntry(pkg.entries, location.sheetPart);
  if (entry === undefined) return; // located above, so present
  try {
    for (const _ of inflateEntry(bytes, entry, pkg.budget, (chunk) => tokenizer.push(decode(chunk)))) {
      if (batch.length > 0) yield batch;
      batch = [];
    }
    tokenizer.push(decode());
    tokenizer.end();
    if (!handler.complete) throw new XlsxStop(cutShort(location.sheetPart));
  } finally {
    // The rows read before a stop are handed on: they were read, and are counted.
    if (batch.length > 0) yield batch;
  }
}

function unexpected(error: unknown): Issue {
  const name = error instanceof Error ? error.name : typeof error;
  return unreadable(`读取时出现意外错误（${name}）`, `an unexpected error occurred while reading (${name})`);
}

/**
 * Reads a workbook's rows: yields batches of reader events (one batch per slice of the sheet), then returns the
 * file-level issues. Never throws.
 */
export function* workbookEvents(
  bytes: Uint8Array,
  sheet: unknown,
  reader: RowReader,
): Generator<ReaderEvent[], Issue[]> {
  const issues: Issue[] = [];
  const tally = { undeclared: 0 };
  let stopped = false;
  try {
    yield* sheetEvents(bytes, sheet, reader, tally);
  } catch (error) {
    stopped = true;
    issues.push(error instanceof XlsxStop ? error.issue : unexpected(error));
  }
  if (tally.undeclared > 0)
    issues.push(
      createIssue(
        'malformed_record',
        {
          zh: `${tally.undeclared} 处未声明的 XML 实体按原文保留（从不展开）`,
          en: `${tally.undeclared} undeclared XML entit(ies) kept as written (never expanded)`,
        },
        { severity: 'warning' },
      ),
    );
  if (!(stopped && reader.header === undefined)) for (const issue of reader.finalIssues()) issues.push(issue);
  return issues;
}

/** The bytes of a workbook given as bytes or a Blob; an issue for anything else. */
export async function workbookBytes(input: unknown): Promise<Uint8Array | Issue> {
  try {
    if (input instanceof Uint8Array) return input;
    if (input instanceof ArrayBuffer) return new Uint8Array(input);
    if (typeof Blob !== 'undefined' && input instanceof Blob) {
      if (input.size > XLSX_LIMITS.maxFileBytes) return workbookTooLarge();
      return new Uint8Array(await input.arrayBuffer());
    }
  } catch (error) {
    return unexpected(error);
  }
  return unreadable('输入不是字节或 Blob', 'the input is not bytes or a Blob');
}
