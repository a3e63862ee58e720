/**
 * 西城区 (Xicheng, 北京市) division list: its own row, 15 townships and 263 village-level units, that is every code
 * under 110102, from the statistics bureau's 2023 list (reference date 2023-06-30, the last published at
 * village level). For an app of this district alone: its text is 11 kB, the whole `shequ/divisions/beijing`
 * list's 276 kB.
 *
 * @example
 * ```ts
 * import { xichengDivisions } from 'shequ/divisions/beijing/110102';
 * xichengDivisions.divisions.get('110102001000')?.name;
 * //=> '西长安街街道'
 * ```
 *
 * @module shequ/divisions/beijing/110102
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/beijing/110102.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 西城区 division list (统计用区划代码 2023): the records `beijingDivisions` holds under 110102, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { xichengDivisions } from 'shequ/divisions/beijing/110102';
 * xichengDivisions.divisions.size;
 * //=> 279
 * xichengDivisions.divisions.has('110000000000');
 * //=> false
 * xichengDivisions.id;
 * //=> 'stats-2023-beijing-110102'
 * ```
 */
export const xichengDivisions: DivisionDataset = statistics2023Dataset(
  'beijing-110102',
  { zh: '北京市西城区', en: 'Xicheng, Beijing' },
  text,
);
