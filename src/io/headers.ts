import {
  STATISTICS_FIELD_KEYS,
  STATISTICS_FIELDS,
  type StatisticsFieldKind,
  statisticsField,
} from '../model/fields.js';
import type { UnitStatistics } from '../model/unit-statistics.js';

/**
 * How a column's cells are read: a code, a name, a kind (居委会/村委会), a yes/no flag, or a number.
 *
 * @example
 * ```ts
 * import type { CellType } from 'shequ/io';
 * const type: CellType = 'flag';
 * ```
 */
export type CellType = 'code' | 'text' | 'kind' | 'flag' | 'year' | 'number';

/** How each field kind's cells are read. */
const CELL_TYPE_OF_KIND: Readonly<Record<StatisticsFieldKind, CellType>> = {
  code: 'code',
  text: 'text',
  unitKind: 'kind',
  urbanRural: 'code',
  year: 'year',
  count: 'number',
  area: 'number',
  flag: 'flag',
};

/** The cell type of each field of a statistics row, from its kind in the field catalogue. */
export const FIELD_TYPES: Readonly<Record<keyof UnitStatistics, CellType>> = Object.fromEntries(
  STATISTICS_FIELD_KEYS.map((key) => [key, CELL_TYPE_OF_KIND[STATISTICS_FIELDS[key].kind]]),
) as Record<keyof UnitStatistics, CellType>;

/**
 * Normalises a header for matching: NFKC (full-width → half-width), no white space, no unit in brackets
 * (`面积（平方米）` → `面积`), lower case.
 *
 * @param header - a header cell
 * @returns the matching form
 *
 * @example
 * ```ts
 * import { normalizeHeader } from 'shequ/io';
 * normalizeHeader(' 综合服务设施建筑面积（平方米） ');
 * //=> '综合服务设施建筑面积'
 * ```
 */
export function normalizeHeader(header: string): string {
  if (typeof header !== 'string') return ''; // not a header cell (never a TypeError)
  return header
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\((?:平方米|㎡|m²|m2|人|户|个|%)\)$/i, '')
    .toLowerCase();
}

const ALIASES: ReadonlyMap<string, keyof UnitStatistics> = (() => {
  const map = new Map<string, keyof UnitStatistics>();
  for (const key of STATISTICS_FIELD_KEYS) {
    const field = statisticsField(key);
    for (const alias of [key, field.label.zh, field.label.en, ...(field.aliases ?? [])]) {
      map.set(normalizeHeader(alias), key);
    }
  }
  return map;
})();

/**
 * The statistics field a header names — by key (`households`), Chinese header (`户数`) or a common variant — or
 * `undefined`.
 *
 * @param header - a header cell
 * @returns the field key
 *
 * @example
 * ```ts
 * import { fieldOfHeader } from 'shequ/io';
 * fieldOfHeader('常住人口（人）');
 * //=> 'residents'
 * fieldOfHeader('备注');
 * //=> undefined
 * ```
 */
export function fieldOfHeader(header: string): keyof UnitStatistics | undefined {
  return ALIASES.get(normalizeHeader(header));
}
