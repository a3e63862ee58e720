/**
 * Indicator rows as JSON bytes, their keys known in advance. The rows `rows()` generates are built by one function
 * with their keys in one order (INDICATOR_ROW_KEYS), so a row's values are read by name and each written under a
 * `"key":` encoded once — not found by listing the row's keys, matching them against a shape and reading each through
 * a computed key, which is most of what the general writer spends on a national table. Every value is written by the
 * general writer's own `writeValue` (masking, escaping, constants), and a row it cannot write that way (a value that
 * needs the text path, a `toJSON` or a row's key given to `Object.prototype`) goes to the general writer whole: the
 * bytes are always those of {@link createJsonByteWriter}.
 */
import { INDICATOR_ROW_KEYS, isLastRowMade } from '../indicators/row-builder.js';
import type { IndicatorRow } from '../indicators/rows.js';
import { isGeneratedRows } from '../indicators/table-rows.js';
import type { ByteOutput } from './byte-output.js';
import { createJsonBytes, createJsonByteWriter } from './json-bytes.js';
import { INDICATOR_ROW_MODEL } from './models/indicators.js';
import { RecurrenceSample } from './recurrence.js';

/** Keys whose object is the same in every row of an indicator (`baseline`, `target`): the model's. */
export const INDICATOR_CONSTANT_KEYS = INDICATOR_ROW_MODEL.wholeRowJson?.constantKeys ?? [];

const COMMA = 0x2c;
/** Indicators whose runs are kept at once (a profile has seven; past this many, all are forgotten together). */
const INDICATOR_RUNS_LIMIT = 64;

/**
 * The bytes of a run of consecutive fields, with the values (up to five) they were written from: a primitive's bytes
 * under a key depend on the key and the value only (masking included), so while the values are the same the bytes
 * are too. No bytes are kept for a run holding an object (a custom target may be changed between rows; the general
 * writer's constant path judges that).
 */
interface FieldRun {
  a: unknown;
  b: unknown;
  c: unknown;
  d: unknown;
  e: unknown;
  bytes: Uint8Array | undefined;
  /** Whether the run's values recur: when they rarely do (a target's gap), it is written without being compared. */
  readonly recurrence: RecurrenceSample;
}

/** The runs of one indicator's rows: its id and property; reason to setAside; status to asOf. */
interface IndicatorRuns {
  readonly head: FieldRun;
  readonly middle: FieldRun;
  readonly tail: FieldRun;
}

function emptyRun(): FieldRun {
  return {
    a: undefined,
    b: undefined,
    c: undefined,
    d: undefined,
    e: undefined,
    bytes: undefined,
    recurrence: new RecurrenceSample(),
  };
}

/** Whether a value is not an object (nor a function): its bytes are fixed by the value itself. */
function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

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

  /** Keeps the bytes written from `start` as `run`'s, with the values they were written from (see {@link FieldRun}). */
  const remember = (
    run: FieldRun,
    out: ByteOutput,
    start: number,
    a: unknown,
    b: unknown,
    c: unknown,
    d: unknown,
    e: unknown,
  ): void => {
    run.bytes =
      isPrimitive(a) && isPrimitive(b) && isPrimitive(c) && isPrimitive(d) && isPrimitive(e)
        ? out.bytes.slice(start, out.used)
        : undefined;
    run.a = a;
    run.b = b;
    run.c = c;
    run.d = d;
    run.e = e;
  };

  /**
   * Writes `count` (one to five) values `a`… under the keys from `from` on, each after a comma: the run's bytes
   * copied when it was last written with the same values, else written and remembered.
   */
  const writeRun = (
    out: ByteOutput,
    run: FieldRun,
    from: number,
    count: number,
    a: unknown,
    b: unknown,
    c: unknown,
    d: unknown,
    e: unknown,
  ): boolean => {
    const compared = !run.recurrence.rare;
    if (compared) {
      const same =
        run.bytes !== undefined && run.a === a && run.b === b && run.c === c && run.d === d && run.e === e;
      run.recurrence.record(same);
      if (same) {
        out.copy(run.bytes as Uint8Array);
        return true;
      }
    }
    const start = out.used;
    if (
      !field(out, from, a) ||
      (count > 1 && !field(out, from + 1, b)) ||
      (count > 2 && !field(out, from + 2, c)) ||
      (count > 3 && !field(out, from + 3, d)) ||
      (count > 4 && !field(out, from + 4, e))
    )
      return false;
    if (compared) remember(run, out, start, a, b, c, d, e);
    return true;
  };

  /** `{"region":…` to the name: the first value has no comma before it. */
  const regionRun = emptyRun();
  const writeRegionRun = (out: ByteOutput, row: IndicatorRow): boolean => {
    const run = regionRun;
    if (
      run.bytes !== undefined &&
      run.a === row.region &&
      run.b === row.level &&
      run.c === row.year &&
      run.d === row.name
    ) {
      out.copy(run.bytes);
      return true;
    }
    const start = out.used;
    out.reserve(1);
    out.byte(0x7b);
    out.copy(prefixes[0] as Uint8Array);
    if (
      !writeValue(out, shape, 0, row.region, 0) ||
      !field(out, 1, row.level) ||
      !field(out, 2, row.year) ||
      !field(out, 3, row.name)
    )
      return false;
    remember(run, out, start, row.region, row.level, row.year, row.name, undefined);
    return true;
  };

  // An indicator's rows share the run of its id and property and, mostly, those of its unit and flags and of its
  // status to asOf. A table's rows take turns among a handful of indicators: their runs are kept per indicator id.
  const byIndicator = new Map<string, IndicatorRuns>();
  const runsOf = (indicator: unknown): IndicatorRuns => {
    let runs = typeof indicator === 'string' ? byIndicator.get(indicator) : undefined;
    if (runs === undefined) {
      runs = { head: emptyRun(), middle: emptyRun(), tail: emptyRun() };
      if (typeof indicator === 'string') {
        if (byIndicator.size >= INDICATOR_RUNS_LIMIT) byIndicator.clear();
        byIndicator.set(indicator, runs);
      }
    }
    return runs;
  };

  // The indices below are those of INDICATOR_ROW_KEYS (a test holds them to it).
  const writeKnown = (row: IndicatorRow, out: ByteOutput): boolean => {
    const runs = runsOf(row.indicator);
    if (
      !writeRegionRun(out, row) ||
      !writeRun(out, runs.head, 4, 2, row.indicator, row.property, undefined, undefined, undefined) ||
      !field(out, 6, row.numerator) ||
      !field(out, 7, row.denominator) ||
      !field(out, 8, row.missing) ||
      !field(out, 9, row.value) ||
      !writeRun(
        out,
        runs.middle,
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
      !writeRun(out, runs.tail, 17, 4, row.status, row.expected, row.gap, row.asOf, undefined)
    )
      return false;
    out.reserve(1);
    out.byte(0x7d);
    return true;
  };

  return (row, out) => {
    const start = out.used;
    try {
      // The row the iterator just built (not one an own `next` gave instead); Object.prototype checked every row: a
      // value's getter or toJSON (a custom target's) may change it on the way.
      if (isLastRowMade(row) && !prototypeHasRowKeys() && writeKnown(row, out)) return;
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
