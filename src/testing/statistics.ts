import fc from 'fast-check';
import { URBAN_RURAL_CODES, type UrbanRuralCodeValue } from '../codes/urban-rural-code.js';
import {
  STATISTICS_FIELD_KEYS,
  type StatisticsField,
  type StatisticsFieldKey,
  statisticsField,
} from '../model/fields.js';
import type { RowKind } from '../model/row-kind.js';
import { CODE_LEVELS_OF_KIND, ROW_KINDS, statisticsFieldAppliesTo } from '../model/row-kind-predicates.js';
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
    case 'year':
      return fc.integer({ min: 2019, max: 2026 });
    case 'text':
      return fc.constantFrom('西上泽村委会', '诸福屯社区居委会', '多福巷社区', 'Unit "A", north');
    default:
      return fc.constant(undefined);
  }
}

/** Fields a unit row carries: those of either unit kind (not the township, district or total ones). */
const OF_UNITS = STATISTICS_FIELD_KEYS.filter((key) =>
  statisticsFieldAppliesTo(key).some((kind) => kind === 'community' || kind === 'village'),
);
/** Fields generated freely: every optional field that is not the part of a "part ≤ whole" pair. */
const FREE = OF_UNITS.filter((key) => {
  const field = statisticsField(key);
  return field.required !== true && field.notAbove === undefined;
});
const PARTS = OF_UNITS.filter((key) => statisticsField(key).notAbove !== undefined);

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

const LEVEL_DIGITS: Readonly<Record<'province' | 'prefecture' | 'county' | 'township', number>> = {
  province: 2,
  prefecture: 4,
  county: 6,
  township: 9,
};

/** A code of a level the kind allows, cut from a village-level code. */
function codeOfKind(kind: Exclude<RowKind, UnitKind>): fc.Arbitrary<string> {
  const levels = CODE_LEVELS_OF_KIND[kind] as readonly (keyof typeof LEVEL_DIGITS)[];
  return fc
    .tuple(villageCodeArbitrary(), fc.constantFrom(...levels))
    .map(([code, level]) => code.slice(0, LEVEL_DIGITS[level]).padEnd(12, '0'));
}

/** A valid row of a township, a district or a region total, with any subset of the fields of its kind. */
function nonUnitRowArbitrary(kind: Exclude<RowKind, UnitKind>): fc.Arbitrary<UnitStatistics> {
  const fields = STATISTICS_FIELD_KEYS.filter(
    (key) => statisticsField(key).required !== true && statisticsFieldAppliesTo(key).includes(kind),
  );
  const free = fields.filter((key) => statisticsField(key).notAbove === undefined);
  const parts = fields.filter((key) => statisticsField(key).notAbove !== undefined);
  return fc
    .record({
      code: codeOfKind(kind),
      free: fc.record(
        Object.fromEntries(free.map((key) => [key, optional(valuesOf(statisticsField(key), 'village'))])),
      ),
      shares: fc.tuple(...parts.map(() => fc.integer({ min: 0, max: 100 }))),
    })
    .map(({ code, free: values, shares }) => {
      const row: Record<string, unknown> = { code, kind, ...values };
      parts.forEach((key, i) => {
        const field = statisticsField(key);
        const whole = row[field.notAbove?.field as string];
        const share = (shares[i] as number) / 100;
        // A count part stays a whole number, an area part keeps two decimals at most.
        row[key] =
          typeof whole !== 'number'
            ? undefined
            : field.kind === 'count'
              ? Math.floor(whole * share)
              : Math.floor(whole * (shares[i] as number)) / 100;
      });
      return compact(row) as unknown as UnitStatistics;
    });
}

/**
 * A valid statistics row of any kind: a unit (as {@link unitStatisticsArbitrary} makes), a township or district row
 * with its own code level and fields, or a region total (社区合计 / 村合计) with a region code and sums.
 *
 * @param kinds - the kinds to draw from (default every kind)
 * @returns an arbitrary of rows
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { statisticsRowArbitrary } from 'shequ/testing';
 * import { parseUnitStatistics } from 'shequ';
 * fc.assert(fc.property(statisticsRowArbitrary(['township']), (row) => parseUnitStatistics(row).success));
 * ```
 */
export function statisticsRowArbitrary(kinds: readonly RowKind[] = ROW_KINDS): fc.Arbitrary<UnitStatistics> {
  const units = unitStatisticsArbitrary();
  // Unknown kinds are dropped, and no known kind means every kind: an arbitrary is never empty.
  const known = Array.isArray(kinds) ? ROW_KINDS.filter((kind) => kinds.includes(kind)) : ROW_KINDS;
  return fc
    .constantFrom(...(known.length === 0 ? ROW_KINDS : known))
    .chain((kind) =>
      kind === 'community' || kind === 'village'
        ? units.filter((row) => row.kind === kind)
        : nonUnitRowArbitrary(kind),
    );
}
