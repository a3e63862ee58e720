/** Markdown (people view): a pipe table with the people headers, cells escaped for a table. */
import { maskIdNumbersInText } from '../../core/mask.js';
import { type ColumnModel, peopleCells, viewColumns } from '../columns.js';
import { resolveRenderContext } from '../context.js';
import type { FormatOptions, OutputFormat } from './format.js';

/**
 * A Markdown table cell: `|` escaped, `<` written `&lt;` (renderers pass raw HTML through: a name holding `<script>`
 * stays text), line breaks as `<br>` (a raw one would end the row), ID numbers masked.
 *
 * @param text - the cell's text
 * @returns the cell
 *
 * @example
 * ```ts
 * [markdownCell('a|b\nc'), markdownCell('<img src=x>')];
 * //=> ['a\\|b<br>c', '&lt;img src=x>']
 * ```
 */
export const markdownCell = (text: string): string =>
  maskIdNumbersInText(text)
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/\r\n|\r|\n/g, '<br>');

function* markdownText<Row>(
  model: ColumnModel<Row>,
  rows: Iterable<Row>,
  options: FormatOptions,
): Iterable<string> {
  const context = resolveRenderContext(options);
  const columns = viewColumns(model, 'people');
  const header = columns.map((column) => markdownCell(column.header[context.lang]));
  yield `| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n`;
  for (const row of rows) yield `| ${peopleCells(columns, row, context).map(markdownCell).join(' | ')} |\n`;
}

/**
 * A Markdown table of a model's people view.
 *
 * @example
 * ```ts
 * joinPieces(MARKDOWN_FORMAT.text(FINDING_MODEL, [], { lang: 'en' }));
 * //=> '| unit | severity | rule | finding | source |\n|---|---|---|---|---|\n'
 * ```
 */
export const MARKDOWN_FORMAT: OutputFormat = { id: 'md', view: 'people', text: markdownText };
