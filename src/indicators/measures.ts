import type { UnitStatistics } from '../model/unit-statistics.js';
import { flag } from './measure-values.js';
import { PLAN_TEXT_MEASURES, type PlanTextMeasureId } from './measures-plans.js';
import { REGION_MEASURES, type RegionMeasureId } from './region-catalogue.js';
import type { Measure } from './types.js';

/**
 * Identifiers of the built-in {@link MEASURES}.
 *
 * @example
 * ```ts
 * import type { BuiltInMeasureId } from 'shequ';
 * const id: BuiltInMeasureId = 'facilityArea';
 * ```
 */
export type BuiltInMeasureId =
  | 'unitCount'
  | 'hasFacility'
  | 'facilityArea'
  | 'activityArea'
  | 'households'
  | 'residents'
  | 'totalFloorArea'
  | 'commercialServiceArea'
  | 'selfServiceTerminal'
  | 'communityWorkers'
  | 'inQuarterHourCircle'
  | 'communityHomes'
  | 'governmentServices'
  | 'satisfactionSurveyed'
  | 'hasDisasterOfficer'
  | 'secretaryIsDirector'
  | 'has5g'
  | PlanTextMeasureId
  | RegionMeasureId;

/**
 * The built-in measures, read from statistics rows. Coverage measures are 1 or 0 per unit; `unitCount` is 1 for
 * every unit (the denominator of a coverage rate).
 *
 * @example
 * ```ts
 * import { MEASURES } from 'shequ';
 * MEASURES.facilityArea.read({ code: '130123100201', kind: 'village', hasFacility: false });
 * //=> 0
 * ```
 */
export const MEASURES: Readonly<Record<BuiltInMeasureId, Measure>> = {
  /** 1 for every unit: the denominator of a coverage rate. */
  unitCount: { id: 'unitCount', name: { zh: '单位数', en: 'units' }, unit: 'units', read: () => 1 },
  /** 1 when the unit has a 综合服务设施. */
  hasFacility: {
    id: 'hasFacility',
    name: { zh: '建有综合服务设施的单位数', en: 'units with a comprehensive service facility' },
    unit: 'units',
    read: (row: UnitStatistics) => flag(row.hasFacility),
  },
  /** 综合服务设施建筑面积; 0 for a unit known to have no facility. */
  facilityArea: {
    id: 'facilityArea',
    name: { zh: '综合服务设施建筑面积', en: 'facility floor area' },
    unit: 'm2',
    read: (row: UnitStatistics) => (row.hasFacility === false ? 0 : row.facilityArea),
  },
  /** 居民活动区域面积; 0 for a unit known to have no facility. */
  activityArea: {
    id: 'activityArea',
    name: { zh: '居民活动区域面积', en: "residents' activity area" },
    unit: 'm2',
    read: (row: UnitStatistics) => (row.hasFacility === false ? 0 : row.activityArea),
  },
  /** 户数. */
  households: {
    id: 'households',
    name: { zh: '户数', en: 'households' },
    unit: 'households',
    read: (row: UnitStatistics) => row.households,
  },
  /** 常住人口. */
  residents: {
    id: 'residents',
    name: { zh: '常住人口', en: 'residents' },
    unit: 'persons',
    read: (row: UnitStatistics) => row.residents,
  },
  /** 社区总建筑面积 (newly built communities). */
  totalFloorArea: {
    id: 'totalFloorArea',
    name: { zh: '社区总建筑面积', en: 'total floor area' },
    unit: 'm2',
    read: (row: UnitStatistics) => row.totalFloorArea,
  },
  /** 商业和综合服务设施面积 (newly built communities). */
  commercialServiceArea: {
    id: 'commercialServiceArea',
    name: { zh: '商业和综合服务设施面积', en: 'commercial and service floor area' },
    unit: 'm2',
    read: (row: UnitStatistics) => row.commercialServiceArea,
  },
  /** 1 when the unit has a 政务通用自助服务 terminal. */
  selfServiceTerminal: {
    id: 'selfServiceTerminal',
    name: { zh: '配备政务通用自助服务设备的单位数', en: 'units with a self-service terminal' },
    unit: 'units',
    read: (row: UnitStatistics) => flag(row.selfServiceTerminal),
  },
  /** 社区工作者人数. */
  communityWorkers: {
    id: 'communityWorkers',
    name: { zh: '社区工作者人数', en: 'community workers' },
    unit: 'persons',
    read: (row: UnitStatistics) => row.communityWorkers,
  },
  /** 1 when the unit is inside a 一刻钟社区服务圈. */
  inQuarterHourCircle: {
    id: 'inQuarterHourCircle',
    name: { zh: '纳入一刻钟社区服务圈的单位数', en: 'units inside a 15-minute service circle' },
    unit: 'units',
    read: (row: UnitStatistics) => flag(row.inQuarterHourCircle),
  },
  /** "社区之家" count. */
  communityHomes: {
    id: 'communityHomes',
    name: { zh: '社区之家数量', en: '"community homes"' },
    unit: 'count',
    read: (row: UnitStatistics) => row.communityHomes,
  },
  /** 1 when 政务服务 reaches the unit. */
  governmentServices: {
    id: 'governmentServices',
    name: { zh: '政务服务进社区（村）的单位数', en: 'units reached by government services' },
    unit: 'units',
    read: (row: UnitStatistics) => flag(row.governmentServices),
  },
  /** 1 when a 群众满意度调查 was held. */
  satisfactionSurveyed: {
    id: 'satisfactionSurveyed',
    name: { zh: '开展满意度调查的单位数', en: 'units surveyed' },
    unit: 'units',
    read: (row: UnitStatistics) => flag(row.satisfactionSurveyed),
  },
  /** 1 when the unit has at least one 灾害信息员. */
  hasDisasterOfficer: {
    id: 'hasDisasterOfficer',
    name: { zh: '设有灾害信息员的单位数', en: 'units with a disaster information officer' },
    unit: 'units',
    read: (row: UnitStatistics) =>
      row.disasterOfficers === undefined ? undefined : row.disasterOfficers >= 1 ? 1 : 0,
  },
  /** 1 when the Party secretary is also the committee director. */
  secretaryIsDirector: {
    id: 'secretaryIsDirector',
    name: { zh: '书记主任"一人兼"的单位数', en: 'units whose secretary is also director' },
    unit: 'units',
    read: (row: UnitStatistics) => flag(row.secretaryIsDirector),
  },
  /** 1 when the village has 5G. */
  has5g: {
    id: 'has5g',
    name: { zh: '通5G的单位数', en: 'units with 5G' },
    unit: 'units',
    read: (row: UnitStatistics) => flag(row.has5g),
  },
  ...PLAN_TEXT_MEASURES,
  // Measures of township and district rows (region-catalogue.ts).
  ...REGION_MEASURES,
};
