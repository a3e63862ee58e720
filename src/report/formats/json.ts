/** JSON (data view): one array, a row per line; rows of a whole-row model are their objects as they are. */
import { ownValue } from '../../core/own-value.js';
import { type ColumnModel, dataCells, dataHeader, viewColumns } from '../columns.js';
import { resolveLang } from '../context.js';
import { createJsonSerializer } from '../json-text.js';
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
  const keys = dataHeader(columns);
  const serialize = createJsonSerializer();
  return (row) => {
    const cells = dataCells(columns, row, lang);
    const object: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      object[key] = cells[i];
    });
    return serialize(object);
  };
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
