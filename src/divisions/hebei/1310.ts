/**
 * 廊坊市 (Langfang, 河北省) division list: its own row, 11 county-level units, 123 townships and 3 619
 * village-level units, that is every code under 1310, from the statistics bureau's 2023 list (reference date
 * 2023-06-30, the last published at village level). For an app of this prefecture alone: its text is 141 kB,
 * the whole `shequ/divisions/hebei` list's 2 089 kB.
 *
 * @example
 * ```ts
 * import { langfangDivisions } from 'shequ/divisions/hebei/1310';
 * langfangDivisions.divisions.get('131002000000')?.name;
 * //=> '安次区'
 * ```
 *
 * @module shequ/divisions/hebei/1310
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/hebei/1310.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 廊坊市 division list (统计用区划代码 2023): the records `hebeiDivisions` holds under 1310, and no others (not the
 * province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no 城乡分类代码
 * (the source lacks them).
 *
 * @example
 * ```ts
 * import { langfangDivisions } from 'shequ/divisions/hebei/1310';
 * langfangDivisions.divisions.size;
 * //=> 3754
 * langfangDivisions.divisions.has('130000000000');
 * //=> false
 * langfangDivisions.id;
 * //=> 'stats-2023-hebei-1310'
 * ```
 */
export const langfangDivisions: DivisionDataset = statistics2023Dataset(
  'hebei-1310',
  { zh: '河北省廊坊市', en: 'Langfang, Hebei' },
  text,
);
