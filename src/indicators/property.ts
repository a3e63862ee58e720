import type { LocalizedText } from '../core/issue.js';

/**
 * The 属性 a plan's indicator table gives an indicator: `expected` (预期性, a direction the government steers towards)
 * or `binding` (约束性, an obligation it must meet). Canonical values are English, like the unit kinds; the Chinese
 * words are their labels ({@link INDICATOR_PROPERTY_LABELS}).
 *
 * @example
 * ```ts
 * import type { IndicatorProperty } from 'shequ';
 * const property: IndicatorProperty = 'expected';
 * ```
 */
export type IndicatorProperty = 'expected' | 'binding';

/**
 * Labels of each {@link IndicatorProperty}: the words the plans' tables use.
 *
 * @example
 * ```ts
 * import { INDICATOR_PROPERTY_LABELS } from 'shequ';
 * INDICATOR_PROPERTY_LABELS.binding.zh;
 * //=> '约束性'
 * ```
 */
export const INDICATOR_PROPERTY_LABELS: Readonly<Record<IndicatorProperty, LocalizedText>> = {
  expected: { zh: '预期性', en: 'expected' },
  binding: { zh: '约束性', en: 'binding' },
};
