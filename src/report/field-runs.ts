/**
 * Runs of consecutive fields of generated indicator rows whose bytes recur (indicator-json-bytes.ts): a region's
 * `{"region"…"name"` on its rows; per indicator id, its id and property, reason to setAside, status to asOf. A run's
 * bytes are copied while the values they were written from are the same.
 */
import type { IndicatorRow } from '../indicators/rows.js';
import type { ByteOutput } from './byte-output.js';
import { RecurrenceSample } from './recurrence.js';

/** Indicators whose runs are kept at once (a profile has seven; past this many, all are forgotten together). */
const INDICATOR_RUNS_LIMIT = 64;

/**
 * The bytes of a run of consecutive fields, with the values (up to five) they were written from: a primitive's bytes
 * under a key depend on the key and the value only (masking included), so while the values are the same the bytes
 * are too. No bytes are kept for a run holding an object (a custom target may be changed between rows; the general
 * writer's constant path judges that).
 */
export interface FieldRun {
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
export interface IndicatorRuns {
  readonly head: FieldRun;
  readonly middle: FieldRun;
  readonly tail: FieldRun;
}

/** Writes `,"key":value` for key `i` of the row's keys (nothing for undefined); false when the row must go whole. */
export type FieldWriter = (out: ByteOutput, i: number, value: unknown) => boolean;

/** The writers of runs that {@link createFieldRuns} gives, sharing its memory of runs. */
export interface FieldRuns {
  /** Writes `{"region":…` to the name, copied while region, level, year and name are those of the run's bytes. */
  readonly writeRegionRun: (out: ByteOutput, row: IndicatorRow) => boolean;
  /**
   * Writes `count` (one to five) values `a`… under the keys from `from` on, each after a comma: the run's bytes copied
   * when it was last written with the same values, else written and remembered.
   */
  readonly writeRun: (
    out: ByteOutput,
    run: FieldRun,
    from: number,
    count: number,
    a: unknown,
    b: unknown,
    c: unknown,
    d: unknown,
    e: unknown,
  ) => boolean;
  /** The runs of an indicator's rows (kept per id while there are few; new ones for an id that is not a string). */
  readonly runsOf: (indicator: unknown) => IndicatorRuns;
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

/** Keeps the bytes written from `start` as `run`'s, with the values they were written from (see {@link FieldRun}). */
function remember(
  run: FieldRun,
  out: ByteOutput,
  start: number,
  a: unknown,
  b: unknown,
  c: unknown,
  d: unknown,
  e: unknown,
): void {
  run.bytes =
    isPrimitive(a) && isPrimitive(b) && isPrimitive(c) && isPrimitive(d) && isPrimitive(e)
      ? out.bytes.slice(start, out.used)
      : undefined;
  run.a = a;
  run.b = b;
  run.c = c;
  run.d = d;
  run.e = e;
}

/**
 * The runs of each indicator's rows: an indicator's rows share the run of its id and property and, mostly, those of
 * its unit and flags and of its status to asOf; a table's rows take turns among a handful of indicators.
 */
function createRunsByIndicator(): FieldRuns['runsOf'] {
  const byIndicator = new Map<string, IndicatorRuns>();
  return (indicator) => {
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
}

/**
 * Creates the writers of runs of one output (their memory of runs is its own).
 *
 * @param field - writes one value after a comma under its key
 * @param openRow - writes `{"region":` and the region (the first value has no comma before it)
 * @returns the writers of runs
 *
 * @example
 * ```ts
 * const runs = createFieldRuns(field, openRow);
 * runs.writeRun(out, runs.runsOf('pension').head, 4, 2, 'pension', undefined, undefined, undefined, undefined);
 * //=> true (`,"indicator":"pension"` written, and remembered with its value)
 * ```
 */
export function createFieldRuns(
  field: FieldWriter,
  openRow: (out: ByteOutput, region: unknown) => boolean,
): FieldRuns {
  const writeRun: FieldRuns['writeRun'] = (out, run, from, count, a, b, c, d, e) => {
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

  const regionRun = emptyRun();
  const writeRegionRun: FieldRuns['writeRegionRun'] = (out, row) => {
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
    if (
      !openRow(out, row.region) ||
      !field(out, 1, row.level) ||
      !field(out, 2, row.year) ||
      !field(out, 3, row.name)
    )
      return false;
    remember(run, out, start, row.region, row.level, row.year, row.name, undefined);
    return true;
  };

  return { writeRegionRun, writeRun, runsOf: createRunsByIndicator() };
}
