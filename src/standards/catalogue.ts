import { creditCode, division, divisionKnown, divisionSegment, idNumber } from './rules/code.js';
import {
  residentsCommitteeHouseholds,
  residentsCommitteeMembers,
  termExpiry,
  villagersCommitteeMembers,
} from './rules/law.js';
import { fiveInOne, qualificationReview, sixInOne, subCommittees } from './rules/organisation.js';
import {
  activityAreaShare,
  areaPer100Households,
  convenienceOutlets,
  disasterOfficer,
  facilityExists,
  newCommercialShare,
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
 * id (each with its period in force).
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
  newCommercialShare,
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

/** Plan rules of the national plan (and restated by both provinces). */
export const NATIONAL_PLAN_RULES: readonly AnyRule[] = [
  areaPer100Households,
  newCommercialShare,
  activityAreaShare,
  facilityExists,
  workersPer10k,
];

/** Rules from the Hebei plan only. */
export const HEBEI_RULES: readonly AnyRule[] = [
  newUrbanMinimumArea,
  resettlementCoverage,
  disasterOfficer,
  sixInOne,
  fiveInOne,
  qualificationReview,
];

/** Rules from the Beijing plan only. */
export const BEIJING_RULES: readonly AnyRule[] = [
  newEstateServiceRooms,
  openingHours,
  online24h,
  ...subCommittees,
  qualificationReview,
  satisfactionSurvey,
  convenienceOutlets,
];
