import fc from 'fast-check';
import { URBAN_RURAL_CODES, type UrbanRuralCodeValue } from '../codes/urban-rural-code.js';
import {
  STATISTICS_FIELD_KEYS,
  type StatisticsField,
  type StatisticsFieldKey,
  statisticsField,
} from '../model/fields.js';
import type { UnitKind } from '../model/unit-kind.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { villageCodeArbitrary } from './codes.js';
import { compact } from './compact.js';

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const URBAN: UrbanRuralCodeValue[] = [];
const RURAL: UrbanRuralCodeValue[] = [];
for (const code of Object.values(URBAN_RURAL_CODES))
  (code.urban ? URBAN : RURAL).push(code.code as UrbanRuralCodeValue);

/** The values of one optional field, by its kind (the part of a "part ≤ whole" pair is made apart). */
function valuesOf(field: StatisticsField, kind: UnitKind): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case 'count':
      return fc.integer({ min: 0, max: field.max ?? 10_000 });
    case 'area':
      return fc.integer({ min: 0, max: (field.max ?? 50_000) * 100 }).map((hundredths) => hundredths / 100);
    case 'flag':
      return fc.boolean();
    case 'urbanRural':
      return fc.constantFrom(...(kind === 'community' ? URBAN : RURAL));
    case 'text':
      return fc.constantFrom('西上泽村委会', '诸福屯社区居委会', '多福巷社区', 'Unit "A", north');
    default:
      return fc.constant(undefined);
  }
}

/** Fields generated freely: every optional field that is not the part of a "part ≤ whole" pair. */
const FREE = STATISTICS_FIELD_KEYS.filter((key) => {
  const field = statisticsField(key);
  return field.required !== true && field.notAbove === undefined;
});
const PARTS = STATISTICS_FIELD_KEYS.filter((key) => statisticsField(key).notAbove !== undefined);

/**
 * A valid statistics row: a community or village with a code in its kind's range, and any subset of the optional
 * fields of the field catalogue with plausible values (an 城乡分类代码 of the unit's kind; the part of a "part ≤
 * whole" pair — activity area, commercial area — never above its whole).
 *
 * @returns an arbitrary of {@link UnitStatistics}
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { unitStatisticsArbitrary } from 'shequ/testing';
 * import { parseUnitStatistics } from 'shequ';
 * fc.assert(fc.property(unitStatisticsArbitrary(), (row) => parseUnitStatistics(row).success));
 * ```
 */
export function unitStatisticsArbitrary(): fc.Arbitrary<UnitStatistics> {
  return fc
    .constantFrom('community' as const, 'village' as const)
    .chain((kind) =>
      fc.record({
        code: villageCodeArbitrary(kind),
        kind: fc.constant(kind),
        free: fc.record(
          Object.fromEntries(FREE.map((key) => [key, optional(valuesOf(statisticsField(key), kind))])),
        ),
        shares: fc.tuple(...PARTS.map(() => fc.integer({ min: 0, max: 100 }))),
      }),
    )
    .map(({ code, kind, free, shares }) => {
      const row: Record<string, unknown> = { code, kind, ...free };
      PARTS.forEach((key: StatisticsFieldKey, i) => {
        const field = statisticsField(key);
        const whole = row[field.notAbove?.field as string];
        const share = shares[i] as number;
        // A count part stays an integer (satisfied ≤ asked); an area part keeps at most two decimals.
        row[key] =
          typeof whole !== 'number'
            ? undefined
            : field.kind === 'count'
              ? Math.floor((whole * share) / 100)
              : Math.floor(whole * share) / 100;
      });
      return compact(row) as unknown as UnitStatistics;
    });
}
