import type { UnitStatistics } from '../model/unit-statistics.js';
import { UNIT_STATISTICS_FIELDS } from '../model/unit-statistics.js';

/**
 * How a column's cells are read: a code, a name, a kind (居委会/村委会), a yes/no flag, or a number.
 *
 * @example
 * ```ts
 * import type { CellType } from 'shequ/io';
 * const type: CellType = 'flag';
 * ```
 */
export type CellType = 'code' | 'text' | 'kind' | 'flag' | 'number';

/** The cell type of each field of a statistics row. */
export const FIELD_TYPES: Readonly<Record<keyof UnitStatistics, CellType>> = {
  code: 'code',
  name: 'text',
  kind: 'kind',
  urbanRural: 'code',
  households: 'number',
  residents: 'number',
  hasFacility: 'flag',
  facilityArea: 'number',
  activityArea: 'number',
  newlyBuilt: 'flag',
  totalFloorArea: 'number',
  commercialServiceArea: 'number',
  selfServiceTerminal: 'flag',
  communityWorkers: 'number',
  disasterOfficers: 'number',
  secretaryIsDirector: 'flag',
  satisfactionSurveyed: 'flag',
  inQuarterHourCircle: 'flag',
  governmentServices: 'flag',
  resettlement: 'flag',
  volunteers: 'number',
  communityHomes: 'number',
  has5g: 'flag',
};

/** Further names statistics sheets give the columns (besides the key and the Chinese header of UNIT_STATISTICS_FIELDS). */
const MORE_ALIASES: Readonly<Partial<Record<keyof UnitStatistics, readonly string[]>>> = {
  code: ['区划代码', '代码', '单位代码', '社区（村）代码', '村居代码', '统计代码'],
  name: ['社区（村）名称', '单位名称', '社区名称', '村名称', '居委会名称'],
  kind: ['单位类型', '村居类型', '居委会/村委会', '社区类型'],
  urbanRural: ['城乡分类', '城乡划分代码'],
  households: ['总户数', '常住户数'],
  residents: ['人口', '常住人口数', '常住人口（人）'],
  hasFacility: ['有无综合服务设施', '综合服务设施', '是否有综合服务设施'],
  facilityArea: ['综合服务设施面积', '设施面积'],
  activityArea: ['活动区域面积', '居民活动面积'],
  newlyBuilt: ['新建社区'],
  totalFloorArea: ['总建筑面积'],
  commercialServiceArea: ['商业和综合服务设施建筑面积'],
  selfServiceTerminal: ['自助服务设备', '政务通用自助服务设备', '是否配备自助服务设备'],
  communityWorkers: ['社区工作者', '社区工作者数'],
  disasterOfficers: ['灾害信息员', '灾害信息员数'],
  secretaryIsDirector: ['一人兼', '书记主任一肩挑', '书记、主任一人兼'],
  satisfactionSurveyed: ['满意度调查', '是否开展满意度调查'],
  inQuarterHourCircle: ['一刻钟社区服务圈', '是否纳入一刻钟社区服务圈'],
  governmentServices: ['政务服务', '是否政务服务进社区'],
  resettlement: ['是否安置社区', '集中安置社区'],
  volunteers: ['志愿者人数', '注册志愿者'],
  communityHomes: ['社区之家'],
  has5g: ['是否通5G', '5G'],
};

/**
 * Normalises a header for matching: NFKC (full-width → half-width), no white space, no unit in brackets
 * (`面积（平方米）` → `面积`), lower case.
 *
 * @param header - a header cell
 * @returns the matching form
 *
 * @example
 * ```ts
 * import { normalizeHeader } from 'shequ/io';
 * normalizeHeader(' 综合服务设施建筑面积（平方米） ');
 * //=> '综合服务设施建筑面积'
 * ```
 */
export function normalizeHeader(header: string): string {
  if (typeof header !== 'string') return ''; // not a header cell (never a TypeError)
  return header
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\((?:平方米|㎡|m²|m2|人|户|个|%)\)$/i, '')
    .toLowerCase();
}

const ALIASES: ReadonlyMap<string, keyof UnitStatistics> = (() => {
  const map = new Map<string, keyof UnitStatistics>();
  for (const key of Object.keys(FIELD_TYPES) as (keyof UnitStatistics)[]) {
    for (const alias of [
      key,
      UNIT_STATISTICS_FIELDS[key].zh,
      UNIT_STATISTICS_FIELDS[key].en,
      ...(MORE_ALIASES[key] ?? []),
    ]) {
      map.set(normalizeHeader(alias), key);
    }
  }
  return map;
})();

/**
 * The statistics field a header names — by key (`households`), Chinese header (`户数`) or a common variant — or
 * `undefined`.
 *
 * @param header - a header cell
 * @returns the field key
 *
 * @example
 * ```ts
 * import { fieldOfHeader } from 'shequ/io';
 * fieldOfHeader('常住人口（人）');
 * //=> 'residents'
 * fieldOfHeader('备注');
 * //=> undefined
 * ```
 */
export function fieldOfHeader(header: string): keyof UnitStatistics | undefined {
  return ALIASES.get(normalizeHeader(header));
}
