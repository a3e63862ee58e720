import { ownValue } from '../core/own-value.js';
import {
  gapOnLine,
  type Progress,
  progressAgainst,
  statusOnLine,
  type TargetLine,
  targetLine,
} from './progress.js';
import type { IndicatorProperty } from './property.js';
import { roundRatio } from './round-ratio.js';
import type { GroupLevel, IndicatorRow, Rounding } from './rows.js';
import type { Baseline, ProfileIndicator, Target } from './types.js';

// Building indicator rows from sums. Everything an indicator's rows share — its id, unit, factors, baseline, target,
// and the line its values are judged on at the as-of date — is prepared once per table; a row then costs a rounding,
// a comparison or two and the object itself (a national table is 260 000 rows of 7 indicators).

/** What every row of one indicator shares: computed once per table, not once per row. */
export interface PreparedIndicator {
  readonly entry: ProfileIndicator;
  readonly id: string;
  readonly property: IndicatorProperty | undefined;
  /** The unit the rows show (`unit.en` of the definition). */
  readonly unit: string;
  readonly baseline: Baseline | undefined;
  readonly target: Target | undefined;
  /** The value is Σ numerator / Σ denominator × scale (else Σ numerator alone, counted where the denominator is not 0). */
  readonly ratio: boolean;
  /** 100 where the numerator is summed in hundredths of m², else 1. */
  readonly numeratorFactor: number;
  /** 100 where the denominator is summed in hundredths of m², else 1. */
  readonly denominatorFactor: number;
  /** denominatorFactor × scale: the numerator's factor in the ratio. */
  readonly ratioFactor: number;
  /** Progress of a null value (and of any value without a target): its `expected` is the line's value at `asOf`. */
  readonly line: Progress;
  /** The target's line at `asOf`, when there is a target. */
  readonly judge: TargetLine | undefined;
  /** The date and decimal places the line was drawn with. */
  readonly asOf: string;
  readonly places: number;
  /**
   * The target's comparator, value and year and the baseline's value when the line was drawn: a custom profile is not
   * frozen, and a consumer may edit its target through a row (see {@link currentJudge}).
   */
  readonly drawnWith: readonly [Target['comparator'] | undefined, number, number, number | undefined];
}

/** Prepares a profile's indicators for row building at one as-of date (`places`: of `expected` and `gap`). */
export function prepareIndicators(
  entries: readonly ProfileIndicator[],
  asOf: string,
  places: number,
): PreparedIndicator[] {
  return entries.map((entry) => {
    const definition = entry.indicator;
    // A key given to Object.prototype (prototype pollution) is not the profile's: it would otherwise become every row's
    // own `target`, `baseline` or `property`, written out (see core/own-value.ts).
    const target = ownValue<Target>(entry, 'target');
    const baseline = ownValue<Baseline>(entry, 'baseline');
    const line = progressAgainst(null, target, baseline, asOf, places);
    const denominatorFactor = definition.denominator?.unit === 'm2' ? 100 : 1;
    return {
      entry,
      id: definition.id,
      property: ownValue<IndicatorProperty>(definition, 'property'),
      unit: definition.unit.en,
      baseline,
      target,
      ratio: definition.denominator !== undefined,
      numeratorFactor: definition.numerator.unit === 'm2' ? 100 : 1,
      denominatorFactor,
      ratioFactor: denominatorFactor * definition.scale,
      line,
      judge: target === undefined ? undefined : targetLine(target, baseline, asOf, places, line.expected),
      asOf,
      places,
      drawnWith: [target?.comparator, target?.value ?? 0, target?.year ?? 0, baseline?.value],
    };
  });
}

/**
 * The line to judge a value on now: the prepared one while its target and baseline are as they were when it was
 * drawn, else one drawn again from them as they are, through the same expected value — as rows have always been
 * judged (the expected value fixed when a table starts, the target read afresh for each row).
 */
function currentJudge(p: PreparedIndicator, judge: TargetLine): TargetLine {
  const { target } = judge;
  const { drawnWith } = p;
  if (
    target.comparator === drawnWith[0] &&
    target.value === drawnWith[1] &&
    target.year === drawnWith[2] &&
    p.baseline?.value === drawnWith[3]
  )
    return judge;
  return targetLine(target, p.baseline, p.asOf, p.places, judge.expected);
}

/**
 * The keys of an indicator row in the order {@link RowMaker.row} sets them: every row it builds has some of them, in
 * this order (the order of the output's JSON keys, which writers that know the keys in advance rely on).
 */
export const INDICATOR_ROW_KEYS = [
  'region',
  'level',
  'year',
  'name',
  'indicator',
  'property',
  'numerator',
  'denominator',
  'missing',
  'value',
  'reason',
  'unit',
  'externalDenominator',
  'fromTotal',
  'setAside',
  'baseline',
  'target',
  'status',
  'expected',
  'gap',
  'asOf',
] as const satisfies readonly (keyof IndicatorRow)[];

/**
 * The rows' constructor: its instances are plain objects (their prototype is `Object.prototype`, as a literal's), but
 * V8 sizes them after the first instances and keeps all their keys in the object itself; a literal of two keys given
 * twelve more grew an out-of-line store four times a row (a national table is 260 000 rows).
 */
function PlainRow() {}
PlainRow.prototype = Object.prototype;

/** The row {@link RowMaker.row} built last (see {@link isLastRowMade}). */
let lastRowMade: object | undefined;

/**
 * Whether `row` is the row {@link RowMaker.row} built last: a writer that drives generated rows and reads their keys
 * in the order INDICATOR_ROW_KEYS gives checks, row by row, that the iterator gave it the row just built, not one an
 * own `next` (or any change to the iterator) gave instead.
 *
 * @param row - the row about to be written
 * @returns true when it is the last row built
 */
export function isLastRowMade(row: unknown): boolean {
  return row === lastRowMade;
}

/**
 * Builds rows region by region: what a table's rows share is given once, what a region's share is set before its
 * rows ({@link RowMaker.enter}), and each {@link RowMaker.row} builds one row with no other object made.
 */
export class RowMaker {
  private region = '';
  private name: string | undefined;
  private external: Readonly<Record<string, number>> | undefined;
  private fromTotal: Uint8Array | undefined;
  private setAside: Uint8Array | undefined;
  private readonly places: number;
  private readonly mode: Required<Rounding>['mode'];

  constructor(
    private readonly level: GroupLevel,
    rounding: Required<Rounding>,
    private readonly asOf: string,
    private readonly year: number | undefined,
  ) {
    this.places = rounding.places;
    this.mode = rounding.mode;
  }

  /** Sets the region the next rows are of. */
  enter(
    region: string,
    name: string | undefined,
    external: Readonly<Record<string, number>> | undefined,
    fromTotal: Uint8Array | undefined,
    setAside: Uint8Array | undefined,
  ): void {
    this.region = region;
    this.name = name;
    this.external = external;
    this.fromTotal = fromTotal;
    this.setAside = setAside;
  }

  /** The row of indicator `i` (prepared as `p`) of the current region, whose sums start at `base` in `sums`. */
  row(p: PreparedIndicator, i: number, sums: ArrayLike<number>, base: number): IndicatorRow {
    const at = base + i * 3;
    const numeratorRaw = sums[at] as number;
    const externalDenominator = this.external?.[p.id];
    const denominatorRaw =
      externalDenominator === undefined
        ? (sums[at + 1] as number)
        : externalDenominator * p.denominatorFactor;
    const value =
      denominatorRaw === 0
        ? null
        : p.ratio
          ? roundRatio(numeratorRaw, p.ratioFactor, denominatorRaw, p.numeratorFactor, this.places, this.mode)
          : roundRatio(numeratorRaw, 1, p.numeratorFactor, 1, this.places, this.mode);
    // The keys in the order rows have always had them, INDICATOR_ROW_KEYS (the writers and readers of the output
    // depend on it).
    const row = new (PlainRow as unknown as new () => Record<string, unknown>)();
    row.region = this.region;
    row.level = this.level;
    if (this.year !== undefined) row.year = this.year;
    if (this.name !== undefined) row.name = this.name;
    row.indicator = p.id;
    if (p.property !== undefined) row.property = p.property;
    row.numerator = numeratorRaw / p.numeratorFactor;
    row.denominator = denominatorRaw / p.denominatorFactor;
    row.missing = sums[at + 2];
    row.value = value;
    if (value === null) row.reason = 'zero-denominator';
    row.unit = p.unit;
    if (externalDenominator !== undefined) row.externalDenominator = true;
    if (this.fromTotal?.[i] === 1) row.fromTotal = true;
    if (this.setAside?.[i] === 1) row.setAside = true;
    if (p.baseline !== undefined) row.baseline = p.baseline;
    if (p.target !== undefined) row.target = p.target;
    // The target as it is now: a consumer may have edited a custom profile's target through an earlier row.
    const judge = p.judge === undefined ? undefined : currentJudge(p, p.judge);
    if (value === null || judge === undefined) {
      row.status = p.line.status;
      row.expected = p.line.expected;
      row.gap = p.line.gap;
    } else {
      row.status = statusOnLine(judge, value);
      row.expected = judge.expected;
      row.gap = gapOnLine(judge, value);
    }
    row.asOf = this.asOf;
    lastRowMade = row;
    return row as unknown as IndicatorRow;
  }
}

/** Builds the rows of one region from its sums: one per indicator of the profile. */
export function regionRows(
  region: string,
  level: GroupLevel,
  sums: ArrayLike<number>,
  prepared: readonly PreparedIndicator[],
  context: {
    rounding: Required<Rounding>;
    asOf: string;
    name: string | undefined;
    external: Readonly<Record<string, number>> | undefined;
    /** The year the sums describe, when they describe one. */
    year?: number | undefined;
    /** Per indicator, 1 where the sums are the region's own total. */
    fromTotal?: Uint8Array | undefined;
    /** Per indicator, 1 where that total set data beneath it aside. */
    setAside?: Uint8Array | undefined;
    /** Where the region's sums start in `sums` (0 when absent). */
    offset?: number;
  },
): IndicatorRow[] {
  const maker = new RowMaker(level, context.rounding, context.asOf, context.year);
  maker.enter(region, context.name, context.external, context.fromTotal, context.setAside);
  const rows: IndicatorRow[] = [];
  const base = context.offset ?? 0;
  for (let i = 0; i < prepared.length; i++)
    rows.push(maker.row(prepared[i] as PreparedIndicator, i, sums, base));
  return rows;
}
