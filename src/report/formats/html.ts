/**
 * HTML (people view): an accessible table — a caption, column headers with `scope="col"`, the row header with
 * `scope="row"` — with every value escaped and masked. On its own it is a self-contained page; the report page puts
 * the same table among its sections.
 */
import { ownValue } from '../../core/own-value.js';
import { type Column, type ColumnModel, peopleCells, type RenderContext, viewColumns } from '../columns.js';
import { resolveRenderContext } from '../context.js';
import { escapeHtml, htmlClass, htmlText } from '../html/escape.js';
import { PAGE_STYLE } from '../html/style.js';
import type { FormatOptions, OutputFormat } from './format.js';

/**
 * Options of {@link htmlTablePieces}.
 *
 * @example
 * ```ts
 * const options: HtmlTableOptions = { id: 'indicators', caption: '各县指标' };
 * ```
 */
export interface HtmlTableOptions {
  /** The table's `id` (default: the model's). */
  readonly id?: string;
  /** The caption (default: the model's title). */
  readonly caption?: string;
  /** At most this many rows (the rest are counted in the table's foot, for the page to point elsewhere). */
  readonly limit?: number;
}

/**
 * The pieces of an HTML table of a model's people view: the head, a piece per row (`<tr>`), the foot.
 *
 * @param model - the model
 * @param rows - the rows
 * @param context - the language and the names
 * @param options - id, caption and a row limit
 * @returns the pieces
 *
 * @example
 * ```ts
 * [...htmlTablePieces(FINDING_MODEL, [], defaultRenderContext('en'))].join('').slice(0, 46);
 * //=> '<table id="findings"><caption>Findings</captio'
 * ```
 */
export function* htmlTablePieces<Row>(
  model: ColumnModel<Row>,
  rows: Iterable<Row>,
  context: RenderContext,
  options: HtmlTableOptions = {},
): Iterable<string> {
  // The model's, the columns' and the options' optional keys read as their own (core/own-value.ts).
  const rowHeaderKey = ownValue<string>(model, 'rowHeader');
  const rowHeader = model.columns.find((column) => column.key === rowHeaderKey);
  const rowData = ownValue<ColumnModel<Row>['rowData']>(model, 'rowData');
  const columns = viewColumns(model, 'people').filter((column) => column !== rowHeader);
  const headers = rowHeader === undefined ? columns : [rowHeader, ...columns];
  const numeric = (column: Column<Row>) => ownValue(column, 'numeric') === true;
  const head = headers
    .map(
      (column) =>
        `<th scope="col"${numeric(column) ? ' class="num"' : ''}>${htmlText(column.header[context.lang])}</th>`,
    )
    .join('');
  const id = ownValue<string>(options, 'id') ?? model.id;
  const caption = ownValue<string>(options, 'caption') ?? model.title[context.lang];
  yield `<table id="${escapeHtml(htmlClass(id))}"><caption>${htmlText(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n`;
  const limit = ownValue<number>(options, 'limit') ?? Number.POSITIVE_INFINITY;
  let count = 0;
  for (const row of rows) {
    count++;
    if (count > limit) continue;
    const data = rowData?.call(model, row) ?? {};
    const attributes = Object.entries(data)
      .map(([name, value]) => ` data-${htmlClass(name)}="${htmlText(value)}"`)
      .join('');
    const cells = peopleCells(columns, row, context);
    const th =
      rowHeader === undefined
        ? ''
        : `<th scope="row">${htmlText(peopleCells([rowHeader], row, context)[0] as string)}</th>`;
    const tds = columns
      .map((column, i) => {
        const classes = [
          numeric(column) ? 'num' : '',
          ownValue<Column<Row>['cellClass']>(column, 'cellClass')?.call(column, row) ?? '',
        ].filter((c) => c !== '');
        const attribute = classes.length === 0 ? '' : ` class="${htmlClass(classes.join(' '))}"`;
        return `<td${attribute}>${escapeHtml(cells[i] as string)}</td>`;
      })
      .join('');
    yield `<tr${attributes}>${th}${tds}</tr>\n`;
  }
  const more = count - limit;
  yield more > 0
    ? `</tbody><tfoot><tr><td colspan="${headers.length}" class="more" data-more="${more}">${context.lang === 'zh' ? `另有 ${more} 行未列出` : `${more} more rows not shown`}</td></tr></tfoot></table>\n`
    : '</tbody></table>\n';
}

function* htmlText_<Row>(
  model: ColumnModel<Row>,
  rows: Iterable<Row>,
  options: FormatOptions,
): Iterable<string> {
  const context = resolveRenderContext(options);
  const title = htmlText(model.title[context.lang]);
  yield `<!doctype html>\n<html lang="${context.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${title}</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>${PAGE_STYLE}</style></head><body><main>\n`;
  yield* htmlTablePieces(model, rows, context);
  yield '</main></body></html>\n';
}

/**
 * A self-contained HTML page holding a model's people view as an accessible table (nothing fetched).
 *
 * @example
 * ```ts
 * joinPieces(HTML_FORMAT.text(FINDING_MODEL, [], { lang: 'en' })).startsWith('<!doctype html>');
 * //=> true
 * ```
 */
export const HTML_FORMAT: OutputFormat = { id: 'html', view: 'people', text: htmlText_ };
