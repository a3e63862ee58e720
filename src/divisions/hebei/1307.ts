/**
 * 张家口市 (Zhangjiakou, 河北省) division list: its own row, 19 county-level units, 246 townships and 4 582
 * village-level units, that is every code under 1307, from the statistics bureau's 2023 list (reference date
 * 2023-06-30, the last published at village level). For an app of this prefecture alone: its text is 184 kB,
 * the whole `shequ/divisions/hebei` list's 2 089 kB.
 *
 * @example
 * ```ts
 * import { zhangjiakouDivisions } from 'shequ/divisions/hebei/1307';
 * zhangjiakouDivisions.divisions.get('130702000000')?.name;
 * //=> '桥东区'
 * ```
 *
 * @module shequ/divisions/hebei/1307
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/hebei/1307.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 张家口市 division list (统计用区划代码 2023): the records `hebeiDivisions` holds under 1307, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { zhangjiakouDivisions } from 'shequ/divisions/hebei/1307';
 * zhangjiakouDivisions.divisions.size;
 * //=> 4848
 * zhangjiakouDivisions.divisions.has('130000000000');
 * //=> false
 * zhangjiakouDivisions.id;
 * //=> 'stats-2023-hebei-1307'
 * ```
 */
export const zhangjiakouDivisions: DivisionDataset = statistics2023Dataset(
  'hebei-1307',
  { zh: '河北省张家口市', en: 'Zhangjiakou, Hebei' },
  text,
);
