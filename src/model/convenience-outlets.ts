import type { LocalizedText } from '../core/issue.js';

/**
 * Convenience outlets that must reach every urban community (Beijing, seed 000 三(九)): 蔬菜零售, 便利店（社区超市）,
 * 早餐, 美容美发, 便民维修, 家政.
 *
 * @example
 * ```ts
 * import type { ConvenienceOutlet } from 'shequ';
 * const outlet: ConvenienceOutlet = 'breakfast';
 * ```
 */
export type ConvenienceOutlet =
  | 'vegetables'
  | 'convenienceStore'
  | 'breakfast'
  | 'hairdressing'
  | 'repairs'
  | 'housekeeping';

/**
 * Labels of each {@link ConvenienceOutlet}.
 *
 * @example
 * ```ts
 * import { CONVENIENCE_OUTLET_LABELS } from 'shequ';
 * CONVENIENCE_OUTLET_LABELS.vegetables.zh;
 * //=> '蔬菜零售'
 * ```
 */
export const CONVENIENCE_OUTLET_LABELS: Readonly<Record<ConvenienceOutlet, LocalizedText>> = {
  vegetables: { zh: '蔬菜零售', en: 'vegetable retail' },
  convenienceStore: { zh: '便利店（社区超市）', en: 'convenience store' },
  breakfast: { zh: '早餐', en: 'breakfast' },
  hairdressing: { zh: '美容美发', en: 'hairdressing' },
  repairs: { zh: '便民维修', en: 'repairs' },
  housekeeping: { zh: '家政', en: 'housekeeping' },
};

/**
 * The six outlets in the plan's order: the list the Beijing rule requires and `basicCommerce` checks (derived from the
 * labels, so one place names them).
 */
export const CONVENIENCE_OUTLETS = Object.keys(CONVENIENCE_OUTLET_LABELS) as readonly ConvenienceOutlet[];
