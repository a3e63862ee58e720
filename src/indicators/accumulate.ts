import type { UnitStatistics } from '../model/unit-statistics.js';
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
  readonly numeratorInHundredths: readonly boolean[];
  readonly denominatorInHundredths: readonly boolean[];
}

/** Compiles definitions for {@link accumulateRow}. */
export function compileIndicators(definitions: readonly IndicatorDefinition[]): CompiledIndicators {
  return {
    ids: definitions.map((d) => d.id),
    definitions,
    stride: definitions.length * 3,
    forCommunity: definitions.map((d) => d.appliesTo.includes('community')),
    forVillage: definitions.map((d) => d.appliesTo.includes('village')),
    numeratorInHundredths: definitions.map((d) => d.numerator.unit === 'm2'),
    denominatorInHundredths: definitions.map((d) => d.denominator?.unit === 'm2'),
  };
}

/**
 * Adds one unit's contributions to `parts` at `offset`: for each indicator, numerator and denominator when the unit
 * is in scope and has both inputs, else one missing when it is in scope. The one arithmetic every path shares.
 */
export function accumulateRow(
  compiled: CompiledIndicators,
  row: UnitStatistics,
  parts: Float64Array,
  offset: number,
): void {
  const community = row.kind === 'community';
  const { definitions, forCommunity, forVillage, numeratorInHundredths, denominatorInHundredths } = compiled;
  for (let i = 0; i < definitions.length; i++) {
    if (!(community ? forCommunity[i] : forVillage[i])) continue;
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
 * A measure's reading as the exact integer the parts sum (hundredths for areas), or -1 when it cannot be summed
 * exactly: absent, not a number, negative, a fractional count, or past 2^53. Unchecked rows (a caller's own objects)
 * are counted as missing then, so the parts only ever hold non-negative integers — what `parseIndicatorParts` demands.
 */
function exactAmount(value: unknown, hundredths: boolean): number {
  if (typeof value !== 'number' || !(value >= 0)) return -1;
  const amount = hundredths ? Math.round(value * 100) : value;
  return Number.isSafeInteger(amount) ? amount : -1;
}
