/**
 * 东城区 (Dongcheng, 北京市) division list: its own row, 17 townships and 169 village-level units, that is every
 * code under 110101, from the statistics bureau's 2023 list (reference date 2023-06-30, the last published at
 * village level). For an app of this district alone: its text is 7 kB, the whole `shequ/divisions/beijing`
 * list's 276 kB.
 *
 * @example
 * ```ts
 * import { dongchengDivisions } from 'shequ/divisions/beijing/110101';
 * dongchengDivisions.divisions.get('110101001000')?.name;
 * //=> '东华门街道'
 * ```
 *
 * @module shequ/divisions/beijing/110101
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/beijing/110101.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 东城区 division list (统计用区划代码 2023): the records `beijingDivisions` holds under 110101, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { dongchengDivisions } from 'shequ/divisions/beijing/110101';
 * dongchengDivisions.divisions.size;
 * //=> 187
 * dongchengDivisions.divisions.has('110000000000');
 * //=> false
 * dongchengDivisions.id;
 * //=> 'stats-2023-beijing-110101'
 * ```
 */
export const dongchengDivisions: DivisionDataset = statistics2023Dataset(
  'beijing-110101',
  { zh: '北京市东城区', en: 'Dongcheng, Beijing' },
  text,
);
