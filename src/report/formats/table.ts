/** The terminal table (people view): aligned columns, CJK characters two columns wide, numbers right-aligned. */
import { maskIdNumbersInText } from '../../core/mask.js';
import { ownValue } from '../../core/own-value.js';
import { type ColumnModel, peopleCells, viewColumns } from '../columns.js';
import { resolveRenderContext } from '../context.js';
import { formatTable } from '../text-table.js';
import type { FormatOptions, OutputFormat } from './format.js';

function* tableText<Row>(
  model: ColumnModel<Row>,
  rows: Iterable<Row>,
  options: FormatOptions,
): Iterable<string> {
  const context = resolveRenderContext(options);
  const columns = viewColumns(model, 'people');
  // Aligned widths need every row: this format holds them (it is for people, on a terminal).
  const cells: string[][] = [];
  for (const row of rows) cells.push(peopleCells(columns, row, context));
  const right = new Set<number>();
  columns.forEach((column, i) => {
    if (ownValue(column, 'numeric') === true) right.add(i);
  });
  yield maskIdNumbersInText(
    formatTable(
      columns.map((column) => column.header[context.lang]),
      cells,
      right,
    ),
  );
}

/**
 * An aligned text table of a model's people view, for a terminal.
 *
 * @example
 * ```ts
 * joinPieces(TABLE_FORMAT.text(FINDING_MODEL, [], { lang: 'en' }));
 * //=> 'unit  severity  rule  finding  source\n────  ────────  ────  ───────  ──────\n'
 * ```
 */
export const TABLE_FORMAT: OutputFormat = { id: 'table', view: 'people', text: tableText };
