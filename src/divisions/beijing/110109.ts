/**
 * 门头沟区 (Mentougou, 北京市) division list: its own row, 13 townships and 304 village-level units, that is every
 * code under 110109, from the statistics bureau's 2023 list (reference date 2023-06-30, the last published at
 * village level). For an app of this district alone: its text is 11 kB, the whole `shequ/divisions/beijing`
 * list's 276 kB.
 *
 * @example
 * ```ts
 * import { mentougouDivisions } from 'shequ/divisions/beijing/110109';
 * mentougouDivisions.divisions.get('110109001000')?.name;
 * //=> '大峪街道'
 * ```
 *
 * @module shequ/divisions/beijing/110109
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/beijing/110109.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 门头沟区 division list (统计用区划代码 2023): the records `beijingDivisions` holds under 110109, and no others
 * (not the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries
 * no 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { mentougouDivisions } from 'shequ/divisions/beijing/110109';
 * mentougouDivisions.divisions.size;
 * //=> 318
 * mentougouDivisions.divisions.has('110000000000');
 * //=> false
 * mentougouDivisions.id;
 * //=> 'stats-2023-beijing-110109'
 * ```
 */
export const mentougouDivisions: DivisionDataset = statistics2023Dataset(
  'beijing-110109',
  { zh: '北京市门头沟区', en: 'Mentougou, Beijing' },
  text,
);
