import { creditCode, division, divisionKnown, divisionSegment, idNumber } from './rules/code.js';
import {
  residentsCommitteeHouseholds,
  residentsCommitteeMembers,
  termExpiry,
  villagersCommitteeMembers,
} from './rules/law.js';
import {
  fiveInOne,
  qualificationReview,
  qualificationReviewBeijing,
  sixInOne,
  subCommittees,
} from './rules/organisation.js';
import {
  activityAreaShare,
  areaPer100Households,
  areaPer100HouseholdsHebei,
  convenienceOutlets,
  disasterOfficer,
  facilityExists,
  newCommercialShare,
  newCommercialShareHebei,
  newEstateServiceRooms,
  newUrbanMinimumArea,
  online24h,
  openingHours,
  resettlementCoverage,
  satisfactionSurvey,
} from './rules/plan.js';
import { workersPer10k } from './rules/region.js';
import type { AnyRule, Rule } from './types.js';

/**
 * Every built-in rule by name, with the ids of rules.md. Date-dependent rules are arrays of versions that share an
 * id (each with its period in force). A province's version of a rule (its own text, scope and citation) shares the
 * rule's id and is named with the province: `areaPer100HouseholdsHebei`, `newCommercialShareHebei`,
 * `qualificationReviewBeijing` (`qualificationReview` is the Hebei plan's).
 *
 * @example
 * ```ts
 * import { RULES } from 'shequ';
 * RULES.areaPer100Households.id;
 * //=> 'facility.areaPer100Households'
 * RULES.residentsCommitteeHouseholds.map((version) => version.effective);
 * //=> [{ to: '2025-12-31' }, { from: '2026-01-01' }]
 * ```
 */
export const RULES = {
  areaPer100Households,
  areaPer100HouseholdsHebei,
  newCommercialShare,
  newCommercialShareHebei,
  newUrbanMinimumArea,
  newEstateServiceRooms,
  activityAreaShare,
  openingHours,
  online24h,
  resettlementCoverage,
  facilityExists,
  disasterOfficer,
  workersPer10k,
  sixInOne,
  fiveInOne,
  subCommittees,
  qualificationReview,
  qualificationReviewBeijing,
  satisfactionSurvey,
  convenienceOutlets,
  residentsCommitteeHouseholds,
  residentsCommitteeMembers,
  villagersCommitteeMembers,
  termExpiry,
  division,
  divisionSegment,
  divisionKnown,
  idNumber,
  creditCode,
} as const satisfies Record<string, AnyRule | readonly Rule[]>;

/** Law and code rules: in every profile. */
export const LAW_AND_CODE_RULES: readonly AnyRule[] = [
  ...residentsCommitteeHouseholds,
  ...residentsCommitteeMembers,
  villagersCommitteeMembers,
  termExpiry,
  division,
  divisionSegment,
  divisionKnown,
  idNumber,
  creditCode,
];

/** Plan rules of the national plan; each cites the national plan. */
export const NATIONAL_PLAN_RULES: readonly AnyRule[] = [
  areaPer100Households,
  newCommercialShare,
  activityAreaShare,
  facilityExists,
  workersPer10k,
];

/**
 * Rules of the Hebei plan, each citing it. The first two restate national rules (same ids) for urban communities:
 * the Hebei profile uses them in place of the national versions.
 */
export const HEBEI_RULES: readonly AnyRule[] = [
  areaPer100HouseholdsHebei,
  newCommercialShareHebei,
  newUrbanMinimumArea,
  resettlementCoverage,
  disasterOfficer,
  sixInOne,
  fiveInOne,
  qualificationReview,
];

/** Rules of the Beijing plan, each citing it (`org.subCommittees` from 2026 also cites the 2025 law). */
export const BEIJING_RULES: readonly AnyRule[] = [
  newEstateServiceRooms,
  openingHours,
  online24h,
  ...subCommittees,
  qualificationReviewBeijing,
  satisfactionSurvey,
  convenienceOutlets,
];
