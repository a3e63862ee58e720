/**
 * External denominators are read by indicator id as the caller's own keys: an own indicator with an id such as
 * `toString` or `constructor` has none unless the caller gives one. Before, `denominators` for a region (given for
 * another indicator) made Object.prototype's function that indicator's denominator: a NaN value flagged
 * `externalDenominator`.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  computeIndicators,
  deriveIndicatorProfile,
  INDICATOR_PROFILES,
  INDICATORS,
} from '../../src/index.js';

const INHERITED = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];
const units = [
  { code: '130123100201', kind: 'village' as const, hasFacility: true, households: 300, facilityArea: 90 },
  { code: '130123100202', kind: 'village' as const, hasFacility: true, households: 200, facilityArea: 50 },
];

/** The province row of an own indicator (the area ratio under `id`), with `denominators` as given. */
function ownRow(id: string, denominators: Record<string, Record<string, number>>) {
  const profile = deriveIndicatorProfile(INDICATOR_PROFILES.national, {
    id: 'own',
    add: [{ indicator: { ...INDICATORS.facilityAreaPer100Households, id } }],
  });
  const rows = computeIndicators(units, { profile, asOf: '2025-12-31', groupBy: ['province'], denominators });
  const { indicator: _, ...rest } = [...rows].find((row) => row.indicator === id) ?? { indicator: '' };
  return rest;
}

describe("external denominators of a caller's own indicator", () => {
  test.prop([fc.constantFrom(...INHERITED), fc.integer({ min: 1, max: 10_000 })], { numRuns: 40 })(
    'are its own: one given for another indicator is not its, one given for it is',
    (id, given) => {
      const other = { '13': { facilityAreaPer100Households: 1000 } };
      expect(ownRow(id, other)).toEqual(ownRow('ownControl', other));
      // As a JSON input gives them: `__proto__` an own key.
      const own = { '13': JSON.parse(`{ "${id}": ${given} }`) as Record<string, number> };
      expect(ownRow(id, own)).toEqual(ownRow('ownControl', { '13': { ownControl: given } }));
    },
  );
});
