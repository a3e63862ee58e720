import * as z from 'zod';
import type { LocalizedText } from '../core/issue.js';
import { treeShakable } from '../core/tree-shakable.js';
import { type TwoCommittees, twoCommitteesSchema } from './committees.js';
import { CONVENIENCE_OUTLET_LABELS, type ConvenienceOutlet } from './convenience-outlets.js';
import { type Facility, facilitySchema } from './facility.js';
import { STATISTICS_FIELD_KEYS, type StatisticsFieldKey } from './fields.js';
import { enumOf } from './labelled-enum.js';
import {
  ORGANISATION_ROLE_LABELS,
  type Organisations,
  organisationsSchema,
  ROLE_KIND,
} from './organisation.js';
import { type Volunteer, volunteerSchema, type Worker, workerSchema } from './people.js';
import { areaSchema, countSchema, notAbove } from './primitives.js';
import { kindIssues } from './row-checks.js';
import {
  type PurchasedService,
  type SatisfactionSurvey,
  type ServiceItem,
  type ServiceReview,
  serviceSchemas,
  type ThreeListEntry,
} from './services.js';
import { FROM_PARTS } from './unit-derive.js';
import { type UnitKind, unitKindSchema } from './unit-kind.js';
import type { PlanTextDerivedKey } from './unit-plan-parts.js';
import { NOT_ABOVE, type UnitStatistics } from './unit-statistics.js';
import { unitStatisticsShape } from './unit-statistics-schema.js';

export { CONVENIENCE_OUTLET_LABELS, type ConvenienceOutlet } from './convenience-outlets.js';
// Plain derivations without zod, in their own module so that the indicator path does not load the schemas here.
export { isRichUnit, toUnitStatistics } from './unit-derive.js';

/**
 * Special types of community (seed 002 三(三)3): 易地扶贫搬迁 or "空心村"治理 集中安置社区 (`resettlement`) and
 * 城镇老旧小区 (`oldNeighbourhood`).
 *
 * @example
 * ```ts
 * import type { SpecialType } from 'shequ';
 * const type: SpecialType = 'oldNeighbourhood';
 * ```
 */
export type SpecialType = 'resettlement' | 'oldNeighbourhood';

/**
 * Labels of each {@link SpecialType}.
 *
 * @example
 * ```ts
 * import { SPECIAL_TYPE_LABELS } from 'shequ';
 * SPECIAL_TYPE_LABELS.resettlement.zh;
 * //=> '集中安置社区'
 * ```
 */
export const SPECIAL_TYPE_LABELS: Readonly<Record<SpecialType, LocalizedText>> = {
  resettlement: { zh: '集中安置社区', en: 'resettlement community' },
  oldNeighbourhood: { zh: '城镇老旧小区', en: 'old urban neighbourhood' },
};

/**
 * A 小区 (residential estate) inside a community.
 *
 * @example
 * ```ts
 * import type { Estate } from 'shequ';
 * const estate: Estate = { name: '建外SOHO', households: 820, newlyBuilt: false };
 * ```
 */
export interface Estate {
  /** Its name. */
  readonly name: string;
  /** Households. */
  readonly households?: number;
  /** Newly built (Beijing's 500 m² 社区服务管理用房 rule applies). */
  readonly newlyBuilt?: boolean;
  /** 社区服务管理用房 floor area, m². */
  readonly serviceRoomArea?: number;
}

/** The statistics fields a rich record derives from its parts (facilities, workers, …) rather than holds. */
/** The statistics fields a rich record derives from its parts (internal). */
export type DerivedFieldKey =
  | 'hasFacility'
  | 'facilityArea'
  | 'activityArea'
  | 'selfServiceTerminal'
  | 'communityWorkers'
  | 'disasterOfficers'
  | 'secretaryIsDirector'
  | 'satisfactionSurveyed'
  | 'resettlement'
  | 'volunteers'
  | PlanTextDerivedKey;

/**
 * The statistics fields a rich record holds as they are (every field of the catalogue but the derived ones): a field
 * added to the catalogue is a field of {@link Unit} too.
 *
 * @example
 * ```ts
 * import type { UnitFieldKey } from 'shequ';
 * const key: UnitFieldKey = 'households';
 * ```
 */
export type UnitFieldKey = Exclude<StatisticsFieldKey, DerivedFieldKey>;

/**
 * A rich record of a 社区 or 村: its statistics and its parts — organisations, facilities, people, services.
 * {@link toUnitStatistics} derives the flat statistics row from it, so the two views never disagree.
 *
 * @example
 * ```ts
 * import type { Unit } from 'shequ';
 * const unit: Unit = {
 *   code: '110101001001', name: '多福巷社区居委会', kind: 'community', households: 1520,
 *   facilities: [{ kind: 'comprehensiveService', floorArea: 620, activityArea: 410 }],
 * };
 * ```
 */
export interface Unit extends Pick<UnitStatistics, UnitFieldKey> {
  /** 社区 (`community`) or 村 (`village`): a rich record is always a unit. */
  readonly kind: UnitKind;
  /** Special types. */
  readonly specialTypes?: readonly SpecialType[];
  /** 小区 inside a community. */
  readonly estates?: readonly Estate[];
  /** Organisation structure and sub-committees. */
  readonly organisations?: Organisations;
  /** The "两委". */
  readonly twoCommittees?: TwoCommittees;
  /** Service facilities. */
  readonly facilities?: readonly Facility[];
  /** 政务通用自助服务 terminals. */
  readonly selfServiceTerminals?: number;
  /** Workers. */
  readonly workers?: readonly Worker[];
  /** Volunteers. */
  readonly volunteers?: readonly Volunteer[];
  /** Service items. */
  readonly services?: readonly ServiceItem[];
  /** 好差评 reviews. */
  readonly reviews?: readonly ServiceReview[];
  /** 群众满意度调查 held. */
  readonly surveys?: readonly SatisfactionSurvey[];
  /** 三项清单 entries. */
  readonly threeLists?: readonly ThreeListEntry[];
  /** 政府购买服务 projects. */
  readonly purchasedServices?: readonly PurchasedService[];
  /** Convenience outlets reachable from the community (Beijing's 一刻钟社区服务圈). */
  readonly convenienceOutlets?: readonly ConvenienceOutlet[];
}

const UNIT_FIELD_KEYS: readonly string[] = STATISTICS_FIELD_KEYS.filter(
  (key) => !Object.hasOwn(FROM_PARTS, key),
);
const UNIT_FIELD_MASK = Object.fromEntries(UNIT_FIELD_KEYS.map((key) => [key, true])) as {
  readonly [Key in UnitFieldKey]: true;
};

/**
 * zod schema of a {@link Unit}. Besides each part's own checks: a member of the structure that exists only in the
 * other kind of unit (a 业主委员会 in a village, a 村务监督委员会 in a community) may not be `present`, and
 * sub-committees belong to 居委会 only. Unknown keys are reported, not dropped.
 *
 * @example
 * ```ts
 * import { unitSchema } from 'shequ';
 * unitSchema.safeParse({
 *   code: '130123100201', kind: 'village',
 *   organisations: { members: { ownersCommittee: { status: 'present' } } },
 * }).success;
 * //=> false
 * ```
 */
export const unitSchema: z.ZodType<Unit> = /* @__PURE__ */ treeShakable(() =>
  z
    .strictObject({
      ...z.object(unitStatisticsShape).pick(UNIT_FIELD_MASK).shape,
      // A rich record is a 社区 or 村: the statistics row's wider kinds (township, district, totals) are not its own.
      kind: unitKindSchema,
      specialTypes: z.array(enumOf(SPECIAL_TYPE_LABELS)).exactOptional(),
      estates: z
        .array(
          z.strictObject({
            name: z.string(),
            households: countSchema.exactOptional(),
            newlyBuilt: z.boolean().exactOptional(),
            serviceRoomArea: areaSchema.exactOptional(),
          }),
        )
        .exactOptional(),
      organisations: organisationsSchema.exactOptional(),
      twoCommittees: twoCommitteesSchema.exactOptional(),
      facilities: z.array(facilitySchema).exactOptional(),
      selfServiceTerminals: countSchema.exactOptional(),
      workers: z.array(workerSchema).exactOptional(),
      volunteers: z.array(volunteerSchema).exactOptional(),
      services: z.array(serviceSchemas.item).exactOptional(),
      reviews: z.array(serviceSchemas.review).exactOptional(),
      surveys: z.array(serviceSchemas.survey).exactOptional(),
      threeLists: z.array(serviceSchemas.threeList).exactOptional(),
      purchasedServices: z.array(serviceSchemas.purchased).exactOptional(),
      convenienceOutlets: z.array(enumOf(CONVENIENCE_OUTLET_LABELS)).exactOptional(),
    })
    .superRefine(...notAbove(NOT_ABOVE.filter((pair) => UNIT_FIELD_KEYS.includes(pair.part))))
    .superRefine(checkStructureKind, {
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    })
    .superRefine(
      (unit, ctx) => {
        for (const issue of kindIssues(unit as Record<string, unknown>)) ctx.addIssue(issue);
      },
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
);

/** A member that exists only in the other kind of unit may not be present; sub-committees are 居委会's. */
function checkStructureKind(value: object, ctx: z.RefinementCtx): void {
  const unit = value as Partial<Unit>;
  if (unit.kind !== 'community' && unit.kind !== 'village') return;
  const members = unit.organisations?.members ?? {};
  for (const [role, member] of Object.entries(members) as [
    keyof typeof ORGANISATION_ROLE_LABELS,
    { status?: string },
  ][]) {
    const only = ROLE_KIND[role];
    if (only !== undefined && only !== unit.kind && member?.status === 'present') {
      const label = ORGANISATION_ROLE_LABELS[role];
      ctx.addIssue({
        code: 'custom',
        path: ['organisations', 'members', role],
        message: `A ${unit.kind} cannot have a ${label.en}; mark it notApplicable`,
        params: {
          shequCode: 'invalid_value',
          zh: `${unit.kind === 'village' ? '村' : '社区'}不应设有${label.zh}，应标为不适用`,
        },
      });
    }
  }
  if (unit.kind === 'village') {
    for (const [name, member] of Object.entries(unit.organisations?.subCommittees ?? {})) {
      if ((member as { status?: string } | undefined)?.status === 'present') {
        ctx.addIssue({
          code: 'custom',
          path: ['organisations', 'subCommittees', name],
          message: "Sub-committees belong to residents' committees, not to villages",
          params: { shequCode: 'invalid_value', zh: '下属委员会属于居民委员会，村不应设有' },
        });
      }
    }
  }
}
