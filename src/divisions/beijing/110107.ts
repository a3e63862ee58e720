/**
 * 石景山区 (Shijingshan, 北京市) division list: its own row, 9 townships and 153 village-level units, that is every
 * code under 110107, from the statistics bureau's 2023 list (reference date 2023-06-30, the last published at
 * village level). For an app of this district alone: its text is 5 kB, the whole `shequ/divisions/beijing`
 * list's 276 kB.
 *
 * @example
 * ```ts
 * import { shijingshanDivisions } from 'shequ/divisions/beijing/110107';
 * shijingshanDivisions.divisions.get('110107001000')?.name;
 * //=> '八宝山街道'
 * ```
 *
 * @module shequ/divisions/beijing/110107
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/beijing/110107.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 石景山区 division list (统计用区划代码 2023): the records `beijingDivisions` holds under 110107, and no others
 * (not the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries
 * no 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { shijingshanDivisions } from 'shequ/divisions/beijing/110107';
 * shijingshanDivisions.divisions.size;
 * //=> 163
 * shijingshanDivisions.divisions.has('110000000000');
 * //=> false
 * shijingshanDivisions.id;
 * //=> 'stats-2023-beijing-110107'
 * ```
 */
export const shijingshanDivisions: DivisionDataset = statistics2023Dataset(
  'beijing-110107',
  { zh: '北京市石景山区', en: 'Shijingshan, Beijing' },
  text,
);
