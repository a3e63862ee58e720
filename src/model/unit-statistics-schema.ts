import * as z from 'zod';
import { parseDivisionCode } from '../codes/division-code.js';
import { URBAN_RURAL_CODES, type UrbanRuralCodeValue } from '../codes/urban-rural-code.js';
import { guarded } from '../core/guard.js';
import { createIssue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { treeShakable } from '../core/tree-shakable.js';
import { issuesFromZod } from '../core/zod-issues.js';
import {
  STATISTICS_FIELD_KEYS,
  type StatisticsFieldKey,
  type StatisticsFieldsCatalogue,
  statisticsField,
} from './fields.js';
import { areaSchema, countSchema, notAbove, yearSchema } from './primitives.js';
import { kindIssues } from './row-checks.js';
import { rowKindSchema } from './row-kind.js';
import { NOT_ABOVE, type UnitStatistics, validUnitStatistics } from './unit-statistics.js';

// The zod schema of a statistics row: the specification, and the error reporter of the readers (a row the fast
// checks refuse is validated here to say why). Apart from unit-statistics.ts so that reading valid rows loads no zod.

/** A 12-digit division code of any level; whether its level fits the row's kind is a rule across fields. */
const divisionCode = /* @__PURE__ */ treeShakable(() =>
  z
    .string()
    .regex(/^\d{12}$/, { message: 'A unit code has 12 digits', abort: true })
    .superRefine((value, ctx) => {
      const parsed = parseDivisionCode(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          ctx.addIssue({
            code: 'custom',
            message: issue.message.en,
            params: { shequCode: issue.code, zh: issue.message.zh },
          });
        }
      }
    }),
);

const urbanRuralCode = /* @__PURE__ */ treeShakable(() =>
  z.enum(Object.keys(URBAN_RURAL_CODES) as [UrbanRuralCodeValue]),
);

/** The zod schema of each field kind (required fields are `code` and `kind`, whose kinds are theirs alone). */
const SCHEMA_OF_KIND = /* @__PURE__ */ treeShakable(
  () =>
    ({
      code: divisionCode,
      text: z.string(),
      unitKind: rowKindSchema,
      urbanRural: urbanRuralCode,
      year: yearSchema,
      count: countSchema,
      area: areaSchema,
      flag: z.boolean(),
    }) as const,
);

type Fields = StatisticsFieldsCatalogue;
type FieldSchema<Key extends StatisticsFieldKey> = Fields[Key] extends { required: true }
  ? (typeof SCHEMA_OF_KIND)[Fields[Key]['kind']]
  : z.ZodExactOptional<(typeof SCHEMA_OF_KIND)[Fields[Key]['kind']]>;

/** The zod shape of the row, one schema per catalogue field (internal: rich records pick the fields they hold). */
export const unitStatisticsShape = /* @__PURE__ */ treeShakable(
  () =>
    Object.fromEntries(
      STATISTICS_FIELD_KEYS.map((key) => {
        const field = statisticsField(key);
        const schema = SCHEMA_OF_KIND[field.kind];
        return [key, (field.required === true ? schema : schema.exactOptional()).describe(field.label.zh)];
      }),
    ) as { readonly [Key in StatisticsFieldKey]: FieldSchema<Key> },
);

/**
 * The zod schemas of the fields of a statistics row, as `unitStatisticsSchema.shape` holds them: one per key of
 * {@link UnitStatistics}, so that you can pick, extend or reuse them.
 *
 * @example
 * ```ts
 * import { unitStatisticsSchema, type UnitStatisticsShape } from 'shequ';
 * const households: UnitStatisticsShape['households'] = unitStatisticsSchema.shape.households;
 * ```
 */
export type UnitStatisticsShape = {
  readonly [Key in keyof UnitStatistics]-?: (typeof unitStatisticsShape)[Key];
};

/**
 * The zod schema of a statistics row ({@link UnitStatistics}): `code` (the 12-digit village-level code) and `kind`
 * are required, every other field optional. Areas are m² with at most two decimals, counts non-negative integers,
 * flags booleans. Canonical values only: spreadsheet spellings (是/否, 居委会) are mapped by the readers in
 * `shequ/io`. An activity area larger than the facility's floor area, or a commercial area larger than the total
 * floor area, is an issue on that field's path, reported beside any other field's issues.
 *
 * @example
 * ```ts
 * import { unitStatisticsSchema } from 'shequ';
 * unitStatisticsSchema.safeParse({ code: '130102001001', kind: 'community', households: 1200 }).success;
 * //=> true
 * ```
 */
export const unitStatisticsSchema: z.ZodObject<UnitStatisticsShape> = /* @__PURE__ */ treeShakable(() =>
  z
    .object(unitStatisticsShape)
    .superRefine(...notAbove(NOT_ABOVE))
    // Reported even when other fields failed (like the "part ≤ whole" checks), so a reader lists every problem.
    .superRefine(
      (row, ctx) => {
        for (const issue of kindIssues(row as Record<string, unknown>)) ctx.addIssue(issue);
      },
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
);

/**
 * Validates one statistics row. Every problem is reported with its path (like zod's), none stops the others;
 * nothing throws, whatever `row` is.
 *
 * @param row - a plain object with canonical values
 * @returns the typed row, or every issue
 *
 * @example
 * ```ts
 * import { parseUnitStatistics } from 'shequ';
 * parseUnitStatistics({ code: '130102001001', kind: 'community', households: -5 });
 * //=> { success: false, error: { issues: [{ code: 'invalid_value', path: ['households'], severity: 'error',
 * //     message: { zh: '值应不小于 0', en: 'The value must be at least 0' } }] } }
 * ```
 */
export function parseUnitStatistics(row: unknown): Result<UnitStatistics> {
  return guarded(() => parseRow(row));
}

function parseRow(row: unknown): Result<UnitStatistics> {
  // Fast path for valid rows (the common case at national scale); zod runs when something is wrong, for the issues.
  const fast = validUnitStatistics(row);
  if (fast !== undefined) return success(fast);
  const parsed = unitStatisticsSchema.safeParse(row);
  if (parsed.success) return success(parsed.data);
  // The code's issues first, as when the code checked its own level: the level now depends on the kind, so its issue
  // comes from a rule across fields, which zod reports after the fields.
  const issues = issuesFromZod(parsed.error, { input: row });
  // zod skips the rules across fields once a field failed its type; the kind's rules are reported all the same.
  const object = row !== null && typeof row === 'object' ? (row as Record<string, unknown>) : {};
  for (const missed of kindIssues(object)) {
    const [key] = missed.path;
    if (issues.some((issue) => issue.path[0] === key && issue.code === missed.params.shequCode)) continue;
    issues.push(
      createIssue(
        missed.params.shequCode,
        { zh: missed.params.zh, en: missed.message },
        { path: missed.path },
      ),
    );
  }
  const onCode = issues.filter((issue) => issue.path[0] === 'code');
  return failure([...onCode, ...issues.filter((issue) => issue.path[0] !== 'code')]);
}
