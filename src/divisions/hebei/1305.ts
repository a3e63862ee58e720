/**
 * 邢台市 (Xingtai, 河北省) division list: its own row, 19 county-level units, 201 townships and 5 396 village-level
 * units, that is every code under 1305, from the statistics bureau's 2023 list (reference date 2023-06-30,
 * the last published at village level). For an app of this prefecture alone: its text is 207 kB, the whole
 * `shequ/divisions/hebei` list's 2 089 kB.
 *
 * @example
 * ```ts
 * import { xingtaiDivisions } from 'shequ/divisions/hebei/1305';
 * xingtaiDivisions.divisions.get('130502000000')?.name;
 * //=> '襄都区'
 * ```
 *
 * @module shequ/divisions/hebei/1305
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/hebei/1305.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 邢台市 division list (统计用区划代码 2023): the records `hebeiDivisions` holds under 1305, and no others (not the
 * province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no 城乡分类代码
 * (the source lacks them).
 *
 * @example
 * ```ts
 * import { xingtaiDivisions } from 'shequ/divisions/hebei/1305';
 * xingtaiDivisions.divisions.size;
 * //=> 5617
 * xingtaiDivisions.divisions.has('130000000000');
 * //=> false
 * xingtaiDivisions.id;
 * //=> 'stats-2023-hebei-1305'
 * ```
 */
export const xingtaiDivisions: DivisionDataset = statistics2023Dataset(
  'hebei-1305',
  { zh: '河北省邢台市', en: 'Xingtai, Hebei' },
  text,
);
