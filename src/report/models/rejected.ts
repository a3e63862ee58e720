/**
 * The column model of rejected rows — a rejects file a clerk fixes and sends back: `line`, the original cells under
 * the original headers, `reason`. Its columns depend on the header the read found, so the model is made per read.
 */
import type { HeaderInfo, RejectedRow } from '../../io/row-reader.js';
import { rejectedHeaderCells, rejectedRowCells } from '../../io/write.js';
import type { Column, ColumnModel } from '../columns.js';

/**
 * The column model of a read's rejected rows (the cells are those of `rejectedRowsToCsv`).
 *
 * @param rejected - the rejected rows (the widest sets how many original cells there are)
 * @param header - the header the read found
 * @returns the model
 *
 * @example
 * ```ts
 * import { readUnitStatistics } from 'shequ/io';
 * const read = readUnitStatistics('统计用区划代码,类型,户数\n130123100201,村委会,很多\n');
 * rejectedRowModel(read.rejected, read.header).columns.map((column) => column.dataHeader);
 * //=> ['line', '统计用区划代码', '类型', '户数', 'reason']
 * ```
 */
export function rejectedRowModel(
  rejected: readonly RejectedRow[],
  header: HeaderInfo | undefined,
): ColumnModel<RejectedRow> {
  const keys = rejectedHeaderCells(rejected, header);
  const width = keys.length - 2;
  // Each column reads its cell of the row's cells (worked out once per row and language, not once per column).
  let last: { row: RejectedRow; lang: string; cells: ReturnType<typeof rejectedRowCells> } | undefined;
  const cellsOf = (row: RejectedRow, lang: 'zh' | 'en') => {
    if (last?.row !== row || last.lang !== lang)
      last = { row, lang, cells: rejectedRowCells(row, width, lang) };
    return last.cells;
  };
  // Keys of their own: an original header may be `line`, `reason` or repeated.
  const ids = keys.map((_, i) => (i === 0 ? 'line' : i === keys.length - 1 ? 'reason' : `cell${i}`));
  const columns: Column<RejectedRow>[] = keys.map((text, i) => ({
    key: ids[i] as string,
    dataHeader: text,
    header:
      i === 0
        ? { zh: '行', en: 'line' }
        : i === keys.length - 1
          ? { zh: '原因', en: 'reason' }
          : { zh: text, en: text },
    value: (row, lang) => cellsOf(row, lang)[i],
    ...(i === 0 ? { numeric: true } : {}),
  }));
  return {
    id: 'rejected',
    title: { zh: '拒收的行', en: 'Rejected rows' },
    columns,
    views: { data: ids, people: ids },
    rowHeader: 'line',
  };
}
