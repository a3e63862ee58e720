/**
 * 延庆区 (Yanqing, 北京市) division list: its own row, 18 townships and 431 village-level units, that is every code
 * under 110119, from the statistics bureau's 2023 list (reference date 2023-06-30, the last published at
 * village level). For an app of this district alone: its text is 14 kB, the whole `shequ/divisions/beijing`
 * list's 276 kB.
 *
 * @example
 * ```ts
 * import { yanqingDivisions } from 'shequ/divisions/beijing/110119';
 * yanqingDivisions.divisions.get('110119001000')?.name;
 * //=> '百泉街道'
 * ```
 *
 * @module shequ/divisions/beijing/110119
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/beijing/110119.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 延庆区 division list (统计用区划代码 2023): the records `beijingDivisions` holds under 110119, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { yanqingDivisions } from 'shequ/divisions/beijing/110119';
 * yanqingDivisions.divisions.size;
 * //=> 450
 * yanqingDivisions.divisions.has('110000000000');
 * //=> false
 * yanqingDivisions.id;
 * //=> 'stats-2023-beijing-110119'
 * ```
 */
export const yanqingDivisions: DivisionDataset = statistics2023Dataset(
  'beijing-110119',
  { zh: '北京市延庆区', en: 'Yanqing, Beijing' },
  text,
);
