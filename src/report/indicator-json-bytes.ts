/**
 * Indicator rows as JSON bytes, their keys known in advance. The rows `rows()` generates are built by one function
 * with their keys in one order (INDICATOR_ROW_KEYS), so a row's values are read by name and each written under a
 * `"key":` encoded once — not found by listing the row's keys, matching them against a shape and reading each through
 * a computed key, which is most of what the general writer spends on a national table. Runs of fields whose values
 * recur from row to row (field-runs.ts) are copied as the bytes they were written as; every other value is written by
 * the general writer's own `writeValue` (masking, escaping, constants), and a row it cannot write that way (a value
 * that needs the text path, a `toJSON` or a row's key given to `Object.prototype`) goes to the general writer whole:
 * the bytes are always those of {@link createJsonByteWriter}.
 */
import { INDICATOR_ROW_KEYS, isLastRowMade } from '../indicators/row-builder.js';
import type { IndicatorRow } from '../indicators/rows.js';
import { isGeneratedRows } from '../indicators/table-rows.js';
import type { ByteOutput } from './byte-output.js';
import { createFieldRuns, type FieldRuns, type FieldWriter } from './field-runs.js';
import { createJsonBytes, createJsonByteWriter } from './json-bytes.js';
import { INDICATOR_ROW_MODEL } from './models/indicators.js';

/** Keys whose object is the same in every row of an indicator (`baseline`, `target`): the model's. */
export const INDICATOR_CONSTANT_KEYS = INDICATOR_ROW_MODEL.wholeRowJson?.constantKeys ?? [];

const COMMA = 0x2c;

/**
 * Whether `Object.prototype` has a key the writer of generated rows reads by name where a row may lack it (the keys
 * `RowMaker.row` sets only sometimes), or a `toJSON`: a row's own keys are written, and a key it lacks would be read
 * from there (prototype pollution) — JSON.stringify calls such a `toJSON`, and writes only own keys. Spelled out, not
 * a loop over a list: in the reviewer's micro-measurement ten constant lookups cost 1–5 ms over a national table's
 * 262 836 rows, a loop over a list ≈ 25 ms.
 */
function prototypeHasRowKeys(): boolean {
  const proto = Object.prototype;
  return (
    'toJSON' in proto ||
    'year' in proto ||
    'name' in proto ||
    'property' in proto ||
    'reason' in proto ||
    'externalDenominator' in proto ||
    'fromTotal' in proto ||
    'setAside' in proto ||
    'baseline' in proto ||
    'target' in proto
  );
}

/**
 * Writes a generated row's keys in the order of INDICATOR_ROW_KEYS (the indices below are theirs: a test holds them to
 * it), its runs of recurring fields through `runs`; false when the row must go to the general writer whole.
 */
function writeKnownRow(row: IndicatorRow, out: ByteOutput, field: FieldWriter, runs: FieldRuns): boolean {
  const { head, middle, tail } = runs.runsOf(row.indicator);
  const { writeRun } = runs;
  if (
    !runs.writeRegionRun(out, row) ||
    !writeRun(out, head, 4, 2, row.indicator, row.property, undefined, undefined, undefined) ||
    !field(out, 6, row.numerator) ||
    !field(out, 7, row.denominator) ||
    !field(out, 8, row.missing) ||
    !field(out, 9, row.value) ||
    !writeRun(
      out,
      middle,
      10,
      5,
      row.reason,
      row.unit,
      row.externalDenominator,
      row.fromTotal,
      row.setAside,
    ) ||
    !field(out, 15, row.baseline) ||
    !field(out, 16, row.target) ||
    !writeRun(out, tail, 17, 4, row.status, row.expected, row.gap, row.asOf, undefined)
  )
    return false;
  out.reserve(1);
  out.byte(0x7d);
  return true;
}

/**
 * The writer of rows that `rows()` generated (see `isGeneratedRows`): reads each key of INDICATOR_ROW_KEYS by name.
 * Only for such rows: a row whose keys are in another order would be written in this order, so a row that is not the
 * one `RowMaker.row` built last goes to the general writer (the limit: code that changes a generated row between its
 * making and its writing — an own `next` that edits what the real one gives — is not seen).
 */
function createGeneratedRowWriter(): (row: IndicatorRow, out: ByteOutput) => void {
  const bytes = createJsonBytes({ constantKeys: INDICATOR_CONSTANT_KEYS });
  const { writeValue } = bytes;
  const shape = bytes.shapeOf(INDICATOR_ROW_KEYS);
  const { prefixes } = shape;

  /** `,"key":value` for key `i`, nothing when the row has no value there (JSON leaves undefined out). */
  const field = (out: ByteOutput, i: number, value: unknown): boolean => {
    if (value === undefined) return true;
    out.reserve(1);
    out.byte(COMMA);
    out.copy(prefixes[i] as Uint8Array);
    return writeValue(out, shape, i, value, 0);
  };
  const runs = createFieldRuns(field, (out, region) => {
    out.reserve(1);
    out.byte(0x7b);
    out.copy(prefixes[0] as Uint8Array);
    return writeValue(out, shape, 0, region, 0);
  });

  return (row, out) => {
    const start = out.used;
    try {
      // The row the iterator just built (not one an own `next` gave instead); Object.prototype checked every row: a
      // value's getter or toJSON (a custom target's) may change it on the way.
      if (isLastRowMade(row) && !prototypeHasRowKeys() && writeKnownRow(row, out, field, runs)) return;
    } catch (error) {
      out.used = start; // a getter of a custom target threw: only whole rows stay in `out`, as the general writer leaves it
      throw error;
    }
    out.used = start;
    bytes.write(row, out);
  };
}

/**
 * The JSON byte writer for `rows`: one that reads their keys by name when `rows()` generated them, else the general
 * one. Both write the same bytes.
 *
 * @param rows - the rows about to be written
 * @returns a writer of one row (use it for these rows only)
 *
 * @example
 * ```ts
 * const write = indicatorRowJsonWriter(job.data.rows());
 * ```
 */
export function indicatorRowJsonWriter(
  rows: Iterable<IndicatorRow>,
): (row: IndicatorRow, out: ByteOutput) => void {
  return isGeneratedRows(rows)
    ? createGeneratedRowWriter()
    : createJsonByteWriter({ constantKeys: INDICATOR_CONSTANT_KEYS });
}
