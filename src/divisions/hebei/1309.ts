/**
 * 沧州市 (Cangzhou, 河北省) division list: its own row, 19 county-level units, 209 townships and 6 094
 * village-level units, that is every code under 1309, from the statistics bureau's 2023 list (reference date
 * 2023-06-30, the last published at village level). For an app of this prefecture alone: its text is 235 kB,
 * the whole `shequ/divisions/hebei` list's 2 089 kB.
 *
 * @example
 * ```ts
 * import { cangzhouDivisions } from 'shequ/divisions/hebei/1309';
 * cangzhouDivisions.divisions.get('130902000000')?.name;
 * //=> '新华区'
 * ```
 *
 * @module shequ/divisions/hebei/1309
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/hebei/1309.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 沧州市 division list (统计用区划代码 2023): the records `hebeiDivisions` holds under 1309, and no others (not the
 * province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no 城乡分类代码
 * (the source lacks them).
 *
 * @example
 * ```ts
 * import { cangzhouDivisions } from 'shequ/divisions/hebei/1309';
 * cangzhouDivisions.divisions.size;
 * //=> 6323
 * cangzhouDivisions.divisions.has('130000000000');
 * //=> false
 * cangzhouDivisions.id;
 * //=> 'stats-2023-hebei-1309'
 * ```
 */
export const cangzhouDivisions: DivisionDataset = statistics2023Dataset(
  'hebei-1309',
  { zh: '河北省沧州市', en: 'Cangzhou, Hebei' },
  text,
);
