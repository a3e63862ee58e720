/**
 * 衡水市 (Hengshui, 河北省) division list: its own row, 13 county-level units, 129 townships and 5 118
 * village-level units, that is every code under 1311, from the statistics bureau's 2023 list (reference date
 * 2023-06-30, the last published at village level). For an app of this prefecture alone: its text is 197 kB,
 * the whole `shequ/divisions/hebei` list's 2 089 kB.
 *
 * @example
 * ```ts
 * import { hengshuiDivisions } from 'shequ/divisions/hebei/1311';
 * hengshuiDivisions.divisions.get('131102000000')?.name;
 * //=> '桃城区'
 * ```
 *
 * @module shequ/divisions/hebei/1311
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/hebei/1311.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 衡水市 division list (统计用区划代码 2023): the records `hebeiDivisions` holds under 1311, and no others (not the
 * province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no 城乡分类代码
 * (the source lacks them).
 *
 * @example
 * ```ts
 * import { hengshuiDivisions } from 'shequ/divisions/hebei/1311';
 * hengshuiDivisions.divisions.size;
 * //=> 5261
 * hengshuiDivisions.divisions.has('130000000000');
 * //=> false
 * hengshuiDivisions.id;
 * //=> 'stats-2023-hebei-1311'
 * ```
 */
export const hengshuiDivisions: DivisionDataset = statistics2023Dataset(
  'hebei-1311',
  { zh: '河北省衡水市', en: 'Hengshui, Hebei' },
  text,
);
