/**
 * 北京市 division list: 1 province, 16 districts, 349 townships and 7 535 village-level units, from the statistics
 * bureau's 2023 list (reference date 2023-06-30, the last published at village level). Import it only where you
 * need it: it is about 300 kB. An app of one district imports that district's part instead
 * (`shequ/divisions/beijing/110101` … `110119`, e.g. `chaoyangDivisions`): the same records under its code.
 *
 * @example
 * ```ts
 * import { beijingDivisions } from 'shequ/divisions/beijing';
 * beijingDivisions.divisions.get('110101000000')?.name;
 * //=> '东城区'
 * ```
 *
 * @module shequ/divisions/beijing
 */
import type { DivisionDataset } from '../codes/division-dataset.js';
import { text } from './data/beijing.js';
import { statistics2023Dataset } from './from-text.js';

/**
 * The Beijing division list (统计用区划代码 2023), for `lookupDivision` and for naming regions in indicator
 * tables. It carries no 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { beijingDivisions } from 'shequ/divisions/beijing';
 * beijingDivisions.divisions.get('110105000000')?.name;
 * //=> '朝阳区'
 * beijingDivisions.referenceDate;
 * //=> '2023-06-30'
 * ```
 */
export const beijingDivisions: DivisionDataset = statistics2023Dataset(
  'beijing',
  { zh: '北京市', en: 'Beijing' },
  text,
);
