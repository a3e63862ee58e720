/**
 * The 十四五 indicators of the community service plans: definitions as data, measures, exact computation rolled up
 * the hierarchy, mergeable partial aggregates, and progress against baselines and 2025 targets.
 *
 * @example
 * ```ts
 * import { computeIndicators } from 'shequ/indicators';
 * const rows = computeIndicators(
 *   [
 *     { code: '130123100201', kind: 'village', households: 300, hasFacility: true, facilityArea: 100 },
 *     { code: '130123100202', kind: 'village', households: 200, hasFacility: false },
 *   ],
 *   { profile: 'hebei', groupBy: ['county'], asOf: '2025-12-31' },
 * );
 * rows.find((row) => row.indicator === 'ruralFacilityCoverage')?.value;
 * //=> 50
 * ```
 *
 * @module shequ/indicators
 */

export type { BuiltInIndicatorId } from './catalogue.js';
export { INDICATORS } from './catalogue.js';
export type { PlanTextIndicatorId } from './catalogue-plans.js';
export type { ComputeIndicatorsOptions, IndicatorTable } from './compute.js';
export { computeIndicators, computeIndicatorTable } from './compute.js';
export type { Crosswalk, CrosswalkEntry } from './crosswalk.js';
export { parseCrosswalk } from './crosswalk.js';
export { crosswalkSchema } from './crosswalk-schema.js';
export { describeIndicatorProfiles } from './describe.js';
export type { DivisionChange, DivisionChangesOptions, DivisionKindChange } from './division-changes.js';
export { divisionChanges } from './division-changes.js';
export { evaluatePlanPeriod } from './evaluation.js';
export type {
  EvaluatePlanPeriodOptions,
  EvaluationRow,
  EvaluationStatus,
  PlanEvaluation,
} from './evaluation-types.js';
export type { BuiltInMeasureId } from './measures.js';
export { MEASURES } from './measures.js';
export type { PlanTextMeasureId } from './measures-plans.js';
export type { AccumulatorRowsOptions, IndicatorAccumulator, IndicatorAccumulatorOptions } from './parts.js';
export { createIndicatorAccumulator, indicatorRowsFromParts, mergeIndicatorParts } from './parts.js';
export type { ParseIndicatorPartsOptions } from './parts-parse.js';
export { parseIndicatorParts } from './parts-parse.js';
export type { PlanDocument, PlanPeriod, PlanPeriodId } from './periods.js';
export { PLAN_PERIODS, planPeriodAt, planPeriodById, planPeriodEndedBy } from './periods.js';
export { PLAN_PERIOD } from './plan-period.js';
export type { ProfilePeriodChanges } from './profile-derive.js';
export { indicatorProfileForPeriod } from './profile-periods.js';
export type { IndicatorProfileName, ProfileChanges } from './profiles.js';
export { deriveIndicatorProfile, INDICATOR_PROFILES, resolveIndicatorProfile } from './profiles.js';
export type { AssessProgressOptions, Progress, ProgressStatus } from './progress.js';
export { assessProgress, progressAgainst } from './progress.js';
export type { IndicatorProperty } from './property.js';
export { INDICATOR_PROPERTY_LABELS } from './property.js';
export type { RegionIndicatorId, RegionMeasureId } from './region-catalogue.js';
export type { GroupLevel, IndicatorRow, IndicatorRowsOptions, Rounding } from './rows.js';
export type {
  IndicatorSeries,
  IndicatorSeriesEntry,
  IndicatorSeriesFromRowsOptions,
  IndicatorSeriesPoint,
  SeriesStanding,
} from './series.js';
export { indicatorSeriesFromRows } from './series.js';
export type { IndicatorSeriesOptions } from './series-compute.js';
export { computeIndicatorSeries } from './series-compute.js';
export type { IndicatorParts, IndicatorYearParts } from './sums.js';
export type {
  Baseline,
  Comparator,
  Confidence,
  IndicatorDefinition,
  IndicatorProfile,
  Measure,
  MeasureUnit,
  ProfileFact,
  ProfileIndicator,
  ProfilePeriodFigures,
  Target,
} from './types.js';
