import * as z from 'zod';
import { treeShakable } from '../core/tree-shakable.js';
import type { UnitKind } from './unit-kind.js';

// Plain predicates without zod, in their own module so that the indicator path does not load the schemas above.
export {
  CODE_LEVELS_OF_KIND,
  isUnitKind,
  ROW_KIND_LABELS,
  ROW_KINDS,
  statisticsFieldAppliesTo,
  unitKindOfTotal,
} from './row-kind-predicates.js';

// The kinds of row a statistics sheet may hold. A unit row (社区/村) is what the sheet has always held. A township or
// district row describes that administrative unit itself (its 社会工作服务站, its 区社区服务中心): it is counted by
// the indicators that count townships or districts and never adds to the sums of the units beneath it. A total row
// (社区合计/村合计) gives the sums of the units of one kind in a region, as 民政's statistical returns do.

/**
 * The kind of a row that describes an administrative unit above the village level: `township` = 街道/乡/镇 (乡级),
 * `district` = 县/区/县级市 (县级).
 *
 * @example
 * ```ts
 * import type { AdministrativeKind } from 'shequ';
 * const kind: AdministrativeKind = 'township';
 * ```
 */
export type AdministrativeKind = 'township' | 'district';

/**
 * The kind of a total row: the sums of the 社区 (`communityTotal`) or of the 村 (`villageTotal`) of one region.
 *
 * @example
 * ```ts
 * import type { TotalKind } from 'shequ';
 * const kind: TotalKind = 'communityTotal';
 * ```
 */
export type TotalKind = 'communityTotal' | 'villageTotal';

/**
 * The kinds a statistics row may have: a unit (`community`, `village`), an administrative unit above it (`township`,
 * `district`) or a region total (`communityTotal`, `villageTotal`).
 *
 * @example
 * ```ts
 * import type { RowKind } from 'shequ';
 * const kinds: RowKind[] = ['community', 'township', 'villageTotal'];
 * ```
 */
export type RowKind = UnitKind | AdministrativeKind | TotalKind;

/**
 * What an indicator or a field can apply to: the kinds of row that are counted one by one (units, townships,
 * districts). Totals are not in it: a total row feeds the indicators of the unit kind it totals.
 *
 * @example
 * ```ts
 * import type { CountedKind } from 'shequ';
 * const appliesTo: CountedKind[] = ['township'];
 * ```
 */
export type CountedKind = UnitKind | AdministrativeKind;

/**
 * The zod schema of a row's kind ({@link RowKind}).
 *
 * @example
 * ```ts
 * import { rowKindSchema } from 'shequ';
 * rowKindSchema.safeParse('township').success;
 * //=> true
 * ```
 */
export const rowKindSchema: z.ZodEnum<{
  /** 社区 (居民委员会). */
  community: 'community';
  /** 村 (村民委员会). */
  village: 'village';
  /** 街道/乡镇 (乡级). */
  township: 'township';
  /** 县/区 (县级). */
  district: 'district';
  /** 社区合计: the sums over the 社区 of a region. */
  communityTotal: 'communityTotal';
  /** 村合计: the sums over the 村 of a region. */
  villageTotal: 'villageTotal';
}> = /* @__PURE__ */ treeShakable(() =>
  z
    .enum(['community', 'village', 'township', 'district', 'communityTotal', 'villageTotal'])
    .describe(
      'community = 居民委员会, village = 村民委员会, township = 街道/乡镇, district = 县（区）, communityTotal = 社区合计, villageTotal = 村合计',
    ),
);
