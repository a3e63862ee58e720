/**
 * 怀柔区 (Huairou, 北京市) division list: its own row, 17 townships and 321 village-level units, that is every code
 * under 110116, from the statistics bureau's 2023 list (reference date 2023-06-30, the last published at
 * village level). For an app of this district alone: its text is 11 kB, the whole `shequ/divisions/beijing`
 * list's 276 kB.
 *
 * @example
 * ```ts
 * import { huairouDivisions } from 'shequ/divisions/beijing/110116';
 * huairouDivisions.divisions.get('110116001000')?.name;
 * //=> '泉河街道'
 * ```
 *
 * @module shequ/divisions/beijing/110116
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/beijing/110116.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 怀柔区 division list (统计用区划代码 2023): the records `beijingDivisions` holds under 110116, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { huairouDivisions } from 'shequ/divisions/beijing/110116';
 * huairouDivisions.divisions.size;
 * //=> 339
 * huairouDivisions.divisions.has('110000000000');
 * //=> false
 * huairouDivisions.id;
 * //=> 'stats-2023-beijing-110116'
 * ```
 */
export const huairouDivisions: DivisionDataset = statistics2023Dataset(
  'beijing-110116',
  { zh: '北京市怀柔区', en: 'Huairou, Beijing' },
  text,
);
