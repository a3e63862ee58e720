import { CONVENIENCE_OUTLETS, type ConvenienceOutlet } from '../../model/convenience-outlets.js';
import type { Facility } from '../../model/facility.js';
import { failed, notApplicable, notChecked, passed, shown } from '../outcomes.js';
import type { ParameterRange, Rule, RuleFailure, RuleOutcome } from '../types.js';
import { BEIJING_PLAN, HEBEI_PLAN, NATIONAL_PLAN, NATIONAL_PLAN_BRIEFING } from './sources.js';
import {
  activityAreaShareTitle,
  areaPer100HouseholdsTitle,
  disasterOfficerTitle,
  newCommercialShareTitle,
  newEstateServiceRoomsTitle,
  newUrbanMinimumAreaTitle,
  openingHoursTitle,
  resettlementCoverageTitle,
  titled,
} from './titles.js';

const num = (value: unknown) => Number(value);

/** m² of facility per 100 households: up to 100 m² a household (area × 100 against it stays an exact integer). */
const AREA_PER_100_HOUSEHOLDS: ParameterRange = { min: 0, max: 10_000 };
/** A share in per cent. */
const PERCENT: ParameterRange = { min: 0, max: 100 };
/** The floor area of one facility or estate's rooms, m². */
const FLOOR_AREA: ParameterRange = { min: 0, max: 100_000 };

/**
 * facility.areaPer100Households — national: a unit with a facility, ≥ 30 m² per 100 households. The national
 * indicator 4 counts every unit's households (indicators.md), so the national rule applies to communities and
 * villages alike; the Hebei profile uses {@link areaPer100HouseholdsHebei} instead.
 */
export const areaPer100Households: Rule = {
  id: 'facility.areaPer100Households',
  ...titled(areaPer100HouseholdsTitle, { minimum: 30 }),
  appliesTo: {},
  severity: 'error',
  parameterRanges: { minimum: AREA_PER_100_HOUSEHOLDS },
  effective: {},
  source: {
    document: NATIONAL_PLAN_BRIEFING,
    section: '主要指标 4',
    quote: '每百户居民不低于30平方米',
  },
  check: ({ row, parameters }) => {
    if (row.hasFacility === false) return notApplicable;
    if (row.hasFacility === undefined || row.facilityArea === undefined || row.households === undefined) {
      return notChecked('缺少综合服务设施或户数数据', 'facility or household data missing');
    }
    if (row.households === 0) return notApplicable;
    const per100 = (row.facilityArea / row.households) * 100;
    const minimum = num(parameters.minimum);
    // Compare exactly: area × 100 against minimum × households, both in hundredths.
    if (Math.round(row.facilityArea * 100) * 100 >= Math.round(minimum * 100) * row.households) return passed;
    return failed(
      ['facilityArea'],
      {
        zh: `每百户综合服务设施面积 ${shown(per100)} 平方米，低于 ${minimum} 平方米`,
        en: `${shown(per100)} m² of facility per 100 households, below ${minimum} m²`,
      },
      `≥ ${minimum}`,
      per100,
    );
  },
};

/**
 * facility.newCommercialShare — national: a newly built community, commercial + service area ≥ 10 % of total floor
 * area. The 10 % is the figure of the local plans that copy the national template (the national text was not seen),
 * hence `unverified`; the Hebei profile uses {@link newCommercialShareHebei}, whose text states it.
 */
export const newCommercialShare: Rule = {
  id: 'facility.newCommercialShare',
  ...titled(newCommercialShareTitle, { minimumPercent: 10 }),
  appliesTo: { kinds: ['community'] },
  severity: 'error',
  confidence: 'unverified',
  parameterRanges: { minimumPercent: PERCENT },
  effective: {},
  source: {
    document: `${NATIONAL_PLAN} (local-consensus: 陇南, 昌吉 and a 黑龙江 city copy the national template; national text not seen)`,
    section: '主要指标 3',
    quote: '新建社区商业和综合服务设施面积占社区总建筑面积比例 ≥ 10%',
  },
  check: ({ row, parameters }) => {
    if (row.newlyBuilt === false) return notApplicable;
    if (row.newlyBuilt === undefined)
      return notChecked('不知是否为新建社区', 'not known whether newly built');
    if (row.commercialServiceArea === undefined || row.totalFloorArea === undefined) {
      return notChecked('缺少商业和综合服务设施面积或总建筑面积', 'commercial or total floor area missing');
    }
    if (row.totalFloorArea === 0) return notApplicable;
    const minimum = num(parameters.minimumPercent);
    const share = (row.commercialServiceArea / row.totalFloorArea) * 100;
    if (Math.round(row.commercialServiceArea * 100) * 100 >= minimum * Math.round(row.totalFloorArea * 100))
      return passed;
    return failed(
      ['commercialServiceArea'],
      {
        zh: `商业和综合服务设施面积占比 ${shown(share)}%，低于 ${minimum}%`,
        en: `Commercial and service share ${shown(share)} %, below ${minimum} %`,
      },
      `≥ ${minimum}%`,
      share,
    );
  },
};

/** Where the Hebei plan sets the two area rules: inside 三(三)2 "实施城市社区服务设施补短板工程" — urban communities. */
const HEBEI_URBAN_SHORTFALL_WORKS = '三(三)2 (实施城市社区服务设施补短板工程)';

/**
 * facility.areaPer100Households, Hebei version: the Hebei plan restates the national 30 m² inside its urban-community
 * works (三(三)2), so in the Hebei profile the rule applies to communities only and cites the Hebei plan.
 */
export const areaPer100HouseholdsHebei: Rule = {
  ...areaPer100Households,
  appliesTo: { kinds: ['community'] },
  source: {
    document: HEBEI_PLAN,
    section: HEBEI_URBAN_SHORTFALL_WORKS,
    quote: '每百户居民拥有社区综合服务设施面积不低于30平方米',
  },
};

/**
 * facility.newCommercialShare, Hebei version: stated by the Hebei plan's urban-community works (三(三)2), so it is
 * verified for Hebei, applies to communities and cites the Hebei plan.
 */
export const newCommercialShareHebei: Rule = {
  ...newCommercialShare,
  appliesTo: { kinds: ['community'] },
  confidence: 'verified',
  source: {
    document: HEBEI_PLAN,
    section: HEBEI_URBAN_SHORTFALL_WORKS,
    quote: '确保新建社区商业和综合服务设施面积占社区总建筑面积比例不低于10%',
  },
};

/** facility.newUrbanMinimumArea — a newly built urban community: facility ≥ 500 m². */
export const newUrbanMinimumArea: Rule = {
  id: 'facility.newUrbanMinimumArea',
  ...titled(newUrbanMinimumAreaTitle, { minimum: 500 }),
  appliesTo: { kinds: ['community'] },
  severity: 'error',
  parameterRanges: { minimum: FLOOR_AREA },
  effective: {},
  source: {
    document: HEBEI_PLAN,
    section: HEBEI_URBAN_SHORTFALL_WORKS,
    quote: '新建城市社区综合服务设施面积不低于500平方米',
  },
  check: ({ row, parameters }) => {
    if (row.newlyBuilt === false) return notApplicable;
    if (row.newlyBuilt === undefined)
      return notChecked('不知是否为新建社区', 'not known whether newly built');
    const area = row.hasFacility === false ? 0 : row.facilityArea;
    if (area === undefined) return notChecked('缺少综合服务设施面积', 'facility floor area missing');
    const minimum = num(parameters.minimum);
    if (area >= minimum) return passed;
    return failed(
      ['facilityArea'],
      {
        zh: `新建社区综合服务设施 ${area} 平方米，低于 ${minimum} 平方米`,
        en: `New community facility of ${area} m², below ${minimum} m²`,
      },
      `≥ ${minimum}`,
      area,
    );
  },
};

/** facility.newEstateServiceRooms — Beijing: a newly built 小区's service rooms ≥ 500 m² ("一般不少于"). */
export const newEstateServiceRooms: Rule = {
  id: 'facility.newEstateServiceRooms',
  ...titled(newEstateServiceRoomsTitle, { minimum: 500 }),
  appliesTo: { kinds: ['community'] },
  severity: 'warning',
  parameterRanges: { minimum: FLOOR_AREA },
  effective: {},
  source: {
    document: BEIJING_PLAN,
    section: '四(十一)',
    quote: '条件允许的新建小区的社区服务管理用房面积一般不少于500平方米',
  },
  check: ({ unit, parameters }) => {
    if (unit?.estates === undefined)
      return notChecked('无小区数据（仅完整记录）', 'no estate data (rich records only)');
    const minimum = num(parameters.minimum);
    const failures: RuleFailure[] = [];
    let checked = 0;
    unit.estates.forEach((estate, i) => {
      if (estate.newlyBuilt !== true || estate.serviceRoomArea === undefined) return;
      checked++;
      if (estate.serviceRoomArea < minimum) {
        failures.push({
          path: ['estates', i, 'serviceRoomArea'],
          message: {
            zh: `新建小区"${estate.name}"服务管理用房 ${estate.serviceRoomArea} 平方米，少于 ${minimum} 平方米`,
            en: `New estate "${estate.name}": ${estate.serviceRoomArea} m² of service rooms, below ${minimum} m²`,
          },
          expected: `≥ ${minimum}`,
          actual: estate.serviceRoomArea,
        });
      }
    });
    if (failures.length > 0) return { status: 'failed', failures };
    return checked > 0 ? passed : notApplicable;
  },
};

function comprehensiveFacilities(facilities: readonly Facility[]): [Facility, number][] {
  return facilities
    .map((facility, i) => [facility, i] as [Facility, number])
    .filter(([f]) => f.kind === 'comprehensiveService');
}

/** facility.activityAreaShare — residents' activity area ≥ 60 % of floor area. */
export const activityAreaShare: Rule = {
  id: 'facility.activityAreaShare',
  ...titled(activityAreaShareTitle, { minimumPercent: 60 }),
  appliesTo: {},
  severity: 'warning',
  confidence: 'unverified',
  parameterRanges: { minimumPercent: PERCENT },
  effective: {},
  source: {
    document: `${NATIONAL_PLAN} (local-consensus; 完整社区试点)`,
    section: '主要指标 5',
    quote: '60%以上建筑面积用于居民活动',
  },
  check: ({ row, unit, parameters }) => {
    const minimum = num(parameters.minimumPercent);
    const below = (activity: number, floor: number) =>
      Math.round(activity * 100) * 100 < minimum * Math.round(floor * 100);
    if (unit?.facilities !== undefined) {
      const failures: RuleFailure[] = [];
      let checked = 0;
      for (const [facility, i] of comprehensiveFacilities(unit.facilities)) {
        if (
          facility.floorArea === undefined ||
          facility.activityArea === undefined ||
          facility.floorArea === 0
        )
          continue;
        checked++;
        if (below(facility.activityArea, facility.floorArea)) {
          const share = (facility.activityArea / facility.floorArea) * 100;
          failures.push({
            path: ['facilities', i, 'activityArea'],
            message: {
              zh: `居民活动区域占比 ${shown(share)}%，低于 ${minimum}%`,
              en: `Activity area share ${shown(share)} %, below ${minimum} %`,
            },
            expected: `≥ ${minimum}%`,
            actual: share,
          });
        }
      }
      if (failures.length > 0) return { status: 'failed', failures };
      return checked > 0 ? passed : notChecked('缺少设施面积数据', 'facility areas missing');
    }
    if (row.hasFacility === false) return notApplicable;
    if (row.facilityArea === undefined || row.activityArea === undefined)
      return notChecked('缺少设施面积数据', 'facility areas missing');
    if (row.facilityArea === 0) return notApplicable;
    if (!below(row.activityArea, row.facilityArea)) return passed;
    const share = (row.activityArea / row.facilityArea) * 100;
    return failed(
      ['activityArea'],
      {
        zh: `居民活动区域占比 ${shown(share)}%，低于 ${minimum}%`,
        en: `Activity area share ${shown(share)} %, below ${minimum} %`,
      },
      `≥ ${minimum}%`,
      share,
    );
  },
};

function perFacility(
  predicate: (facility: Facility) => boolean | undefined,
  failure: (facility: Facility, i: number) => RuleFailure,
): (facilities: readonly Facility[] | undefined) => RuleOutcome {
  return (facilities) => {
    if (facilities === undefined)
      return notChecked('无设施数据（仅完整记录）', 'no facility data (rich records only)');
    const failures: RuleFailure[] = [];
    let checked = 0;
    for (const [facility, i] of comprehensiveFacilities(facilities)) {
      const ok = predicate(facility);
      if (ok === undefined) continue;
      checked++;
      if (!ok) failures.push(failure(facility, i));
    }
    if (failures.length > 0) return { status: 'failed', failures };
    return checked > 0 ? passed : notChecked('设施缺少该项数据', 'facilities lack the data');
  };
}

/** facility.openingHours — Beijing: open at least 8 hours a day ("一般不少于"). */
export const openingHours: Rule = {
  id: 'facility.openingHours',
  ...titled(openingHoursTitle, { minimumHours: 8 }),
  appliesTo: {},
  severity: 'warning',
  parameterRanges: { minimumHours: { min: 0, max: 24 } },
  effective: {},
  source: {
    document: BEIJING_PLAN,
    section: '四(十三)',
    quote: '社区服务设施开放和服务时间一般不少于每天8小时',
  },
  check: ({ unit, parameters }) =>
    perFacility(
      (f) =>
        f.openingHoursPerDay === undefined ? undefined : f.openingHoursPerDay >= num(parameters.minimumHours),
      (f, i) => ({
        path: ['facilities', i, 'openingHoursPerDay'],
        message: {
          zh: `每天开放 ${f.openingHoursPerDay} 小时，少于 ${parameters.minimumHours} 小时`,
          en: `Open ${f.openingHoursPerDay} hours a day, below ${parameters.minimumHours}`,
        },
        expected: `≥ ${parameters.minimumHours}`,
        actual: f.openingHoursPerDay ?? null,
      }),
    )(unit?.facilities),
};

/** facility.online24h — Beijing: key service items online 24 hours a day. */
export const online24h: Rule = {
  id: 'facility.online24h',
  title: { zh: '重点服务事项24小时线上服务', en: 'Key service items online 24 hours a day' },
  appliesTo: {},
  severity: 'warning',
  parameters: {},
  effective: {},
  source: { document: BEIJING_PLAN, section: '四(十三)', quote: '群众关切项目应开展24小时线上服务' },
  check: ({ unit }) =>
    perFacility(
      (f) => f.online24h,
      (_f, i) => ({
        path: ['facilities', i, 'online24h'],
        message: {
          zh: '重点服务事项未实现24小时线上服务',
          en: 'Key service items are not online 24 hours a day',
        },
        expected: 'true',
        actual: 'false',
      }),
    )(unit?.facilities),
};

/** facility.resettlementCoverage — a resettlement community has a facility by 2025-12-31 (info before). */
export const resettlementCoverage: Rule = {
  id: 'facility.resettlementCoverage',
  ...titled(resettlementCoverageTitle, { deadline: '2025-12-31' }),
  appliesTo: {},
  severity: 'error',
  effective: {},
  source: { document: HEBEI_PLAN, section: '三(三)3', quote: '确保2025年安置社区综合服务设施实现全覆盖' },
  check: ({ row, asOf, parameters }) => {
    if (row.resettlement === false) return notApplicable;
    if (row.resettlement === undefined)
      return notChecked('不知是否为集中安置社区', 'not known whether a resettlement community');
    if (row.hasFacility === undefined) return notChecked('缺少是否建有综合服务设施', 'facility flag missing');
    if (row.hasFacility) return passed;
    const due = asOf > String(parameters.deadline);
    return {
      status: 'failed',
      failures: [
        {
          path: ['hasFacility'],
          message: due
            ? {
                zh: `集中安置社区在 ${parameters.deadline} 后仍无综合服务设施`,
                en: `Resettlement community still without a facility after ${parameters.deadline}`,
              }
            : {
                zh: `集中安置社区尚无综合服务设施（期限 ${parameters.deadline}）`,
                en: `Resettlement community without a facility yet (due ${parameters.deadline})`,
              },
          expected: 'true',
          actual: 'false',
          ...(due ? {} : { severity: 'info' as const }),
        },
      ],
    };
  },
};

/**
 * facility.exists — every community and village has a facility: error for communities, warning for villages. Both
 * figures are national targets (indicators.md): urban "城乡社区综合服务设施全覆盖", rural "80%以上" by 2025 — a region
 * target, so a village without one is a warning. The Hebei plan states only the 2020 facts (urban 全覆盖, rural 65 %),
 * so every profile cites the national plan.
 */
export const facilityExists: Rule = {
  id: 'facility.exists',
  title: {
    zh: '社区（村）建有综合服务设施',
    en: 'Every community and village has a comprehensive service facility',
  },
  appliesTo: {},
  severity: 'error',
  parameters: {},
  effective: {},
  source: {
    document: NATIONAL_PLAN_BRIEFING,
    section: '主要指标 1, 2',
    quote: '城乡社区综合服务设施全覆盖; 农村社区综合服务设施覆盖率 80%以上',
  },
  check: ({ row }) => {
    if (row.hasFacility === undefined) return notChecked('缺少是否建有综合服务设施', 'facility flag missing');
    if (row.hasFacility) return passed;
    return {
      status: 'failed',
      failures: [
        {
          path: ['hasFacility'],
          message:
            row.kind === 'community'
              ? {
                  zh: '城市社区未建综合服务设施（国家规划要求城乡社区综合服务设施全覆盖）',
                  en: 'Urban community without a facility (national plan: full coverage)',
                }
              : {
                  zh: '村未建综合服务设施（国家规划目标：到2025年农村社区综合服务设施覆盖率80%以上）',
                  en: 'Village without a facility (national plan target: 80 % rural coverage by 2025)',
                },
          expected: 'true',
          actual: 'false',
          ...(row.kind === 'village' ? { severity: 'warning' as const } : {}),
        },
      ],
    };
  },
};

/** workers.disasterOfficer — every village and community has at least one 灾害信息员. */
export const disasterOfficer: Rule = {
  id: 'workers.disasterOfficer',
  ...titled(disasterOfficerTitle, { minimum: 1 }),
  appliesTo: {},
  severity: 'error',
  parameterRanges: { minimum: { min: 0, max: 100, integer: true } },
  effective: {},
  source: { document: HEBEI_PLAN, section: '专栏 13', quote: '全省所有村（社区）设置1名灾害信息员' },
  check: ({ row, parameters }) => {
    if (row.disasterOfficers === undefined)
      return notChecked('缺少灾害信息员人数', 'number of disaster officers missing');
    const minimum = num(parameters.minimum);
    if (row.disasterOfficers >= minimum) return passed;
    return failed(
      ['disasterOfficers'],
      row.disasterOfficers === 0 || minimum === 1
        ? { zh: '未设置灾害信息员', en: 'No disaster information officer' }
        : {
            zh: `灾害信息员 ${row.disasterOfficers} 名，少于 ${minimum} 名`,
            en: `Only ${row.disasterOfficers} of ${minimum} disaster information officers`,
          },
      `≥ ${parameters.minimum}`,
      row.disasterOfficers,
    );
  },
};

/** service.satisfactionSurvey — Beijing: every unit covered by the 群众满意度调查. */
export const satisfactionSurvey: Rule = {
  id: 'service.satisfactionSurvey',
  title: {
    zh: '群众满意度调查社区（村）全覆盖',
    en: 'Satisfaction surveys cover every community and village',
  },
  appliesTo: {},
  severity: 'warning',
  parameters: {},
  effective: {},
  source: {
    document: BEIJING_PLAN,
    section: '四(十三)',
    quote: '实现社区服务群众满意度调查社区（村）全覆盖',
  },
  check: ({ row }) => {
    if (row.satisfactionSurveyed === undefined)
      return notChecked('缺少是否开展满意度调查', 'survey flag missing');
    return row.satisfactionSurveyed
      ? passed
      : failed(
          ['satisfactionSurveyed'],
          { zh: '未开展群众满意度调查', en: 'No satisfaction survey held' },
          'true',
          'false',
        );
  },
};

const OUTLET_ZH: Record<ConvenienceOutlet, string> = {
  vegetables: '蔬菜零售',
  convenienceStore: '便利店',
  breakfast: '早餐',
  hairdressing: '美容美发',
  repairs: '便民维修',
  housekeeping: '家政',
};

/** service.convenienceOutlets — Beijing: the six basic outlets reachable from every urban community. */
export const convenienceOutlets: Rule = {
  id: 'service.convenienceOutlets',
  title: {
    zh: '城市社区便民商业网点全覆盖',
    en: 'Basic convenience outlets reachable from every urban community',
  },
  appliesTo: { kinds: ['community'] },
  severity: 'warning',
  parameters: { required: CONVENIENCE_OUTLETS },
  parameterValues: { required: CONVENIENCE_OUTLETS },
  effective: {},
  source: {
    document: BEIJING_PLAN,
    section: '三(九)',
    quote:
      '巩固城市社区蔬菜零售、便利店（社区超市）、早餐、美容美发、便民维修、家政等基本便民商业网点全覆盖成果',
  },
  check: ({ unit, parameters }) => {
    if (unit?.convenienceOutlets === undefined)
      return notChecked('无便民网点数据（仅完整记录）', 'no outlet data (rich records only)');
    const present = new Set<string>(unit.convenienceOutlets);
    const missing = (parameters.required as readonly string[]).filter((outlet) => !present.has(outlet));
    if (missing.length === 0) return passed;
    return failed(
      ['convenienceOutlets'],
      {
        zh: `缺少便民网点：${missing.map((m) => OUTLET_ZH[m as ConvenienceOutlet] ?? m).join('、')}`,
        en: `Missing convenience outlets: ${missing.join(', ')}`,
      },
      (parameters.required as readonly string[]).join(', '),
      [...present].join(', '),
    );
  },
};
