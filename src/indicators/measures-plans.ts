// Measures of the indicators the two plans set beyond the national seven (issue 14): one per plan-text field of the
// catalogue (src/model/fields-plans.ts), plus registered volunteers. Spread into MEASURES; kept apart for size.
import type { UnitStatistics } from '../model/unit-statistics.js';
import { flag } from './measure-values.js';
import type { Measure } from './types.js';

/**
 * Identifiers of the measures of the plan-text indicators (part of `BuiltInMeasureId`).
 *
 * @example
 * ```ts
 * import type { PlanTextMeasureId } from 'shequ';
 * const id: PlanTextMeasureId = 'daytimeCare';
 * ```
 */
export type PlanTextMeasureId =
  | 'volunteers'
  | 'surveyRespondents'
  | 'satisfiedRespondents'
  | 'serviceReviews'
  | 'positiveReviews'
  | 'daytimeCare'
  | 'socialWorkStation'
  | 'volunteerStation'
  | 'hasLegalAdviser'
  | 'hasBroadband'
  | 'socialWorkers'
  | 'basicCommerce';

/** The plan-text measures, keyed by id. */
export const PLAN_TEXT_MEASURES = {
  /** 注册志愿者人数. */
  volunteers: {
    id: 'volunteers',
    name: { zh: '注册志愿者人数', en: 'registered volunteers' },
    unit: 'persons',
    read: (row: UnitStatistics) => row.volunteers,
  },
  /** 满意度调查受访人数. */
  surveyRespondents: {
    id: 'surveyRespondents',
    name: { zh: '满意度调查受访人数', en: 'survey respondents' },
    unit: 'persons',
    read: (row: UnitStatistics) => row.surveyRespondents,
  },
  /** 满意人数. */
  satisfiedRespondents: {
    id: 'satisfiedRespondents',
    name: { zh: '满意人数', en: 'respondents satisfied' },
    unit: 'persons',
    read: (row: UnitStatistics) => row.satisfiedRespondents,
  },
  /** 好差评评价数. */
  serviceReviews: {
    id: 'serviceReviews',
    name: { zh: '评价数', en: 'reviews' },
    unit: 'count',
    read: (row: UnitStatistics) => row.serviceReviews,
  },
  /** 好评数. */
  positiveReviews: {
    id: 'positiveReviews',
    name: { zh: '好评数', en: 'positive reviews' },
    unit: 'count',
    read: (row: UnitStatistics) => row.positiveReviews,
  },
  /** 1 when the community offers 日间照料 (助餐、生活照料). */
  daytimeCare: {
    id: 'daytimeCare',
    name: { zh: '提供日间照料服务的社区数', en: 'communities with daytime care' },
    unit: 'units',
    read: (row: UnitStatistics) => flag(row.daytimeCare),
  },
  /** 1 when a 社会工作服务站 serves the unit (township rows will supply it for townships). */
  socialWorkStation: {
    id: 'socialWorkStation',
    name: { zh: '有社会工作服务站服务的单位数', en: 'units served by a social work station' },
    unit: 'units',
    read: (row: UnitStatistics) => flag(row.socialWorkStation),
  },
  /** 1 when the unit's facility hosts a 志愿服务站点. */
  volunteerStation: {
    id: 'volunteerStation',
    name: { zh: '建立志愿服务站点的单位数', en: 'units with a volunteer station' },
    unit: 'units',
    read: (row: UnitStatistics) => flag(row.volunteerStation),
  },
  /** 1 when the unit has a 法律顾问. */
  hasLegalAdviser: {
    id: 'hasLegalAdviser',
    name: { zh: '配备法律顾问的单位数', en: 'units with a legal adviser' },
    unit: 'units',
    read: (row: UnitStatistics) => flag(row.hasLegalAdviser),
  },
  /** 1 when the village has broadband. */
  hasBroadband: {
    id: 'hasBroadband',
    name: { zh: '通宽带的行政村数', en: 'villages with broadband' },
    unit: 'units',
    read: (row: UnitStatistics) => flag(row.hasBroadband),
  },
  /** 社会工作专业人才人数. */
  socialWorkers: {
    id: 'socialWorkers',
    name: { zh: '社会工作专业人才人数', en: 'social work professionals' },
    unit: 'persons',
    read: (row: UnitStatistics) => row.socialWorkers,
  },
  /** 1 when every 基本便民商业网点 reaches the unit. */
  basicCommerce: {
    id: 'basicCommerce',
    name: { zh: '基本便民商业网点全覆盖的单位数', en: 'units reached by every basic outlet' },
    unit: 'units',
    read: (row: UnitStatistics) => flag(row.basicCommerce),
  },
} as const satisfies Readonly<Record<PlanTextMeasureId, Measure>>;
