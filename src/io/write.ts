import { maskIdNumbersInText } from '../core/mask.js';
import { numberText } from '../core/number-text.js';
import { STATISTICS_FIELD_KEYS, STATISTICS_FIELDS } from '../model/fields.js';
import type { RowKind } from '../model/row-kind.js';
import { ROW_KIND_LABELS } from '../model/row-kind-predicates.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import type { HeaderInfo, RejectedRow } from './row-reader.js';
import { escapeXstring } from './xstring.js';

/** A cell value the writers accept. */
export type CellValue = string | number | boolean | null | undefined;

/** A number as a spreadsheet reads it: sign, digits, fraction, exponent. Left alone: it is data, not a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A target or baseline as the library writes it (`= 100`, `>= 30`, `> 18`, `≥ 98`): a comparator, one space, a number. */
const LIBRARY_COMPARATOR = /^(?:>=|>|<=|=|≥|≤) -?\d+(?:\.\d+)?$/;
/**
 * What a spreadsheet would run as a formula: `=`, `+`, `-`, `@` (or full-width `＝＋－＠`), also after leading white
 * space; and a tab or carriage return at the start (OWASP's list).
 */
const FORMULA_START = /^(?:[\s\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r])/;

/**
 * Whether a spreadsheet could run `text` as a formula (see FORMULA_START): {@link neutralizeFormula} may then prefix
 * it. Internal: the CSV byte writer leaves such a cell to the text path.
 */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * Makes a value safe as a spreadsheet cell: every ID-shaped run is masked (see `maskIdNumbersInText`), and text that
 * a spreadsheet would run as a formula — a leading `=`, `+`, `-` or `@`, their full-width forms `＝＋－＠`, any of
 * them after leading spaces or tabs, or a tab or carriage return at the start — gets a leading apostrophe, as OWASP
 * recommends against formula injection. Left as they are: numbers and booleans, text that is exactly a number
 * (`-5`, `+3`, `-0.5`, `1e-7`: a spreadsheet reads it as that number), and a target as the library writes it
 * (`= 100`, a comparator, a space and a number, which evaluates to nothing but itself).
 *
 * @param value - the value
 * @returns the cell text
 *
 * @example
 * ```ts
 * import { neutralizeFormula } from 'shequ/io';
 * neutralizeFormula('=HYPERLINK("http://evil")');
 * //=> "'=HYPERLINK(\"http://evil\")"
 * neutralizeFormula(' ＝1+1');
 * //=> "' ＝1+1"
 * neutralizeFormula('-5');
 * //=> '-5'
 * neutralizeFormula('= 100');
 * //=> '= 100'
 * neutralizeFormula('身份证11010519491231002X');
 * //=> '身份证110105********002X'
 * ```
 */
export function neutralizeFormula(value: CellValue): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    // A number of 15 characters or more can hold an ID-shaped run of digits (a count of 110105491231002).
    const text = numberText(value); // not String(value): see core/number-text.ts
    return text.length < 15 ? text : maskIdNumbersInText(text);
  }
  if (typeof value !== 'string') return ''; // null, undefined — and anything that is not a cell value
  const text = maskIdNumbersInText(value);
  if (!FORMULA_START.test(text) || PLAIN_NUMBER.test(text) || LIBRARY_COMPARATOR.test(text)) return text;
  return `'${text}`;
}

/**
 * A value as a workbook cell's text: {@link neutralizeFormula}'s, and text that a workbook would read as OOXML's
 * escape of a character (`_x0041_` is `A` to Excel and to readers of .xlsx) escaped in turn (`_x005F_x0041_`, the
 * underscore escaped), so that it reads back as written; a character a workbook's XML cannot hold (a control
 * character, or a carriage return, which XML reads as a line feed) is written as its escape (`_x0001_`, `_x000D_`).
 *
 * @param value - the value
 * @returns the cell text for an .xlsx writer
 *
 * @example
 * ```ts
 * import { xlsxCellText } from 'shequ/io';
 * xlsxCellText('备注_x0041_');
 * //=> '备注_x005F_x0041_'
 * xlsxCellText('=1+1');
 * //=> "'=1+1"
 * xlsxCellText('第一行\r\n第二行\u0007');
 * //=> '第一行_x000D_\n第二行_x0007_'
 * ```
 */
export function xlsxCellText(value: CellValue): string {
  const text = neutralizeFormula(value);
  const escaped = escapeXstring(text);
  // An escape adds an underscore (a separator between an ID number's digits), an x and four hex digits: masked again
  // when one was added, so that 17 digits before `_x0001_` cannot read as an ID number ending in X.
  return escaped === text ? text : maskIdNumbersInText(escaped);
}

/**
 * A number as a workbook cell: the number itself; its text where a workbook cannot hold it as a number (`NaN`,
 * `Infinity`, which a number cell would make a workbook Excel repairs); its masked text where its digits could be
 * an ID number (`110105491231002`, a 15-digit one).
 *
 * @param value - the number
 * @returns what an .xlsx writer writes in its cell
 *
 * @example
 * ```ts
 * [xlsxNumberCell(26.5), xlsxNumberCell(Number.NaN), xlsxNumberCell(110105491231002)];
 * //=> [26.5, 'NaN', '110105******002']
 * ```
 */
export function xlsxNumberCell(value: number): number | string {
  if (!Number.isFinite(value)) return String(value);
  const text = String(value);
  if (text.length < 15) return value;
  const masked = maskIdNumbersInText(text);
  return masked === text ? value : masked;
}

/** A row of cells with every ID-shaped run in its text masked (tables are also read by programs, not only written). */
function masked(cells: CellValue[]): CellValue[] {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === 'string') cells[i] = maskIdNumbersInText(cell);
  }
  return cells;
}

/**
 * One CSV cell's text: masked, formula-guarded, quoted when it holds `"`, `,` or a line break (RFC 4180). Internal:
 * the report writers' cells are this one (report/formats/csv.ts).
 */
export function csvCell(value: CellValue): string {
  const text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Formats rows as CSV text (CRLF line ends, RFC 4180 quoting, formula injection neutralised).
 *
 * @param header - the header cells
 * @param rows - the rows' cells
 * @returns CSV text, without BOM (see {@link encodeCsv})
 *
 * @example
 * ```ts
 * import { toCsv } from 'shequ/io';
 * toCsv(['名称', '户数'], [['西上泽村, 正定', 612]]);
 * //=> '名称,户数\r\n"西上泽村, 正定",612\r\n'
 * ```
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly CellValue[]>): string {
  let out = csvLine(header);
  for (const row of rows) out += csvLine(row);
  return out;
}

/**
 * One CSV line (with its CRLF), for writing a table a row at a time.
 *
 * @param cells - the cells
 * @returns the line
 *
 * @example
 * ```ts
 * import { csvLine } from 'shequ/io';
 * csvLine(['正定县', 26.5, '=x']);
 * //=> "正定县,26.5,'=x\r\n"
 * ```
 */
export function csvLine(cells: readonly CellValue[]): string {
  if (!Array.isArray(cells)) return '\r\n';
  return `${cells.map(csvCell).join(',')}\r\n`;
}

let gb18030Table: Map<number, number[]> | undefined;

/** The GB18030 encoding of every BMP character, built once by decoding every 2- and 4-byte sequence. */
function gb18030(): Map<number, number[]> {
  if (gb18030Table !== undefined) return gb18030Table;
  const decoder = new TextDecoder('gb18030');
  const table = new Map<number, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch.charCodeAt(0)))
        table.set(ch.charCodeAt(0), [lead, trail]);
    }
  }
  for (let b1 = 0x81; b1 <= 0x84; b1++) {
    for (let b2 = 0x30; b2 <= 0x39; b2++) {
      for (let b3 = 0x81; b3 <= 0xfe; b3++) {
        for (let b4 = 0x30; b4 <= 0x39; b4++) {
          const ch = decoder.decode(new Uint8Array([b1, b2, b3, b4]));
          if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch.charCodeAt(0)))
            table.set(ch.charCodeAt(0), [b1, b2, b3, b4]);
        }
      }
    }
  }
  gb18030Table = table;
  return table;
}

/**
 * Encodes CSV text for a file: UTF-8 with a BOM by default (so that Excel opens Chinese text correctly), or GB18030
 * for older tools. GB18030 needs Node's full ICU (the official builds have it).
 *
 * @param text - CSV text
 * @param options - encoding and BOM (anything else: UTF-8 with a BOM)
 * @returns the bytes (of the empty text when `text` is not a string)
 *
 * @example
 * ```ts
 * import { encodeCsv } from 'shequ/io';
 * [...encodeCsv('社')];
 * //=> [0xef, 0xbb, 0xbf, 0xe7, 0xa4, 0xbe]
 * [...encodeCsv('社区', { encoding: 'gb18030' })];
 * //=> [0xc9, 0xe7, 0xc7, 0xf8]
 * ```
 */
export function encodeCsv(
  text: string,
  options: { readonly encoding?: 'utf-8' | 'gb18030'; readonly bom?: boolean } = {},
): Uint8Array {
  let encoding: unknown;
  let bom: unknown;
  try {
    ({ encoding, bom } = options !== null && typeof options === 'object' ? options : {});
  } catch {
    // options whose getters throw: the defaults
  }
  if (typeof text !== 'string') text = ''; // not text: nothing to encode, never a TypeError
  if (encoding !== 'gb18030') {
    const body = new TextEncoder().encode(text);
    if (bom === false) return body;
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const table = gb18030();
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else if (code > 0xffff) {
      // Supplementary planes: GB18030 four-byte form from the linear offset (0x90308130 + code − 0x10000).
      let offset = code - 0x10000;
      const b4 = 0x30 + (offset % 10);
      offset = Math.floor(offset / 10);
      const b3 = 0x81 + (offset % 126);
      offset = Math.floor(offset / 126);
      bytes.push(0x90 + Math.floor(offset / 10), 0x30 + (offset % 10), b3, b4);
    } else for (const byte of table.get(code) ?? [0x3f]) bytes.push(byte);
  }
  return Uint8Array.from(bytes);
}

/**
 * A table to write: header cells and rows of cells. The CSV and .xlsx writers take the same tables.
 *
 * @example
 * ```ts
 * import type { Table } from 'shequ/io';
 * const table: Table = { header: ['名称', '户数'], rows: [['西上泽村', 612]] };
 * ```
 */
export interface Table {
  /** Header cells. */
  readonly header: readonly string[];
  /** Rows of cells. */
  readonly rows: Iterable<readonly CellValue[]>;
}

/**
 * The table of statistics rows: Chinese headers with 是/否 and 居委会/村委会 (default, for people), or keys with
 * canonical values (for programs). Either form reads back with `readUnitStatistics`.
 *
 * @param rows - the rows
 * @param options - `headers: 'zh'` (default) or `'key'`
 * @returns the table
 *
 * @example
 * ```ts
 * import { unitStatisticsTable } from 'shequ/io';
 * unitStatisticsTable([{ code: '130123100201', kind: 'village' }]).header.slice(0, 3);
 * //=> ['统计用区划代码', '名称', '类型']
 * ```
 */
export function unitStatisticsTable(
  rows: Iterable<UnitStatistics>,
  options: { readonly headers?: 'zh' | 'key' } = {},
): Table {
  const keys = STATISTICS_FIELD_KEYS;
  const zh = (options.headers ?? 'zh') === 'zh';
  function* cells(): Generator<CellValue[]> {
    for (const row of rows) {
      const values = keys.map((key) => {
        const value = row[key];
        if (!zh || value === undefined) return value;
        if (typeof value === 'boolean') return value ? '是' : '否';
        if (key === 'kind') return ROW_KIND_LABELS[value as RowKind]?.zh ?? value;
        return value;
      });
      yield masked(values);
    }
  }
  return { header: keys.map((key) => (zh ? STATISTICS_FIELDS[key].label.zh : key)), rows: cells() };
}

/**
 * Formats statistics rows as CSV (see {@link unitStatisticsTable}).
 *
 * @param rows - the rows
 * @param options - `headers: 'zh'` (default) or `'key'`
 * @returns CSV text
 *
 * @example
 * ```ts
 * import { unitStatisticsToCsv } from 'shequ/io';
 * unitStatisticsToCsv([{ code: '130123100201', kind: 'village', hasFacility: true }]).split('\r\n')[1]?.slice(0, 24);
 * //=> '130123100201,,村委会,,,,是'
 * ```
 */
export function unitStatisticsToCsv(
  rows: Iterable<UnitStatistics>,
  options: { readonly headers?: 'zh' | 'key' } = {},
): string {
  const table = unitStatisticsTable(rows, options);
  return toCsv(table.header, table.rows);
}

/**
 * Writes rejected rows back out as CSV for a clerk to fix and resubmit: first column `line`, then the original cells
 * under the original headers, then `reason` (every problem, in Chinese by default).
 *
 * @param rejected - rejected rows of a read
 * @param header - the header the read found (its columns name the cells)
 * @param options - `lang: 'zh'` (default) or `'en'`
 * @returns CSV text
 *
 * @example
 * ```ts
 * import { readUnitStatistics, rejectedRowsToCsv } from 'shequ/io';
 * const read = readUnitStatistics('统计用区划代码,类型,户数\n130123100201,村委会,很多\n');
 * rejectedRowsToCsv(read.rejected, read.header);
 * //=> 'line,统计用区划代码,类型,户数,reason\r\n2,130123100201,村委会,很多,户数：不是数字（填写值：很多）\r\n'
 * ```
 */
export function rejectedRowsToCsv(
  rejected: readonly RejectedRow[],
  header: HeaderInfo | undefined,
  options: { readonly lang?: 'zh' | 'en' } = {},
): string {
  const lang = options.lang ?? 'zh';
  const headerCells = rejectedHeaderCells(rejected, header);
  function* cells(): Generator<CellValue[]> {
    for (const row of rejected) yield rejectedRowCells(row, headerCells.length - 2, lang);
  }
  return toCsv(headerCells, cells());
}

/**
 * The header of a rejects table: `line`, the read header's cells (masked; `#n` for cells beyond it), `reason`.
 * Shared with the report layer's model of rejected rows (not exported from `shequ/io`).
 *
 * @param rejected - the rejected rows (the widest sets the width)
 * @param header - the header the read found
 * @returns the header cells
 *
 * @example
 * ```ts
 * rejectedHeaderCells([{ line: 2, cells: ['a', 'b', 'c'], issues: [] }], { line: 1, columns: [{ header: '代码', field: 'code' }] });
 * //=> ['line', '代码', '#2', '#3', 'reason']
 * ```
 */
export function rejectedHeaderCells(
  rejected: readonly RejectedRow[],
  header: HeaderInfo | undefined,
): string[] {
  const columns = header?.columns.map((column) => maskIdNumbersInText(column.header)) ?? [];
  const width = rejected.reduce((most, row) => Math.max(most, row.cells.length), columns.length);
  return ['line', ...Array.from({ length: width }, (_, i) => columns[i] ?? `#${i + 1}`), 'reason'];
}

/**
 * The cells of one rejected row in a rejects table `width` original cells wide: its line, its cells, its reason
 * (every problem, in `lang`), masked. Shared with the report layer (not exported from `shequ/io`).
 *
 * @param row - a rejected row
 * @param width - how many original cells the table has
 * @param lang - the language of the reason
 * @returns the cells
 *
 * @example
 * ```ts
 * rejectedRowCells({ line: 2, cells: ['x'], issues: [] }, 2, 'zh');
 * //=> [2, 'x', '', '']
 * ```
 */
export function rejectedRowCells(row: RejectedRow, width: number, lang: 'zh' | 'en'): CellValue[] {
  const original = Array.from({ length: width }, (_, i) => row.cells[i] ?? '');
  const reason = row.issues
    .map((issue) => {
      const where = issue.column === undefined ? '' : `${issue.column}${lang === 'zh' ? '：' : ': '}`;
      const value =
        issue.value === undefined || issue.value === ''
          ? ''
          : lang === 'zh'
            ? `（填写值：${issue.value}）`
            : ` (given: ${issue.value})`;
      return `${where}${issue.message[lang]}${value}`;
    })
    .join(lang === 'zh' ? '；' : '; ');
  return masked([row.line, ...original, reason]);
}
