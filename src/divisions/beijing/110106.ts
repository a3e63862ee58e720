/**
 * 丰台区 (Fengtai, 北京市) division list: its own row, 26 townships and 440 village-level units, that is every code
 * under 110106, from the statistics bureau's 2023 list (reference date 2023-06-30, the last published at
 * village level). For an app of this district alone: its text is 14 kB, the whole `shequ/divisions/beijing`
 * list's 276 kB.
 *
 * @example
 * ```ts
 * import { fengtaiDivisions } from 'shequ/divisions/beijing/110106';
 * fengtaiDivisions.divisions.get('110106001000')?.name;
 * //=> '右安门街道'
 * ```
 *
 * @module shequ/divisions/beijing/110106
 */
import type { DivisionDataset } from '../../codes/division-dataset.js';
import { text } from '../data/beijing/110106.js';
import { statistics2023Dataset } from '../from-text.js';

/**
 * The 丰台区 division list (统计用区划代码 2023): the records `beijingDivisions` holds under 110106, and no others (not
 * the province's own row). For `lookupDivision` and for naming regions in indicator tables; it carries no
 * 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { fengtaiDivisions } from 'shequ/divisions/beijing/110106';
 * fengtaiDivisions.divisions.size;
 * //=> 467
 * fengtaiDivisions.divisions.has('110000000000');
 * //=> false
 * fengtaiDivisions.id;
 * //=> 'stats-2023-beijing-110106'
 * ```
 */
export const fengtaiDivisions: DivisionDataset = statistics2023Dataset(
  'beijing-110106',
  { zh: '北京市丰台区', en: 'Fengtai, Beijing' },
  text,
);
