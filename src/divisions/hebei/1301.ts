/**
 * 石家庄市 (Shijiazhuang, 河北省) division list: its own row, 24 county-level units, 280 townships and 5 152
 * village-level units, that is every code under 1301, from the statistics bureau's 2023 list (reference date
 * 2023-06-30, the last published at village level). For an app of this prefecture alone: its text is 192 kB,
 * the whole `shequ/divisions/hebei` list's 2 089 kB.
 *
 * @example
 * ```ts
 * import { shijiazhuangDivisions } from 'shequ/divisions/hebei/1301';
 * shijiazhuangDivisions.divisions.get('130102000000')?.name;
 * //=> '长安区'
 * ```
 *
 * @module shequ/divisions/hebei/1301
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/hebei/1301.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 石家庄市 division list (统计用区划代码 2023): the records `hebeiDivisions` holds under 1301, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { shijiazhuangDivisions } from 'shequ/divisions/hebei/1301';
 * shijiazhuangDivisions.divisions.size;
 * //=> 5457
 * shijiazhuangDivisions.divisions.has('130000000000');
 * //=> false
 * shijiazhuangDivisions.id;
 * //=> 'stats-2023-hebei-1301'
 * ```
 */
export const shijiazhuangDivisions: DivisionDataset = statistics2023Dataset(
  'hebei-1301',
  { zh: '河北省石家庄市', en: 'Shijiazhuang, Hebei' },
  text,
);
