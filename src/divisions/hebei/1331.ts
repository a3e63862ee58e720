/**
 * 雄安新区 (Xiong'an, 河北省) division list: its own row only (the list files none of its areas under its code),
 * that is every code under 1331, from the statistics bureau's 2023 list (reference date 2023-06-30, the last
 * published at village level). For an app of this prefecture alone: its text is 25 bytes, the whole
 * `shequ/divisions/hebei` list's 2 089 kB.
 *
 * @example
 * ```ts
 * import { xionganDivisions } from 'shequ/divisions/hebei/1331';
 * xionganDivisions.divisions.get('133100000000')?.name;
 * //=> '雄安新区'
 * ```
 *
 * @module shequ/divisions/hebei/1331
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/hebei/1331.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 雄安新区 division list (统计用区划代码 2023): the records `hebeiDivisions` holds under 1331, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { xionganDivisions } from 'shequ/divisions/hebei/1331';
 * xionganDivisions.divisions.size;
 * //=> 1
 * xionganDivisions.divisions.has('130000000000');
 * //=> false
 * xionganDivisions.id;
 * //=> 'stats-2023-hebei-1331'
 * ```
 */
export const xionganDivisions: DivisionDataset = statistics2023Dataset(
  'hebei-1331',
  { zh: '河北省雄安新区', en: "Xiong'an, Hebei" },
  text,
);
