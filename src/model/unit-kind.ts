import * as z from 'zod';
import type { LocalizedText } from '../core/issue.js';
import { treeShakable } from '../core/tree-shakable.js';

/**
 * The kind of a village-level unit: `community` = 社区 (居民委员会), `village` = 村 (村民委员会).
 *
 * @example
 * ```ts
 * import { unitKindSchema } from 'shequ';
 * unitKindSchema.parse('community');
 * //=> 'community'
 * ```
 */
export const unitKindSchema: z.ZodEnum<{
  /** 社区 (居民委员会). */
  community: 'community';
  /** 村 (村民委员会). */
  village: 'village';
}> = /* @__PURE__ */ treeShakable(() =>
  z.enum(['community', 'village']).describe('community = 居民委员会, village = 村民委员会'),
);

/**
 * `'community'` (社区, 居民委员会) or `'village'` (村, 村民委员会).
 *
 * @example
 * ```ts
 * import type { UnitKind } from 'shequ';
 * const kind: UnitKind = 'village';
 * ```
 */
export type UnitKind = z.infer<typeof unitKindSchema>;

/**
 * Chinese and English labels of each {@link UnitKind}, for UIs.
 *
 * @example
 * ```ts
 * import { UNIT_KIND_LABELS } from 'shequ';
 * UNIT_KIND_LABELS.village.zh;
 * //=> '村民委员会'
 * ```
 */
export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, LocalizedText>> = {
  community: { zh: '居民委员会', en: "residents' committee (community)" },
  village: { zh: '村民委员会', en: "villagers' committee (village)" },
};
