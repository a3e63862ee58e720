import type { CountedKind } from '../model/row-kind.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { type TotalSupply, totalSupply } from './totals.js';
import type { IndicatorDefinition } from './types.js';

/**
 * The compiled form of a profile's indicators for the hot loop: plain arrays, no lookups per row.
 * Each indicator occupies three numbers of a region's parts: numerator, denominator, missing. Area measures are
 * summed as integer hundredths, so every sum is an integer below 2^53 and exact in a double.
 */
export interface CompiledIndicators {
  readonly ids: readonly string[];
  readonly definitions: readonly IndicatorDefinition[];
  readonly stride: number;
  readonly forCommunity: readonly boolean[];
  readonly forVillage: readonly boolean[];
  /** Whether each indicator counts rows of a kind (units, townships, districts). */
  readonly forKind: Readonly<Record<CountedKind, readonly boolean[]>>;
  /** What a total row supplies of each indicator (`undefined`: not from totals). */
  readonly fromTotals: readonly (TotalSupply | undefined)[];
  readonly numeratorInHundredths: readonly boolean[];
  readonly denominatorInHundredths: readonly boolean[];
}

/** Compiles definitions for {@link accumulateRow}. */
export function compileIndicators(definitions: readonly IndicatorDefinition[]): CompiledIndicators {
  const counts = (kind: CountedKind) => definitions.map((d) => d.appliesTo.includes(kind));
  const forKind = {
    community: counts('community'),
    village: counts('village'),
    township: counts('township'),
    district: counts('district'),
  };
  return {
    ids: definitions.map((d) => d.id),
    definitions,
    stride: definitions.length * 3,
    forCommunity: forKind.community,
    forVillage: forKind.village,
    forKind,
    fromTotals: definitions.map(totalSupply),
    numeratorInHundredths: definitions.map((d) => d.numerator.unit === 'm2'),
    denominatorInHundredths: definitions.map((d) => d.denominator?.unit === 'm2'),
  };
}

/**
 * Adds one row's contributions to `parts` at `offset`: for each indicator that counts the row's kind, numerator and
 * denominator when the row is in scope and has both inputs, else one missing when it is in scope. The one arithmetic
 * every path shares. A township or district row adds only to the indicators that count its kind, so it never adds
 * to the sums of the units beneath it.
 */
export function accumulateRow(
  compiled: CompiledIndicators,
  row: UnitStatistics,
  parts: Float64Array,
  offset: number,
): void {
  const counted = compiled.forKind[row.kind as CountedKind] as readonly boolean[] | undefined;
  if (counted === undefined) return;
  const { definitions, numeratorInHundredths, denominatorInHundredths } = compiled;
  for (let i = 0; i < definitions.length; i++) {
    if (counted[i] !== true) continue;
    const definition = definitions[i] as IndicatorDefinition;
    const at = offset + i * 3;
    if (definition.scope !== undefined) {
      const inScope = definition.scope.test(row);
      if (inScope === false) continue;
      if (inScope !== true) {
        parts[at + 2] = (parts[at + 2] as number) + 1;
        continue;
      }
    }
    const numerator = exactAmount(definition.numerator.read(row), numeratorInHundredths[i] === true);
    const denominator =
      definition.denominator === undefined
        ? 1
        : exactAmount(definition.denominator.read(row), denominatorInHundredths[i] === true);
    if (numerator < 0 || denominator < 0) {
      parts[at + 2] = (parts[at + 2] as number) + 1;
      continue;
    }
    parts[at] = (parts[at] as number) + numerator;
    parts[at + 1] = (parts[at + 1] as number) + denominator;
  }
}

/**
 * Writes what a total row supplies into `into` at `offset`: for each indicator of the unit kind totalled that totals
 * can give and whose two sums the row holds, [numerator, denominator, 1] (the 1 marks it given); other indicators are
 * left at 0, not given. Returns how many indicators the row supplied.
 */
export function accumulateTotal(
  compiled: CompiledIndicators,
  row: UnitStatistics,
  unitKind: 'community' | 'village',
  into: Float64Array,
  offset: number,
): number {
  const counted = compiled.forKind[unitKind];
  const sumsDenominator = compiled.definitions.map((d) => d.denominator === undefined);
  let supplied = 0;
  for (let i = 0; i < compiled.definitions.length; i++) {
    const supply = compiled.fromTotals[i];
    if (counted[i] !== true || supply === undefined) continue;
    const numerator = exactAmount(supply.numerator(row), compiled.numeratorInHundredths[i] === true);
    const inHundredths = sumsDenominator[i] !== true && compiled.denominatorInHundredths[i] === true;
    const denominator = exactAmount(supply.denominator(row), inHundredths);
    if (numerator < 0 || denominator < 0) continue;
    const at = offset + i * 3;
    into[at] = numerator;
    into[at + 1] = denominator;
    into[at + 2] = 1;
    supplied++;
  }
  return supplied;
}

/**
 * A measure's reading as the exact integer the parts sum (hundredths for areas), or -1 when it cannot be summed
 * exactly: absent, not a number, negative, a fractional count, or past 2^53. Unchecked rows (a caller's own objects)
 * are counted as missing then, so the parts only ever hold non-negative integers — what `parseIndicatorParts` demands.
 */
function exactAmount(value: unknown, hundredths: boolean): number {
  if (typeof value !== 'number' || !(value >= 0)) return -1;
  const amount = hundredths ? Math.round(value * 100) : value;
  return Number.isSafeInteger(amount) ? amount : -1;
}
