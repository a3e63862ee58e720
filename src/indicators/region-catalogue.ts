import type { UnitStatistics } from '../model/unit-statistics.js';
import { flag } from './measure-values.js';
import type { IndicatorDefinition, Measure } from './types.js';

// Measures and indicators of the rows above the village level: a township row (街道/乡镇) or a district row (县/区)
// counts once for the indicators that count townships or districts, and for nothing else. Kept apart from the unit
// catalogue so that the two grow without stepping on each other.

const HEBEI_PLAN = '《河北省城乡社区服务体系建设"十四五"规划》(2022-03-08)';
const BEIJING_PLAN = '《北京市"十四五"城乡社区服务体系建设规划》(2022-09-13)';

/**
 * Identifiers of the built-in measures of township and district rows.
 *
 * @example
 * ```ts
 * import type { RegionMeasureId } from 'shequ';
 * const id: RegionMeasureId = 'hasSocialWorkStation';
 * ```
 */
export type RegionMeasureId = 'hasSocialWorkStation' | 'hasCivicCenter' | 'hasDistrictServiceCenter';

/** The measures of township and district rows (1 or 0 per row). */
export const REGION_MEASURES: Readonly<Record<RegionMeasureId, Measure>> = {
  /** 1 when the township has a 社会工作服务站. */
  hasSocialWorkStation: {
    id: 'hasSocialWorkStation',
    name: { zh: '设置社会工作服务站的乡镇（街道）数', en: 'townships with a social work station' },
    unit: 'units',
    read: (row: UnitStatistics) => flag(row.hasSocialWorkStation),
  },
  /** 1 when the township has a 市民活动中心 (党群服务中心). */
  hasCivicCenter: {
    id: 'hasCivicCenter',
    name: {
      zh: '建有市民活动中心（党群服务中心）的街道（乡镇）数',
      en: 'townships with a civic activity (Party–public service) centre',
    },
    unit: 'units',
    read: (row: UnitStatistics) => flag(row.hasCivicCenter),
  },
  /** 1 when the district has a 区社区服务中心. */
  hasDistrictServiceCenter: {
    id: 'hasDistrictServiceCenter',
    name: { zh: '建有区社区服务中心的县（区）数', en: 'districts with a community service centre' },
    unit: 'units',
    read: (row: UnitStatistics) => flag(row.hasDistrictServiceCenter),
  },
};

/** 1 for every row counted: townships or districts, as the indicator's `appliesTo` says. */
const ROWS_COUNTED: Measure = {
  id: 'regionCount',
  name: { zh: '乡镇（街道）或县（区）数', en: 'townships or districts' },
  unit: 'units',
  read: () => 1,
};

/**
 * Identifiers of the built-in indicators that count township or district rows.
 *
 * @example
 * ```ts
 * import type { RegionIndicatorId } from 'shequ';
 * const id: RegionIndicatorId = 'townshipSocialWorkStationCoverage';
 * ```
 */
export type RegionIndicatorId =
  | 'townshipSocialWorkStationCoverage'
  | 'townshipCivicCenterCoverage'
  | 'districtServiceCenterCoverage';

function regionCoverage(
  id: RegionIndicatorId,
  name: IndicatorDefinition['name'],
  measure: Measure,
  kind: 'township' | 'district',
  source: string,
): IndicatorDefinition {
  const who =
    kind === 'township' ? { zh: '乡镇（街道）', en: 'townships' } : { zh: '县（区）', en: 'districts' };
  return {
    id,
    name,
    unit: { zh: '%', en: '%' },
    numerator: measure,
    denominator: ROWS_COUNTED,
    scale: 100,
    direction: 'higher',
    appliesTo: [kind],
    formula: {
      zh: `${measure.name.zh} / ${who.zh}行数 × 100（只计${who.zh}行，不计其下的社区（村））`,
      en: `${measure.name.en} / ${who.en} rows × 100 (rows of ${who.en} only, never the units beneath them)`,
    },
    source,
  };
}

/** The indicators that count township or district rows (none of them is in a built-in profile yet). */
export const REGION_INDICATORS: Readonly<Record<RegionIndicatorId, IndicatorDefinition>> = {
  townshipSocialWorkStationCoverage: regionCoverage(
    'townshipSocialWorkStationCoverage',
    { zh: '乡镇（街道）社会工作服务站覆盖率', en: 'townships with a social work station' },
    REGION_MEASURES.hasSocialWorkStation,
    'township',
    `${HEBEI_PLAN} 专栏1 第2项: 在乡镇（街道）设置面向城乡社区服务的社会工作服务站`,
  ),
  townshipCivicCenterCoverage: regionCoverage(
    'townshipCivicCenterCoverage',
    {
      zh: '街道（乡镇）市民活动中心（党群服务中心）覆盖率',
      en: 'townships with a civic activity (Party–public service) centre',
    },
    REGION_MEASURES.hasCivicCenter,
    'township',
    `${BEIJING_PLAN} (六) 健全社区服务组织体系: 以街道（乡镇）市民活动中心（党群服务中心）为基本阵地`,
  ),
  districtServiceCenterCoverage: regionCoverage(
    'districtServiceCenterCoverage',
    { zh: '区社区服务中心覆盖率', en: 'districts with a community service centre' },
    REGION_MEASURES.hasDistrictServiceCenter,
    'district',
    `${BEIJING_PLAN} 一(一): 基本形成以区社区服务中心、街道（乡镇）市民活动中心（党群服务中心）、社区服务站为支撑`,
  ),
};
