/**
 * 承德市 (Chengde, 河北省) division list: its own row, 12 county-level units, 219 townships and 2 646 village-level
 * units, that is every code under 1308, from the statistics bureau's 2023 list (reference date 2023-06-30,
 * the last published at village level). For an app of this prefecture alone: its text is 106 kB, the whole
 * `shequ/divisions/hebei` list's 2 089 kB.
 *
 * @example
 * ```ts
 * import { chengdeDivisions } from 'shequ/divisions/hebei/1308';
 * chengdeDivisions.divisions.get('130802000000')?.name;
 * //=> '双桥区'
 * ```
 *
 * @module shequ/divisions/hebei/1308
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/hebei/1308.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 承德市 division list (统计用区划代码 2023): the records `hebeiDivisions` holds under 1308, and no others (not the
 * province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no 城乡分类代码
 * (the source lacks them).
 *
 * @example
 * ```ts
 * import { chengdeDivisions } from 'shequ/divisions/hebei/1308';
 * chengdeDivisions.divisions.size;
 * //=> 2878
 * chengdeDivisions.divisions.has('130000000000');
 * //=> false
 * chengdeDivisions.id;
 * //=> 'stats-2023-hebei-1308'
 * ```
 */
export const chengdeDivisions: DivisionDataset = statistics2023Dataset(
  'hebei-1308',
  { zh: '河北省承德市', en: 'Chengde, Hebei' },
  text,
);
