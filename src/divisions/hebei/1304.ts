/**
 * 邯郸市 (Handan, 河北省) division list: its own row, 20 county-level units, 246 townships and 5 835 village-level
 * units, that is every code under 1304, from the statistics bureau's 2023 list (reference date 2023-06-30,
 * the last published at village level). For an app of this prefecture alone: its text is 227 kB, the whole
 * `shequ/divisions/hebei` list's 2 089 kB.
 *
 * @example
 * ```ts
 * import { handanDivisions } from 'shequ/divisions/hebei/1304';
 * handanDivisions.divisions.get('130402000000')?.name;
 * //=> '邯山区'
 * ```
 *
 * @module shequ/divisions/hebei/1304
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/hebei/1304.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 邯郸市 division list (统计用区划代码 2023): the records `hebeiDivisions` holds under 1304, and no others (not the
 * province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no 城乡分类代码
 * (the source lacks them).
 *
 * @example
 * ```ts
 * import { handanDivisions } from 'shequ/divisions/hebei/1304';
 * handanDivisions.divisions.size;
 * //=> 6102
 * handanDivisions.divisions.has('130000000000');
 * //=> false
 * handanDivisions.id;
 * //=> 'stats-2023-hebei-1304'
 * ```
 */
export const handanDivisions: DivisionDataset = statistics2023Dataset(
  'hebei-1304',
  { zh: '河北省邯郸市', en: 'Handan, Hebei' },
  text,
);
