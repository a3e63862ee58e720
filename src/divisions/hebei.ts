/**
 * 河北省 division list: 1 province, 12 prefecture-level units (the 11 市 and 雄安新区, added
 * to the source as the bureau's list has it), 190 counties, 2 365 townships and 54 145 village-level units, from the statistics
 * bureau's 2023 list (reference date 2023-06-30, the last published at village level). Import it only where you
 * need it: it is about 2 MB. An app of one city imports that city's part instead (`shequ/divisions/hebei/1301` …
 * `1331`, e.g. `shijiazhuangDivisions`, a tenth of the size): the same records under its prefix.
 *
 * @example
 * ```ts
 * import { hebeiDivisions } from 'shequ/divisions/hebei';
 * hebeiDivisions.divisions.get('130102000000')?.name;
 * //=> '长安区'
 * ```
 *
 * @module shequ/divisions/hebei
 */
import type { DivisionDataset } from '../codes/division-dataset.js';
import { text } from './data/hebei.js';
import { statistics2023Dataset } from './from-text.js';

/**
 * The Hebei division list (统计用区划代码 2023), for `lookupDivision` and for naming regions in indicator
 * tables. It carries no 城乡分类代码 (the source lacks them).
 *
 * @example
 * ```ts
 * import { lookupDivision } from 'shequ';
 * import { hebeiDivisions } from 'shequ/divisions/hebei';
 * hebeiDivisions.divisions.get('130102000000')?.name;
 * //=> '长安区'
 * hebeiDivisions.referenceDate;
 * //=> '2023-06-30'
 * ```
 */
export const hebeiDivisions: DivisionDataset = statistics2023Dataset(
  'hebei',
  { zh: '河北省', en: 'Hebei' },
  text,
);
