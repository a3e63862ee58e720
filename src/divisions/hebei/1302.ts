/**
 * 唐山市 (Tangshan, 河北省) division list: its own row, 18 county-level units, 251 townships and 6 304
 * village-level units, that is every code under 1302, from the statistics bureau's 2023 list (reference date
 * 2023-06-30, the last published at village level). For an app of this prefecture alone: its text is 245 kB,
 * the whole `shequ/divisions/hebei` list's 2 089 kB.
 *
 * @example
 * ```ts
 * import { tangshanDivisions } from 'shequ/divisions/hebei/1302';
 * tangshanDivisions.divisions.get('130202000000')?.name;
 * //=> '路南区'
 * ```
 *
 * @module shequ/divisions/hebei/1302
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/hebei/1302.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 唐山市 division list (统计用区划代码 2023): the records `hebeiDivisions` holds under 1302, and no others (not the
 * province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no 城乡分类代码
 * (the source lacks them).
 *
 * @example
 * ```ts
 * import { tangshanDivisions } from 'shequ/divisions/hebei/1302';
 * tangshanDivisions.divisions.size;
 * //=> 6574
 * tangshanDivisions.divisions.has('130000000000');
 * //=> false
 * tangshanDivisions.id;
 * //=> 'stats-2023-hebei-1302'
 * ```
 */
export const tangshanDivisions: DivisionDataset = statistics2023Dataset(
  'hebei-1302',
  { zh: '河北省唐山市', en: 'Tangshan, Hebei' },
  text,
);
