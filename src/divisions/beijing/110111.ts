/**
 * 房山区 (Fangshan, 北京市) division list: its own row, 28 townships and 669 village-level units, that is every
 * code under 110111, from the statistics bureau's 2023 list (reference date 2023-06-30, the last published at
 * village level). For an app of this district alone: its text is 23 kB, the whole `shequ/divisions/beijing`
 * list's 276 kB.
 *
 * @example
 * ```ts
 * import { fangshanDivisions } from 'shequ/divisions/beijing/110111';
 * fangshanDivisions.divisions.get('110111001000')?.name;
 * //=> '城关街道'
 * ```
 *
 * @module shequ/divisions/beijing/110111
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/beijing/110111.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 房山区 division list (统计用区划代码 2023): the records `beijingDivisions` holds under 110111, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { fangshanDivisions } from 'shequ/divisions/beijing/110111';
 * fangshanDivisions.divisions.size;
 * //=> 698
 * fangshanDivisions.divisions.has('110000000000');
 * //=> false
 * fangshanDivisions.id;
 * //=> 'stats-2023-beijing-110111'
 * ```
 */
export const fangshanDivisions: DivisionDataset = statistics2023Dataset(
  'beijing-110111',
  { zh: '北京市房山区', en: 'Fangshan, Beijing' },
  text,
);
