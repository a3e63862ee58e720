// The indicators the two plans set beyond the national seven and the first provincial ones (issue 14, "Missing"):
// spread into INDICATORS. Each says where its plan sets it; profiles.ts attaches baselines, targets and facts.
import { BEIJING_PLAN, BOTH, coverage, HEBEI_PLAN, PERCENT } from './catalogue-shared.js';
import { MEASURES } from './measures.js';
import type { IndicatorDefinition } from './types.js';

const PERSONS = { zh: '人', en: 'persons' } as const;

/**
 * Identifiers of the indicators the Beijing and Hebei plans set beyond the national seven (part of
 * `BuiltInIndicatorId`).
 *
 * @example
 * ```ts
 * import type { PlanTextIndicatorId } from 'shequ';
 * const id: PlanTextIndicatorId = 'daytimeCareCoverage';
 * ```
 */
export type PlanTextIndicatorId =
  | 'satisfactionRate'
  | 'positiveReviewRate'
  | 'basicCommerceCoverage'
  | 'registeredVolunteerRate'
  | 'socialWorkersPer10kResidents'
  | 'daytimeCareCoverage'
  | 'socialWorkStationCoverage'
  | 'volunteerStationCoverage'
  | 'legalAdviserCoverage'
  | 'villageBroadbandCoverage'
  | 'communitySecretaryDirectorConcurrency';

/** A ratio of two sums over every unit (communities and villages alike). */
function ratio(
  id: PlanTextIndicatorId,
  parts: Pick<
    IndicatorDefinition,
    'name' | 'unit' | 'numerator' | 'denominator' | 'scale' | 'formula' | 'source'
  >,
): IndicatorDefinition {
  return { id, ...parts, direction: 'higher', appliesTo: BOTH };
}

/** The plan-text indicator definitions. */
export const PLAN_TEXT_INDICATORS: Readonly<Record<PlanTextIndicatorId, IndicatorDefinition>> = {
  satisfactionRate: ratio('satisfactionRate', {
    name: { zh: '社区服务群众满意率', en: 'residents satisfied with community services' },
    unit: PERCENT,
    numerator: MEASURES.satisfiedRespondents,
    denominator: MEASURES.surveyRespondents,
    scale: 100,
    formula: { zh: 'Σ满意人数 / Σ受访人数 × 100', en: 'Σ respondents satisfied / Σ respondents × 100' },
    source: `${BEIJING_PLAN} 四(十三): 群众满意度调查评估制度`,
  }),
  positiveReviewRate: ratio('positiveReviewRate', {
    name: { zh: '社区服务“好差评”好评率', en: 'positive share of service reviews' },
    unit: PERCENT,
    numerator: MEASURES.positiveReviews,
    denominator: MEASURES.serviceReviews,
    scale: 100,
    formula: {
      zh: 'Σ好评数 / Σ评价数 × 100（好评：非常满意、满意、基本满意；不满意、非常不满意为差评）',
      en: 'Σ positive reviews / Σ reviews × 100 (positive: very satisfied, satisfied, basically satisfied)',
    },
    source: `${BEIJING_PLAN} 四(十三): 社区服务“好差评”评价激励制度`,
  }),
  basicCommerceCoverage: coverage(
    'basicCommerceCoverage',
    { zh: '基本便民商业网点社区（村）覆盖率', en: 'units reached by every basic convenience outlet' },
    MEASURES.basicCommerce,
    BOTH,
    `${BEIJING_PLAN} 三(九)`,
  ),
  registeredVolunteerRate: ratio('registeredVolunteerRate', {
    name: { zh: '注册志愿者占常住人口比例', en: 'registered volunteers per resident' },
    unit: PERCENT,
    numerator: MEASURES.volunteers,
    denominator: MEASURES.residents,
    scale: 100,
    formula: { zh: 'Σ注册志愿者人数 / Σ常住人口 × 100', en: 'Σ registered volunteers / Σ residents × 100' },
    source: `${BEIJING_PLAN} 一(一) (2020: 192.01万 registered community volunteers, a profile fact)`,
  }),
  socialWorkersPer10kResidents: ratio('socialWorkersPer10kResidents', {
    name: { zh: '每万名常住人口拥有社会工作专业人才', en: 'social work professionals per 10 000 residents' },
    unit: PERSONS,
    numerator: MEASURES.socialWorkers,
    denominator: MEASURES.residents,
    scale: 10_000,
    formula: {
      zh: 'Σ社会工作专业人才人数 / Σ常住人口 × 10000',
      en: 'Σ social work professionals / Σ residents × 10 000',
    },
    source: `${BEIJING_PLAN} 一(一), 六(十八) (2020: 3.63万 social work professionals, a profile fact)`,
  }),
  daytimeCareCoverage: coverage(
    'daytimeCareCoverage',
    { zh: '日间照料服务城市社区覆盖率', en: 'urban communities with daytime care' },
    MEASURES.daytimeCare,
    ['community'],
    `${HEBEI_PLAN} 三(二)1 (社区: urban communities, as the plan writes 村（社区） where it means both)`,
  ),
  socialWorkStationCoverage: {
    ...coverage(
      'socialWorkStationCoverage',
      { zh: '社会工作服务站覆盖率', en: 'units served by a social work station' },
      MEASURES.socialWorkStation,
      BOTH,
      `${HEBEI_PLAN} 专栏1 第2项 (stations at 乡镇（街道） level: township rows are to supply the field)`,
    ),
    formula: {
      zh: '有社会工作服务站服务的社区（村）/ 社区（村）总数 × 100（站设在乡镇（街道）；乡镇行提供该字段后按乡镇计）',
      en: 'units served by a social work station / all units × 100 (stations sit at township level; once township rows carry the field, townships are counted)',
    },
  },
  volunteerStationCoverage: coverage(
    'volunteerStationCoverage',
    { zh: '综合服务设施志愿服务站点覆盖率', en: 'facilities hosting a volunteer station' },
    MEASURES.volunteerStation,
    BOTH,
    `${HEBEI_PLAN} 专栏1 第3项`,
    {
      name: { zh: '建有综合服务设施的社区（村）', en: 'units with a comprehensive service facility' },
      test: (row) => row.hasFacility,
    },
  ),
  legalAdviserCoverage: coverage(
    'legalAdviserCoverage',
    { zh: '村（居）法律顾问覆盖率', en: 'units with a legal adviser' },
    MEASURES.hasLegalAdviser,
    BOTH,
    `${HEBEI_PLAN} 一, 专栏 第12项`,
  ),
  villageBroadbandCoverage: coverage(
    'villageBroadbandCoverage',
    { zh: '行政村通宽带比例', en: 'villages with broadband' },
    MEASURES.hasBroadband,
    ['village'],
    `${HEBEI_PLAN} 专栏4 第1项`,
  ),
  communitySecretaryDirectorConcurrency: coverage(
    'communitySecretaryDirectorConcurrency',
    {
      zh: '社区党组织书记、居委会主任“一人兼”比例',
      en: 'urban communities whose Party secretary is also director',
    },
    MEASURES.secretaryIsDirector,
    ['community'],
    `${HEBEI_PLAN} 三(五)1 (the community counterpart of secretaryDirectorConcurrency, which counts villages)`,
  ),
};
