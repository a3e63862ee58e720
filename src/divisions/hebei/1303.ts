/**
 * 秦皇岛市 (Qinhuangdao, 河北省) division list: its own row, 9 county-level units, 102 townships and 2 500
 * village-level units, that is every code under 1303, from the statistics bureau's 2023 list (reference date
 * 2023-06-30, the last published at village level). For an app of this prefecture alone: its text is 86 kB,
 * the whole `shequ/divisions/hebei` list's 2 089 kB.
 *
 * @example
 * ```ts
 * import { qinhuangdaoDivisions } from 'shequ/divisions/hebei/1303';
 * qinhuangdaoDivisions.divisions.get('130302000000')?.name;
 * //=> '海港区'
 * ```
 *
 * @module shequ/divisions/hebei/1303
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/hebei/1303.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 秦皇岛市 division list (统计用区划代码 2023): the records `hebeiDivisions` holds under 1303, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { qinhuangdaoDivisions } from 'shequ/divisions/hebei/1303';
 * qinhuangdaoDivisions.divisions.size;
 * //=> 2612
 * qinhuangdaoDivisions.divisions.has('130000000000');
 * //=> false
 * qinhuangdaoDivisions.id;
 * //=> 'stats-2023-hebei-1303'
 * ```
 */
export const qinhuangdaoDivisions: DivisionDataset = statistics2023Dataset(
  'hebei-1303',
  { zh: '河北省秦皇岛市', en: 'Qinhuangdao, Hebei' },
  text,
);
