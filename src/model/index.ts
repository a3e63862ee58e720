/**
 * The domain model: zod schemas and readonly types for communities (社区) and villages (村), their organisations,
 * facilities, people and services, the flat statistics row, regions and datasets.
 *
 * @example
 * ```ts
 * import { parseUnitStatistics } from 'shequ/model';
 * parseUnitStatistics({ code: '130102001001', kind: 'community', households: 1200 }).success;
 * //=> true
 * ```
 *
 * @module shequ/model
 */

export type { CommitteeMember, CommitteeRole, QualificationReview, TwoCommittees } from './committees.js';
export {
  COMMITTEE_ROLE_LABELS,
  committeeSize,
  QUALIFICATION_REVIEW_LABELS,
  secretaryIsDirector,
  twoCommitteesSchema,
} from './committees.js';
export type { Dataset } from './dataset.js';
export { datasetSchema, parseDataset } from './dataset.js';
export type { Facility, FacilityFunction, FacilityKind } from './facility.js';
export { FACILITY_FUNCTION_LABELS, FACILITY_KIND_LABELS, facilitySchema } from './facility.js';
export type {
  StatisticsField,
  StatisticsFieldKey,
  StatisticsFieldKind,
  StatisticsRowShape,
} from './fields.js';
export {
  STATISTICS_FIELD_KEYS,
  STATISTICS_FIELDS,
  STATISTICS_YEAR_RANGE,
  statisticsField,
  statisticsFieldsOfKind,
} from './fields.js';
export { datasetJsonSchema, unitStatisticsJsonSchema } from './json-schema.js';
export type {
  MemberStatus,
  OrganisationMember,
  OrganisationRole,
  Organisations,
  SubCommittee,
} from './organisation.js';
export {
  MEMBER_STATUS_LABELS,
  ORGANISATION_ROLE_LABELS,
  organisationMemberSchema,
  organisationsSchema,
  ROLE_KIND,
  RURAL_STRUCTURE,
  SUB_COMMITTEE_LABELS,
  URBAN_STRUCTURE,
} from './organisation.js';
export type { Employment, SocialWorkCertificate, Training, Volunteer, Worker, WorkerRole } from './people.js';
export {
  EMPLOYMENT_LABELS,
  isCommunityWorker,
  maskPerson,
  SOCIAL_WORK_CERTIFICATE_LABELS,
  volunteerSchema,
  WORKER_ROLE_LABELS,
  workerSchema,
} from './people.js';
export { areaSchema, countSchema, isoDateSchema, yearSchema } from './primitives.js';
export type { Region, RegionNode, RegionTree, RegionTreeResult, TreeUnit } from './region.js';
export { buildRegionTree, regionSchema } from './region.js';
export type { AdministrativeKind, CountedKind, RowKind, TotalKind } from './row-kind.js';
export {
  CODE_LEVELS_OF_KIND,
  isUnitKind,
  ROW_KIND_LABELS,
  ROW_KINDS,
  rowKindSchema,
  statisticsFieldAppliesTo,
  unitKindOfTotal,
} from './row-kind.js';
export type {
  ProjectStage,
  PurchasedService,
  Rating,
  SatisfactionSurvey,
  ServiceCategory,
  ServiceGroup,
  ServiceItem,
  ServiceReview,
  ThreeList,
  ThreeListEntry,
} from './services.js';
export {
  PROJECT_STAGE_LABELS,
  RATING_LABELS,
  SERVICE_CATEGORY_LABELS,
  SERVICE_GROUP_LABELS,
  THREE_LIST_LABELS,
} from './services.js';
export type { ConvenienceOutlet, Estate, SpecialType, Unit, UnitFieldKey } from './unit.js';
export { SPECIAL_TYPE_LABELS, toUnitStatistics, unitSchema } from './unit.js';
export type { UnitKind } from './unit-kind.js';
export { UNIT_KIND_LABELS, unitKindSchema } from './unit-kind.js';
export type { UnitStatistics } from './unit-statistics.js';
export { UNIT_STATISTICS_FIELDS } from './unit-statistics.js';
export type { UnitStatisticsShape } from './unit-statistics-schema.js';
export { parseUnitStatistics, unitStatisticsSchema } from './unit-statistics-schema.js';
