/**
 * 海淀区 (Haidian, 北京市) division list: its own row, 29 townships and 678 village-level units, that is every code
 * under 110108, from the statistics bureau's 2023 list (reference date 2023-06-30, the last published at
 * village level). For an app of this district alone: its text is 27 kB, the whole `shequ/divisions/beijing`
 * list's 276 kB.
 *
 * @example
 * ```ts
 * import { haidianDivisions } from 'shequ/divisions/beijing/110108';
 * haidianDivisions.divisions.get('110108001000')?.name;
 * //=> '万寿路街道'
 * ```
 *
 * @module shequ/divisions/beijing/110108
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/beijing/110108.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 海淀区 division list (统计用区划代码 2023): the records `beijingDivisions` holds under 110108, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { haidianDivisions } from 'shequ/divisions/beijing/110108';
 * haidianDivisions.divisions.size;
 * //=> 708
 * haidianDivisions.divisions.has('110000000000');
 * //=> false
 * haidianDivisions.id;
 * //=> 'stats-2023-beijing-110108'
 * ```
 */
export const haidianDivisions: DivisionDataset = statistics2023Dataset(
  'beijing-110108',
  { zh: '北京市海淀区', en: 'Haidian, Beijing' },
  text,
);
