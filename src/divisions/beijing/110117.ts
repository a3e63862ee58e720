/**
 * 平谷区 (Pinggu, 北京市) division list: its own row, 18 townships and 323 village-level units, that is every code
 * under 110117, from the statistics bureau's 2023 list (reference date 2023-06-30, the last published at
 * village level). For an app of this district alone: its text is 11 kB, the whole `shequ/divisions/beijing`
 * list's 276 kB.
 *
 * @example
 * ```ts
 * import { pingguDivisions } from 'shequ/divisions/beijing/110117';
 * pingguDivisions.divisions.get('110117001000')?.name;
 * //=> '滨河街道'
 * ```
 *
 * @module shequ/divisions/beijing/110117
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/beijing/110117.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 平谷区 division list (统计用区划代码 2023): the records `beijingDivisions` holds under 110117, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { pingguDivisions } from 'shequ/divisions/beijing/110117';
 * pingguDivisions.divisions.size;
 * //=> 342
 * pingguDivisions.divisions.has('110000000000');
 * //=> false
 * pingguDivisions.id;
 * //=> 'stats-2023-beijing-110117'
 * ```
 */
export const pingguDivisions: DivisionDataset = statistics2023Dataset(
  'beijing-110117',
  { zh: '北京市平谷区', en: 'Pinggu, Beijing' },
  text,
);
