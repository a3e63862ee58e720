/** JSON (data view): one array, a row per line; rows of a whole-row model are their objects as they are. */
import { keyNamer } from '../../core/distinct-key.js';
import { ownValue } from '../../core/own-value.js';
import { type Column, type ColumnModel, dataCells, dataHeader, viewColumns } from '../columns.js';
import { resolveLang } from '../context.js';
import { createJsonSerializer, createJsonTextParts, EXOTIC, stringifiedValue } from '../json-text.js';
import type { FormatOptions, OutputFormat } from './format.js';

/**
 * The JSON text of a model's rows one by one: the row object itself for a whole-row model (its constant parts
 * serialised once), else an object of its data columns.
 *
 * @param model - the model
 * @param options - the language of text cells
 * @returns the serialiser (it remembers recurring texts: use one per output)
 *
 * @example
 * ```ts
 * rowJsonText(FINDING_MODEL, {})(finding).slice(0, 9);
 * //=> '{"rule":"'
 * ```
 */
export function rowJsonText<Row>(model: ColumnModel<Row>, options: FormatOptions): (row: Row) => string {
  const whole = ownValue<ColumnModel<Row>['wholeRowJson']>(model, 'wholeRowJson');
  if (whole !== undefined)
    return createJsonSerializer({ constantKeys: whole.constantKeys }) as (row: Row) => string;
  const lang = resolveLang(options);
  const columns = viewColumns(model, 'data');
  const keys = jsonKeys(columns);
  const parts = createJsonTextParts();
  const keyTexts = keys.map((key) => parts.keyText(key));
  // Written key by key, not as an object: an object enumerates a key that reads as an array index (a file's header
  // `2020`) before the others, and the columns' order is the file's. Each piece is the one the whole-object text has.
  return (row) => {
    const cells = dataCells(columns, row, lang);
    let out = '{';
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const cell = cells[i];
      const text = typeof cell === 'string' ? parts.stringUnder(keys[i] as string, cell) : parts.value(cell);
      const piece = text === EXOTIC ? stringifiedValue(cell) : text;
      if (piece === undefined) continue;
      out += `${first ? '' : ','}${keyTexts[i]}${piece}`;
      first = false;
    }
    return `${out}}`;
  };
}

/**
 * The keys of the data columns' JSON objects: their data headers, each once, so that no cell overwrites another. A
 * column whose header is its own key (a model's `line`, `reason`) keeps it; a column that borrows its header (a rejected
 * row's original cells, whose headers are the file's and may repeat or be `line`) takes `header (2)`, `header (3)` …
 * when the header is taken, never another column's header (`备注,备注,备注 (2)`: `备注`, `备注 (3)`, `备注 (2)`).
 *
 * @param columns - the data view's columns
 * @returns one distinct key per column
 *
 * @example
 * ```ts
 * jsonKeys([{ key: 'line', value: () => 1 }, { key: 'cell1', dataHeader: 'line', value: () => 'x' }]);
 * //=> ['line', 'line (2)']
 * ```
 */
export function jsonKeys<Row>(columns: readonly Column<Row>[]): string[] {
  const headers = dataHeader(columns);
  const name = keyNamer(headers);
  // First the columns whose header is their own key, then the others, each its header or a suffixed key.
  const own = headers.map((header, i) =>
    header === (columns[i] as Column<Row>).key && !name.taken(header) ? name(header) : undefined,
  );
  return headers.map((header, i) => own[i] ?? name(header));
}

function* jsonText<Row>(
  model: ColumnModel<Row>,
  rows: Iterable<Row>,
  options: FormatOptions,
): Iterable<string> {
  const serialize = rowJsonText(model, options);
  let separator = '[\n';
  for (const row of rows) {
    yield separator + serialize(row);
    separator = ',\n';
  }
  yield separator === '[\n' ? '[]\n' : '\n]\n';
}

/**
 * A JSON array of a model's rows, one per line.
 *
 * @example
 * ```ts
 * joinPieces(JSON_FORMAT.text(INDICATOR_ROW_MODEL, [], {}));
 * //=> '[]\n'
 * ```
 */
export const JSON_FORMAT: OutputFormat = { id: 'json', view: 'data', text: jsonText };
