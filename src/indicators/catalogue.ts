import { PLAN_TEXT_INDICATORS, type PlanTextIndicatorId } from './catalogue-plans.js';
import { BEIJING_PLAN, BOTH, coverage, HEBEI_PLAN, NATIONAL_PLAN, PERCENT } from './catalogue-shared.js';
import { MEASURES } from './measures.js';
import { REGION_INDICATORS, type RegionIndicatorId } from './region-catalogue.js';
import type { IndicatorDefinition } from './types.js';

/**
 * Identifiers of the built-in indicators.
 *
 * @example
 * ```ts
 * import type { BuiltInIndicatorId } from 'shequ';
 * const id: BuiltInIndicatorId = 'facilityAreaPer100Households';
 * ```
 */
export type BuiltInIndicatorId =
  | 'ruralFacilityCoverage'
  | 'urbanFacilityCoverage'
  | 'newCommercialServiceAreaShare'
  | 'facilityAreaPer100Households'
  | 'activityAreaShare'
  | 'urbanSelfServiceCoverage'
  | 'workersPer10kUrbanResidents'
  | 'quarterHourCircleCoverage'
  | 'communityHomes'
  | 'governmentServiceCoverage'
  | 'satisfactionSurveyCoverage'
  | 'disasterOfficerCoverage'
  | 'secretaryDirectorConcurrency'
  | 'resettlementFacilityCoverage'
  | 'village5gCoverage'
  | PlanTextIndicatorId
  | RegionIndicatorId;

/**
 * Every built-in indicator definition: the seven national 十四五 indicators (国办发〔2021〕56号), Beijing's and
 * Hebei's (indicators.md), and those the two plans' texts set beyond their tables (satisfaction, 好差评, stations,
 * coverage of services; issue 14). Who counts: 城市社区 = units of kind `community` (居委会), 农村社区 = `village` (村委会), as
 * 民政 statistics count them. Profiles ({@link INDICATOR_PROFILES}) attach baselines and targets.
 *
 * @example
 * ```ts
 * import { INDICATORS } from 'shequ';
 * INDICATORS.workersPer10kUrbanResidents.scale;
 * //=> 10000
 * ```
 */
export const INDICATORS: Readonly<Record<BuiltInIndicatorId, IndicatorDefinition>> = {
  ruralFacilityCoverage: coverage(
    'ruralFacilityCoverage',
    { zh: '农村社区综合服务设施覆盖率', en: 'rural community service facility coverage' },
    MEASURES.hasFacility,
    ['village'],
    NATIONAL_PLAN,
  ),
  urbanFacilityCoverage: coverage(
    'urbanFacilityCoverage',
    { zh: '城市社区综合服务设施覆盖率', en: 'urban community service facility coverage' },
    MEASURES.hasFacility,
    ['community'],
    NATIONAL_PLAN,
  ),
  newCommercialServiceAreaShare: {
    id: 'newCommercialServiceAreaShare',
    name: {
      zh: '新建社区商业和综合服务设施面积占社区总建筑面积比例',
      en: 'commercial and service floor area share of new communities',
    },
    unit: PERCENT,
    numerator: MEASURES.commercialServiceArea,
    denominator: MEASURES.totalFloorArea,
    scale: 100,
    direction: 'higher',
    appliesTo: BOTH,
    scope: { name: { zh: '新建社区', en: 'newly built communities' }, test: (row) => row.newlyBuilt },
    formula: {
      zh: 'Σ新建社区商业和综合服务设施面积 / Σ新建社区总建筑面积 × 100',
      en: 'Σ commercial + service floor area of new communities / Σ their total floor area × 100',
    },
    source: NATIONAL_PLAN,
  },
  facilityAreaPer100Households: {
    id: 'facilityAreaPer100Households',
    name: { zh: '每百户居民拥有社区综合服务设施面积', en: 'facility floor area per 100 households' },
    unit: { zh: '平方米', en: 'm²' },
    numerator: MEASURES.facilityArea,
    denominator: MEASURES.households,
    scale: 100,
    direction: 'higher',
    appliesTo: BOTH,
    formula: {
      zh: 'Σ综合服务设施建筑面积 / Σ户数 × 100（无设施的单位计入户数、面积为 0）',
      en: 'Σ facility floor area / Σ households × 100 (a unit without a facility adds its households and zero area)',
    },
    source: NATIONAL_PLAN,
  },
  activityAreaShare: {
    id: 'activityAreaShare',
    name: {
      zh: '居民活动区域面积占社区综合服务设施总建筑面积比例',
      en: "residents' activity area share of facility floor area",
    },
    unit: PERCENT,
    numerator: MEASURES.activityArea,
    denominator: MEASURES.facilityArea,
    scale: 100,
    direction: 'higher',
    appliesTo: BOTH,
    formula: {
      zh: 'Σ居民活动区域面积 / Σ综合服务设施建筑面积 × 100',
      en: 'Σ activity area / Σ facility floor area × 100',
    },
    source: NATIONAL_PLAN,
  },
  urbanSelfServiceCoverage: coverage(
    'urbanSelfServiceCoverage',
    { zh: '城市社区政务通用自助服务覆盖率', en: 'urban community government self-service coverage' },
    MEASURES.selfServiceTerminal,
    ['community'],
    NATIONAL_PLAN,
  ),
  workersPer10kUrbanResidents: {
    id: 'workersPer10kUrbanResidents',
    name: { zh: '每万名城镇常住人口拥有社区工作者', en: 'community workers per 10 000 urban residents' },
    unit: { zh: '人', en: 'persons' },
    numerator: MEASURES.communityWorkers,
    denominator: MEASURES.residents,
    scale: 10_000,
    direction: 'higher',
    appliesTo: ['community'],
    formula: {
      zh: 'Σ城市社区社区工作者 / 城镇常住人口 × 10000（默认以城市社区常住人口之和为分母，可由调用方提供）',
      en: 'Σ community workers of urban communities / urban residents × 10 000 (by default the residents of urban communities; a caller may supply the region’s figure)',
    },
    source: NATIONAL_PLAN,
  },
  quarterHourCircleCoverage: coverage(
    'quarterHourCircleCoverage',
    { zh: '一刻钟社区服务圈城市社区覆盖率', en: '15-minute service circle coverage of urban communities' },
    MEASURES.inQuarterHourCircle,
    ['community'],
    `${BEIJING_PLAN} 一(一), 三(九)`,
  ),
  communityHomes: {
    id: 'communityHomes',
    name: { zh: '"社区之家"数量', en: '"community homes"' },
    unit: { zh: '个', en: 'count' },
    numerator: MEASURES.communityHomes,
    scale: 1,
    direction: 'higher',
    appliesTo: BOTH,
    formula: { zh: 'Σ社区之家数量', en: 'Σ "community homes"' },
    source: `${BEIJING_PLAN} 一(一)`,
  },
  governmentServiceCoverage: coverage(
    'governmentServiceCoverage',
    { zh: '政务服务社区（村）覆盖率', en: 'government services coverage of units' },
    MEASURES.governmentServices,
    BOTH,
    `${BEIJING_PLAN} 一(一), 五(十六)`,
  ),
  satisfactionSurveyCoverage: coverage(
    'satisfactionSurveyCoverage',
    { zh: '群众满意度调查社区（村）覆盖率', en: 'satisfaction survey coverage of units' },
    MEASURES.satisfactionSurveyed,
    BOTH,
    `${BEIJING_PLAN} 四(十三)`,
  ),
  disasterOfficerCoverage: coverage(
    'disasterOfficerCoverage',
    { zh: '村（社区）灾害信息员设置率', en: 'units with a disaster information officer' },
    MEASURES.hasDisasterOfficer,
    BOTH,
    `${HEBEI_PLAN} 专栏 13`,
  ),
  secretaryDirectorConcurrency: coverage(
    'secretaryDirectorConcurrency',
    { zh: '村党组织书记、村委会主任"一人兼"比例', en: 'villages whose Party secretary is also director' },
    MEASURES.secretaryIsDirector,
    ['village'],
    `${HEBEI_PLAN} 一`,
  ),
  resettlementFacilityCoverage: coverage(
    'resettlementFacilityCoverage',
    { zh: '集中安置社区综合服务设施覆盖率', en: 'facility coverage of resettlement communities' },
    MEASURES.hasFacility,
    BOTH,
    `${HEBEI_PLAN} 三(三)3`,
    { name: { zh: '集中安置社区', en: 'resettlement communities' }, test: (row) => row.resettlement },
  ),
  village5gCoverage: coverage(
    'village5gCoverage',
    { zh: '行政村通5G比例', en: 'villages with 5G' },
    MEASURES.has5g,
    ['village'],
    `${HEBEI_PLAN} 专栏4 第1项`,
  ),
  ...PLAN_TEXT_INDICATORS,
  // Indicators that count township or district rows (region-catalogue.ts).
  ...REGION_INDICATORS,
};

/**
 * Whether `id` names a built-in indicator: an own key of {@link INDICATORS} (a caller's `constructor` or `__proto__` is
 * an id like any other, never a key of Object.prototype).
 *
 * @param id - an indicator id
 * @returns whether the catalogue has it
 *
 * @example
 * ```ts
 * [isIndicatorId('ruralFacilityCoverage'), isIndicatorId('constructor')];
 * //=> [true, false]
 * ```
 */
export function isIndicatorId(id: string): id is BuiltInIndicatorId {
  return Object.hasOwn(INDICATORS, id);
}
