import { URBAN_RURAL_CODES } from '../codes/urban-rural-code.js';
import { divisionLevelIndex } from '../codes/village-key.js';
import type { LocalizedText } from '../core/issue.js';
import { hasAtMostTwoDecimals } from './decimals.js';
import {
  STATISTICS_FIELD_KEYS,
  STATISTICS_FIELDS,
  STATISTICS_YEAR_RANGE,
  type StatisticsFieldKind,
  type StatisticsRowShape,
  statisticsField,
} from './fields.js';
import { rowFitsKind } from './row-checks.js';
import { CODE_LEVELS_OF_KIND } from './row-kind-predicates.js';
import type { unitStatisticsSchema } from './unit-statistics-schema.js';

// The statistics row without zod: its type, labels and the fast checks of valid rows. The zod schema, the
// specification and the error reporter, is in unit-statistics-schema.ts: importing this module must not load zod
// (issue 13, the command line's start-up).

/**
 * One statistics row (社区（村）统计表的一行): the flat, one-row-per-unit shape that statistics sheets use and that
 * the indicators consume. Its fields are those of {@link STATISTICS_FIELDS} (each declared there once, with its
 * Chinese header, kind and unit). Only `code` (the 12-digit village-level 统计用区划代码) and `kind` (`community` =
 * 居委会, `village` = 村委会) are required; whatever needs an absent field reports the unit as missing data instead of
 * guessing. See {@link unitStatisticsSchema} for the rules.
 *
 * @example
 * ```ts
 * import type { UnitStatistics } from 'shequ';
 * const row: UnitStatistics = { code: '130102001001', kind: 'community', households: 1200, hasFacility: true };
 * ```
 */
export interface UnitStatistics extends StatisticsRowShape {}

/**
 * The fields of a statistics row with their Chinese headers, in sheet order (the labels of
 * {@link STATISTICS_FIELDS}). The readers match headers by key or by these names.
 *
 * @example
 * ```ts
 * import { UNIT_STATISTICS_FIELDS } from 'shequ';
 * UNIT_STATISTICS_FIELDS.households.zh;
 * //=> '户数'
 * ```
 */
export const UNIT_STATISTICS_FIELDS: Readonly<Record<keyof UnitStatistics, LocalizedText>> =
  Object.fromEntries(STATISTICS_FIELD_KEYS.map((key) => [key, STATISTICS_FIELDS[key].label])) as Record<
    keyof UnitStatistics,
    LocalizedText
  >;

/** The "part ≤ whole" pairs of the catalogue. */
export const NOT_ABOVE = STATISTICS_FIELD_KEYS.flatMap((key) => {
  const rule = statisticsField(key).notAbove;
  return rule === undefined ? [] : [{ part: key, whole: rule.field, message: rule.message }];
});

const URBAN_RURAL = new Set(Object.keys(URBAN_RURAL_CODES));

/**
 * The check of each field kind, written out for speed: exactly what the kind's zod schema accepts (internal: the
 * compiled readers of `io` check converted cells with it).
 */
export const VALID_OF_KIND: Readonly<Record<StatisticsFieldKind, (value: unknown) => boolean>> = {
  code: (value) => divisionLevelIndex(value) >= 0,
  text: (value) => typeof value === 'string',
  unitKind: (value) => typeof value === 'string' && Object.hasOwn(CODE_LEVELS_OF_KIND, value),
  urbanRural: (value) => typeof value === 'string' && URBAN_RURAL.has(value),
  year: (value) =>
    Number.isInteger(value) &&
    (value as number) >= STATISTICS_YEAR_RANGE.min &&
    (value as number) <= STATISTICS_YEAR_RANGE.max,
  count: (value) => Number.isSafeInteger(value) && (value as number) >= 0,
  area: (value) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 && hasAtMostTwoDecimals(value),
  flag: (value) => typeof value === 'boolean',
};

const FIELD_CHECKS = STATISTICS_FIELD_KEYS.map((key) => ({
  key,
  required: statisticsField(key).required === true,
  valid: VALID_OF_KIND[statisticsField(key).kind],
}));

/**
 * The row as `unitStatisticsSchema` would output it when the row is valid, or `undefined` (then zod says why).
 * Exactly the schema's rules, written out for speed; a property test holds the two together.
 */
export function validUnitStatistics(row: unknown): UnitStatistics | undefined {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return undefined;
  const input = row as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const { key, required, valid } of FIELD_CHECKS) {
    if (!Object.hasOwn(input, key)) {
      if (required) return undefined;
      continue;
    }
    const value = input[key];
    if (!valid(value)) return undefined;
    out[key] = value;
  }
  for (const { part, whole } of NOT_ABOVE) {
    const partValue = out[part];
    const wholeValue = out[whole];
    if (typeof partValue === 'number' && typeof wholeValue === 'number' && partValue > wholeValue)
      return undefined;
  }
  if (!rowFitsKind(out)) return undefined;
  return out as unknown as UnitStatistics;
}
