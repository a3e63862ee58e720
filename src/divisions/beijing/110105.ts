/**
 * 朝阳区 (Chaoyang, 北京市) division list: its own row, 43 townships and 768 village-level units, that is every
 * code under 110105, from the statistics bureau's 2023 list (reference date 2023-06-30, the last published at
 * village level). For an app of this district alone: its text is 32 kB, the whole `shequ/divisions/beijing`
 * list's 276 kB.
 *
 * @example
 * ```ts
 * import { chaoyangDivisions } from 'shequ/divisions/beijing/110105';
 * chaoyangDivisions.divisions.get('110105001000')?.name;
 * //=> '建外街道'
 * ```
 *
 * @module shequ/divisions/beijing/110105
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/beijing/110105.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 朝阳区 division list (统计用区划代码 2023): the records `beijingDivisions` holds under 110105, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { chaoyangDivisions } from 'shequ/divisions/beijing/110105';
 * chaoyangDivisions.divisions.size;
 * //=> 812
 * chaoyangDivisions.divisions.has('110000000000');
 * //=> false
 * chaoyangDivisions.id;
 * //=> 'stats-2023-beijing-110105'
 * ```
 */
export const chaoyangDivisions: DivisionDataset = statistics2023Dataset(
  'beijing-110105',
  { zh: '北京市朝阳区', en: 'Chaoyang, Beijing' },
  text,
);
