/**
 * 保定市 (Baoding, 河北省) division list: its own row, 26 county-level units, 359 townships and 6 899 village-level
 * units, that is every code under 1306, from the statistics bureau's 2023 list (reference date 2023-06-30,
 * the last published at village level). For an app of this prefecture alone: its text is 271 kB, the whole
 * `shequ/divisions/hebei` list's 2 089 kB.
 *
 * @example
 * ```ts
 * import { baodingDivisions } from 'shequ/divisions/hebei/1306';
 * baodingDivisions.divisions.get('130602000000')?.name;
 * //=> '竞秀区'
 * ```
 *
 * @module shequ/divisions/hebei/1306
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/hebei/1306.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 保定市 division list (统计用区划代码 2023): the records `hebeiDivisions` holds under 1306, and no others (not the
 * province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no 城乡分类代码
 * (the source lacks them).
 *
 * @example
 * ```ts
 * import { baodingDivisions } from 'shequ/divisions/hebei/1306';
 * baodingDivisions.divisions.size;
 * //=> 7285
 * baodingDivisions.divisions.has('130000000000');
 * //=> false
 * baodingDivisions.id;
 * //=> 'stats-2023-hebei-1306'
 * ```
 */
export const baodingDivisions: DivisionDataset = statistics2023Dataset(
  'hebei-1306',
  { zh: '河北省保定市', en: 'Baoding, Hebei' },
  text,
);
