/**
 * 通州区 (Tongzhou, 北京市) division list: its own row, 22 townships and 656 village-level units, that is every
 * code under 110112, from the statistics bureau's 2023 list (reference date 2023-06-30, the last published at
 * village level). For an app of this district alone: its text is 23 kB, the whole `shequ/divisions/beijing`
 * list's 276 kB.
 *
 * @example
 * ```ts
 * import { tongzhouDivisions } from 'shequ/divisions/beijing/110112';
 * tongzhouDivisions.divisions.get('110112001000')?.name;
 * //=> '中仓街道'
 * ```
 *
 * @module shequ/divisions/beijing/110112
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/beijing/110112.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 通州区 division list (统计用区划代码 2023): the records `beijingDivisions` holds under 110112, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { tongzhouDivisions } from 'shequ/divisions/beijing/110112';
 * tongzhouDivisions.divisions.size;
 * //=> 679
 * tongzhouDivisions.divisions.has('110000000000');
 * //=> false
 * tongzhouDivisions.id;
 * //=> 'stats-2023-beijing-110112'
 * ```
 */
export const tongzhouDivisions: DivisionDataset = statistics2023Dataset(
  'beijing-110112',
  { zh: '北京市通州区', en: 'Tongzhou, Beijing' },
  text,
);
