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
      if (inScope === undefined) {
        parts[at + 2] = (parts[at + 2] as number) + 1;
        continue;
      }
    }
    const numerator = definition.numerator.read(row);
    const denominator = definition.denominator === undefined ? 1 : definition.denominator.read(row);
    if (numerator === undefined || denominator === undefined) {
      parts[at + 2] = (parts[at + 2] as number) + 1;
      continue;
    }
    parts[at] = (parts[at] as number) + (numeratorInHundredths[i] ? Math.round(numerator * 100) : numerator);
    parts[at + 1] =
      (parts[at + 1] as number) + (denominatorInHundredths[i] ? Math.round(denominator * 100) : denominator);
  }
}

const PROVINCE = new Uint8Array(100);
for (const p of [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82,
]) {
  PROVINCE[p] = 1;
}

/**
 * The township of a valid 12-digit village-level code as a number (its first 9 digits), or -1 when the code is not
 * one: the grouping key of the hot loop, computed without allocating.
 */
export function townshipKey(code: unknown): number {
  if (typeof code !== 'string' || code.length !== 12) return -1;
  let key = 0;
  for (let i = 0; i < 9; i++) {
    const c = code.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    key = key * 10 + c;
  }
  let village = 0;
  for (let i = 9; i < 12; i++) {
    const c = code.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    village = village * 10 + c;
  }
  // Village level needs every segment non-zero: province valid, prefecture, county, township, village ≠ 0.
  const province = Math.floor(key / 1e7);
  if (PROVINCE[province] !== 1 || Math.floor(key / 1e5) % 100 === 0 || Math.floor(key / 1e3) % 100 === 0)
    return -1;
  if (key % 1000 === 0 || village === 0) return -1;
  return key;
}
