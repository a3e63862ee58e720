/**
 * 顺义区 (Shunyi, 北京市) division list: its own row, 25 townships and 601 village-level units, that is every code
 * under 110113, from the statistics bureau's 2023 list (reference date 2023-06-30, the last published at
 * village level). For an app of this district alone: its text is 22 kB, the whole `shequ/divisions/beijing`
 * list's 276 kB.
 *
 * @example
 * ```ts
 * import { shunyiDivisions } from 'shequ/divisions/beijing/110113';
 * shunyiDivisions.divisions.get('110113001000')?.name;
 * //=> '胜利街道'
 * ```
 *
 * @module shequ/divisions/beijing/110113
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/beijing/110113.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 顺义区 division list (统计用区划代码 2023): the records `beijingDivisions` holds under 110113, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { shunyiDivisions } from 'shequ/divisions/beijing/110113';
 * shunyiDivisions.divisions.size;
 * //=> 627
 * shunyiDivisions.divisions.has('110000000000');
 * //=> false
 * shunyiDivisions.id;
 * //=> 'stats-2023-beijing-110113'
 * ```
 */
export const shunyiDivisions: DivisionDataset = statistics2023Dataset(
  'beijing-110113',
  { zh: '北京市顺义区', en: 'Shunyi, Beijing' },
  text,
);
