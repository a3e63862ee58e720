import * as z from 'zod';
import type { Issue } from '../core/issue.js';
import type { Result } from '../core/result.js';
import { treeShakable } from '../core/tree-shakable.js';
import { validateCreditCode } from './credit-code.js';
import { parseDivisionCode } from './division-code.js';
import { validateIdNumber } from './id-number.js';

/**
 * Adds a validator's error issues to a zod refinement context. The zod message is the English text; `params`
 * carry the library's issue code, the Chinese message and the position, so no information is lost.
 */
function refineWith(validate: (value: string) => Result<unknown>) {
  return (value: string, ctx: z.RefinementCtx) => {
    const result = validate(value);
    if (result.success) return;
    for (const issue of result.error.issues as readonly Issue[]) {
      ctx.addIssue({
        code: 'custom',
        message: issue.message.en,
        params: { shequCode: issue.code, zh: issue.message.zh, position: issue.position },
      });
    }
  };
}

/**
 * A zod schema for a 统计用区划代码 in any accepted form (2, 4, 6, 9 or 12 digits), checked like
 * {@link parseDivisionCode}. The value is kept as given; compose it into your own schemas.
 *
 * @example
 * ```ts
 * import * as z from 'zod';
 * import { divisionCodeSchema } from 'shequ';
 * const schema = z.object({ code: divisionCodeSchema });
 * schema.safeParse({ code: '110105001001' }).success;
 * //=> true
 * ```
 */
export const divisionCodeSchema = /* @__PURE__ */ treeShakable(() =>
  z
    .string()
    .regex(/^(?:\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, {
      message: 'A division code has 2, 4, 6, 9 or 12 digits',
      abort: true,
    })
    .superRefine(refineWith(parseDivisionCode))
    .describe('统计用区划代码 (statistical division code): 2, 4, 6, 9 or 12 digits'),
);

/**
 * A zod schema for a 公民身份号码 (18 characters, or 15 for a first-generation number), checked like
 * {@link validateIdNumber} as of today. No zod message contains the number.
 *
 * @example
 * ```ts
 * import { idNumberSchema } from 'shequ';
 * idNumberSchema.safeParse('11010519491231002X').success;
 * //=> true
 * ```
 */
export const idNumberSchema = /* @__PURE__ */ treeShakable(() =>
  z
    .string()
    .superRefine(refineWith((value) => validateIdNumber(value)))
    .describe('公民身份号码 (GB 11643-1999 resident identity number)'),
);

/**
 * A zod schema for a 统一社会信用代码, checked like {@link validateCreditCode}.
 *
 * @example
 * ```ts
 * import { creditCodeSchema } from 'shequ';
 * creditCodeSchema.safeParse('914403001922038216').success;
 * //=> true
 * ```
 */
export const creditCodeSchema = /* @__PURE__ */ treeShakable(() =>
  z
    .string()
    .superRefine(refineWith((value) => validateCreditCode(value)))
    .describe('统一社会信用代码 (GB 32100-2015 unified social credit code)'),
);
