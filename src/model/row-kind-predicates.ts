import type { DivisionLevel } from '../codes/division-code.js';
import type { LocalizedText } from '../core/issue.js';
import { type StatisticsFieldKey, statisticsField } from './fields.js';
import type { RowKind } from './row-kind.js';
import type { UnitKind } from './unit-kind.js';

// The row-kind predicates the indicator path needs, apart from row-kind.ts and its zod schema (which re-exports
// them): importing them must not load zod (issue 13, the command line's start-up).

/**
 * Whether a kind is a unit kind (社区 or 村), the rows that unit rules and unit indicators count.
 *
 * @param kind - a row's kind (any value)
 * @returns `true` for `'community'` and `'village'`
 *
 * @example
 * ```ts
 * import { isUnitKind } from 'shequ';
 * [isUnitKind('village'), isUnitKind('township')];
 * //=> [true, false]
 * ```
 */
export function isUnitKind(kind: unknown): kind is UnitKind {
  return kind === 'community' || kind === 'village';
}

/**
 * The unit kind a total row sums (`communityTotal` → `community`), or `undefined` for a kind that is not a total.
 *
 * @param kind - a row's kind (any value)
 * @returns the unit kind totalled
 *
 * @example
 * ```ts
 * import { unitKindOfTotal } from 'shequ';
 * [unitKindOfTotal('villageTotal'), unitKindOfTotal('village')];
 * //=> ['village', undefined]
 * ```
 */
export function unitKindOfTotal(kind: unknown): UnitKind | undefined {
  return kind === 'communityTotal' ? 'community' : kind === 'villageTotal' ? 'village' : undefined;
}

/**
 * Every {@link RowKind}, in order: units, administrative units, totals.
 *
 * @example
 * ```ts
 * import { ROW_KINDS } from 'shequ';
 * ROW_KINDS.length;
 * //=> 6
 * ```
 */
export const ROW_KINDS: readonly RowKind[] = [
  'community',
  'village',
  'township',
  'district',
  'communityTotal',
  'villageTotal',
];

/**
 * The division level a row's code must have, by kind: village level for units, township level for townships, county
 * level for districts; a total may be of any region (province, prefecture, county or township).
 *
 * @example
 * ```ts
 * import { CODE_LEVELS_OF_KIND } from 'shequ';
 * CODE_LEVELS_OF_KIND.district;
 * //=> ['county']
 * ```
 */
export const CODE_LEVELS_OF_KIND: Readonly<Record<RowKind, readonly DivisionLevel[]>> = {
  community: ['village'],
  village: ['village'],
  township: ['township'],
  district: ['county'],
  communityTotal: ['province', 'prefecture', 'county', 'township'],
  villageTotal: ['province', 'prefecture', 'county', 'township'],
};

/**
 * Chinese and English labels of each {@link RowKind}; the Chinese one is what the writers put in the kind column
 * (and the readers accept it back).
 *
 * @example
 * ```ts
 * import { ROW_KIND_LABELS } from 'shequ';
 * ROW_KIND_LABELS.township.zh;
 * //=> '街道（乡镇）'
 * ```
 */
export const ROW_KIND_LABELS: Readonly<Record<RowKind, LocalizedText>> = {
  community: { zh: '居委会', en: "residents' committee (community)" },
  village: { zh: '村委会', en: "villagers' committee (village)" },
  township: { zh: '街道（乡镇）', en: 'township (subdistrict, town or township)' },
  district: { zh: '县（区）', en: 'district (county level)' },
  communityTotal: { zh: '社区合计', en: 'total of the communities of a region' },
  villageTotal: { zh: '村合计', en: 'total of the villages of a region' },
};

const UNIT_KINDS = ['community', 'village'] as const;
const TOTAL_OF = { community: 'communityTotal', village: 'villageTotal' } as const;

/**
 * The kinds of row a field is carried by: `code`, `name`, `kind` and `year` (the 统计年度 a row describes) by every
 * row; a field with `appliesTo` by those kinds; any other by both unit kinds. A count or area of a unit kind is also carried by that kind's total row, as
 * the sum over the units (households, facility area …): a total row is a row of sums.
 *
 * @param key - a field key
 * @returns the row kinds that may carry it (empty for a key that is not a field)
 *
 * @example
 * ```ts
 * import { statisticsFieldAppliesTo } from 'shequ';
 * statisticsFieldAppliesTo('households');
 * //=> ['community', 'village', 'communityTotal', 'villageTotal']
 * statisticsFieldAppliesTo('hasSocialWorkStation');
 * //=> ['township']
 * ```
 */
export function statisticsFieldAppliesTo(key: StatisticsFieldKey): readonly RowKind[] {
  const field = statisticsField(key);
  if (field === undefined) return [];
  if (key === 'code' || key === 'name' || key === 'kind' || key === 'year') return ROW_KINDS;
  const declared: readonly RowKind[] = field.appliesTo ?? UNIT_KINDS;
  if (field.kind !== 'count' && field.kind !== 'area') return declared;
  const totals = UNIT_KINDS.filter((kind) => declared.includes(kind)).map((kind) => TOTAL_OF[kind]);
  return [...declared, ...totals.filter((kind) => !declared.includes(kind))];
}
