/**
 * Standards validation: rules from the plans, the committee laws and the code standards, profiles, and `validate`,
 * each finding citing its source.
 *
 * @example
 * ```ts
 * import { validate } from 'shequ/standards';
 * validate([{ code: '130102001001', kind: 'community', households: -1 }], { profile: 'national', asOf: '2025-12-31' })
 *   .findings[0]?.rule;
 * //=> 'law.residentsCommitteeHouseholds'
 * ```
 *
 * @module shequ/standards
 */
export { RULES } from './catalogue.js';
export { describeRules } from './describe.js';
export { failed, notApplicable, notChecked, passed } from './outcomes.js';
export type { LoadedProfile, ProfileToJsonOptions } from './profile-file.js';
export { loadProfile, profileToJson } from './profile-file.js';
export type {
  ProfileFile,
  ProfileFileBaseline,
  ProfileFilePeriod,
  ProfileFileRules,
  ProfileFileTarget,
} from './profile-file-schema.js';
export { profileJsonSchema } from './profile-file-schema.js';
export type { RuleProfileChanges, RuleProfileName } from './profiles.js';
export { deriveRuleProfile, RULE_PROFILES, resolveRuleProfile } from './profiles.js';
export type {
  AnyRule,
  ParameterRange,
  RegionRule,
  Rule,
  RuleContext,
  RuleFailure,
  RuleOutcome,
  RuleProfile,
  RuleSource,
} from './types.js';
export type { Finding, RuleTally, ValidateOptions, ValidationReport, ValidationSummary } from './validate.js';
export { groupFindingsByUnit, safeValidate, validate } from './validate.js';
export type { CreateValidatorOptions, Validator } from './validator.js';
export { createValidator } from './validator.js';
