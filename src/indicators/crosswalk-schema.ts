import * as z from 'zod';
import { treeShakable } from '../core/tree-shakable.js';
import { STATISTICS_YEAR_RANGE } from '../model/fields.js';
import type { CrosswalkEntry, parseCrosswalk } from './crosswalk.js';

/**
 * The zod schema of a crosswalk's shape: an array of entries with 12-digit codes and a year. Shape only:
 * {@link parseCrosswalk} also checks the codes, the levels, clashes and cycles.
 *
 * @example
 * ```ts
 * import { crosswalkSchema } from 'shequ';
 * crosswalkSchema.safeParse([{ oldCode: '130123100201', newCode: '130123105201', fromYear: 2023 }]).success;
 * //=> true
 * ```
 */
export const crosswalkSchema: z.ZodType<readonly CrosswalkEntry[]> = /* @__PURE__ */ treeShakable(() =>
  z.array(
    z.object({
      oldCode: z.string().regex(/^\d{12}$/),
      newCode: z.string().regex(/^\d{12}$/),
      fromYear: z.int().min(STATISTICS_YEAR_RANGE.min).max(STATISTICS_YEAR_RANGE.max),
    }),
  ),
);
