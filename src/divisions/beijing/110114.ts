/**
 * 昌平区 (Changping, 北京市) division list: its own row, 22 townships and 572 village-level units, that is every
 * code under 110114, from the statistics bureau's 2023 list (reference date 2023-06-30, the last published at
 * village level). For an app of this district alone: its text is 21 kB, the whole `shequ/divisions/beijing`
 * list's 276 kB.
 *
 * @example
 * ```ts
 * import { changpingDivisions } from 'shequ/divisions/beijing/110114';
 * changpingDivisions.divisions.get('110114001000')?.name;
 * //=> '城北街道'
 * ```
 *
 * @module shequ/divisions/beijing/110114
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/beijing/110114.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 昌平区 division list (统计用区划代码 2023): the records `beijingDivisions` holds under 110114, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { changpingDivisions } from 'shequ/divisions/beijing/110114';
 * changpingDivisions.divisions.size;
 * //=> 595
 * changpingDivisions.divisions.has('110000000000');
 * //=> false
 * changpingDivisions.id;
 * //=> 'stats-2023-beijing-110114'
 * ```
 */
export const changpingDivisions: DivisionDataset = statistics2023Dataset(
  'beijing-110114',
  { zh: '北京市昌平区', en: 'Changping, Beijing' },
  text,
);
