// How a rich record derives the plan-text statistics fields (fields-plans.ts) from its parts: surveys, 好差评 reviews,
// facilities, workers and convenience outlets. Absent parts give absent fields (missing, never zero), as in unit.ts.

import { CONVENIENCE_OUTLETS } from './convenience-outlets.js';
import type { Rating, SatisfactionSurvey } from './services.js';
import type { Unit } from './unit.js';
import type { UnitStatistics } from './unit-statistics.js';

/** The 好评 of the national 好差评 scale: the three levels above 不满意 (不满意 and 非常不满意 are 差评). */
const POSITIVE: ReadonlySet<Rating> = new Set(['verySatisfied', 'satisfied', 'basicallySatisfied']);

/** Σ of one count over the surveys; one survey without it makes the sum unknown, not smaller. */
function surveyTotal(
  surveys: readonly SatisfactionSurvey[] | undefined,
  key: 'respondents' | 'satisfied',
): number | undefined {
  if (surveys === undefined) return undefined;
  let total = 0;
  for (const survey of surveys) {
    const value = survey[key];
    if (value === undefined) return undefined;
    total += value;
  }
  return total;
}

/** The plan-text fields a rich record derives from its parts rather than holds. */
export type PlanTextDerivedKey =
  | 'surveyRespondents'
  | 'satisfiedRespondents'
  | 'serviceReviews'
  | 'positiveReviews'
  | 'volunteerStation'
  | 'hasLegalAdviser'
  | 'socialWorkers'
  | 'basicCommerce';

/** The plan-text fields a rich record derives, each from its parts. */
export const PLAN_TEXT_FROM_PARTS: {
  readonly [Key in PlanTextDerivedKey]: (unit: Unit) => UnitStatistics[Key] | undefined;
} = {
  surveyRespondents: ({ surveys }) => surveyTotal(surveys, 'respondents'),
  satisfiedRespondents: ({ surveys }) => surveyTotal(surveys, 'satisfied'),
  serviceReviews: ({ reviews }) => reviews?.length,
  positiveReviews: ({ reviews }) => reviews?.filter((review) => POSITIVE.has(review.rating)).length,
  // A 志愿服务站点 of its own, or a 综合服务设施 that lists 志愿服务 among its functions (依托综合服务设施建立).
  volunteerStation: ({ facilities }) =>
    facilities?.some(
      (f) =>
        f.kind === 'volunteerStation' ||
        (f.kind === 'comprehensiveService' && f.functions?.includes('volunteer') === true),
    ),
  hasLegalAdviser: ({ workers }) => workers?.some((w) => w.roles.includes('legalAdviser')),
  // 社会工作专业人才: workers in the social worker role or holding a 社会工作职业水平 certificate.
  socialWorkers: ({ workers }) =>
    workers?.filter((w) => w.roles.includes('socialWorker') || w.socialWorkCertificate !== undefined).length,
  basicCommerce: ({ convenienceOutlets }) =>
    convenienceOutlets === undefined
      ? undefined
      : CONVENIENCE_OUTLETS.every((outlet) => convenienceOutlets.includes(outlet)),
};
