/**
 * 大兴区 (Daxing, 北京市) division list: its own row, 26 townships and 758 village-level units, that is every code
 * under 110115, from the statistics bureau's 2023 list (reference date 2023-06-30, the last published at
 * village level). For an app of this district alone: its text is 29 kB, the whole `shequ/divisions/beijing`
 * list's 276 kB.
 *
 * @example
 * ```ts
 * import { daxingDivisions } from 'shequ/divisions/beijing/110115';
 * daxingDivisions.divisions.get('110115001000')?.name;
 * //=> '兴丰街道'
 * ```
 *
 * @module shequ/divisions/beijing/110115
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/beijing/110115.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 大兴区 division list (统计用区划代码 2023): the records `beijingDivisions` holds under 110115, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { daxingDivisions } from 'shequ/divisions/beijing/110115';
 * daxingDivisions.divisions.size;
 * //=> 785
 * daxingDivisions.divisions.has('110000000000');
 * //=> false
 * daxingDivisions.id;
 * //=> 'stats-2023-beijing-110115'
 * ```
 */
export const daxingDivisions: DivisionDataset = statistics2023Dataset(
  'beijing-110115',
  { zh: '北京市大兴区', en: 'Daxing, Beijing' },
  text,
);
