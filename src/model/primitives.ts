import * as z from 'zod';
import { isIsoCalendarDate } from '../core/as-of.js';
import type { LocalizedText } from '../core/issue.js';
import { treeShakable } from '../core/tree-shakable.js';
import { hasAtMostTwoDecimals } from './decimals.js';
import { STATISTICS_YEAR_RANGE } from './fields.js';

/**
 * A calendar date `'YYYY-MM-DD'` that exists (no 2025-02-30).
 *
 * @example
 * ```ts
 * import { isoDateSchema } from 'shequ';
 * isoDateSchema.safeParse('2024-02-29').success;
 * //=> true
 * isoDateSchema.safeParse('2025-02-29').success;
 * //=> false
 * ```
 */
export const isoDateSchema: z.ZodType<string> = /* @__PURE__ */ treeShakable(() =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'A date is written YYYY-MM-DD', abort: true })
    .refine(isIsoCalendarDate, {
      message: 'Not a calendar date',
      params: { shequCode: 'invalid_date', zh: '不是有效的日期' },
    }),
);

export { hasAtMostTwoDecimals };

/**
 * An area in m²: a finite non-negative number with at most two decimals.
 *
 * @example
 * ```ts
 * import { areaSchema } from 'shequ';
 * areaSchema.safeParse(120.25).success;
 * //=> true
 * areaSchema.safeParse(120.255).success;
 * //=> false
 * ```
 */
export const areaSchema: z.ZodType<number> = /* @__PURE__ */ treeShakable(() =>
  z
    .number()
    .nonnegative()
    .refine(hasAtMostTwoDecimals, {
      message: 'An area has at most two decimals',
      params: { shequCode: 'invalid_value', zh: '面积最多保留两位小数' },
    }),
);

/**
 * A count: a non-negative integer.
 *
 * @example
 * ```ts
 * import { countSchema } from 'shequ';
 * countSchema.safeParse(3).success;
 * //=> true
 * countSchema.safeParse(-1).success;
 * //=> false
 * ```
 */
export const countSchema: z.ZodType<number> = /* @__PURE__ */ treeShakable(() => z.int().nonnegative());

/**
 * A 统计年度: an integer year within {@link STATISTICS_YEAR_RANGE}.
 *
 * @example
 * ```ts
 * import { yearSchema } from 'shequ';
 * yearSchema.safeParse(2025).success;
 * //=> true
 * yearSchema.safeParse(25).success;
 * //=> false
 * ```
 */
const YEAR_MESSAGE = `A year from ${STATISTICS_YEAR_RANGE.min} to ${STATISTICS_YEAR_RANGE.max}`;
export const yearSchema: z.ZodType<number> = /* @__PURE__ */ treeShakable(() =>
  z
    .int()
    .min(STATISTICS_YEAR_RANGE.min, { message: YEAR_MESSAGE })
    .max(STATISTICS_YEAR_RANGE.max, { message: YEAR_MESSAGE }),
);

/** A pair of numeric fields where the part may not exceed the whole (activity area ≤ floor area …). */
interface PartOfWhole {
  readonly part: string;
  readonly whole: string;
  readonly message: LocalizedText;
}

/**
 * The arguments of `.superRefine` for "part ≤ whole" checks on an object: an issue on the part's path, reported
 * even when other fields failed (zod's `when`), but only when both values are numbers.
 */
export function notAbove(pairs: readonly PartOfWhole[]) {
  return [
    (value: object, ctx: z.RefinementCtx) => {
      const row = value as Record<string, unknown>;
      for (const { part, whole, message } of pairs) {
        const partValue = row[part];
        const wholeValue = row[whole];
        if (typeof partValue === 'number' && typeof wholeValue === 'number' && partValue > wholeValue) {
          ctx.addIssue({
            code: 'custom',
            path: [part],
            message: message.en,
            params: { shequCode: 'invalid_value', zh: message.zh },
          });
        }
      }
    },
    { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null },
  ] as const;
}
