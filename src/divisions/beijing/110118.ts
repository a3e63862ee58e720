/**
 * 密云区 (Miyun, 北京市) division list: its own row, 21 townships and 429 village-level units, that is every code
 * under 110118, from the statistics bureau's 2023 list (reference date 2023-06-30, the last published at
 * village level). For an app of this district alone: its text is 17 kB, the whole `shequ/divisions/beijing`
 * list's 276 kB.
 *
 * @example
 * ```ts
 * import { miyunDivisions } from 'shequ/divisions/beijing/110118';
 * miyunDivisions.divisions.get('110118001000')?.name;
 * //=> '鼓楼街道'
 * ```
 *
 * @module shequ/divisions/beijing/110118
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/beijing/110118.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 密云区 division list (统计用区划代码 2023): the records `beijingDivisions` holds under 110118, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { miyunDivisions } from 'shequ/divisions/beijing/110118';
 * miyunDivisions.divisions.size;
 * //=> 451
 * miyunDivisions.divisions.has('110000000000');
 * //=> false
 * miyunDivisions.id;
 * //=> 'stats-2023-beijing-110118'
 * ```
 */
export const miyunDivisions: DivisionDataset = statistics2023Dataset(
  'beijing-110118',
  { zh: '北京市密云区', en: 'Miyun, Beijing' },
  text,
);
