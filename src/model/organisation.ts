import * as z from 'zod';
import { creditCodeSchema } from '../codes/schemas.js';
import { treeShakable } from '../core/tree-shakable.js';
import { enumOf } from './labelled-enum.js';
import {
  MEMBER_STATUS_LABELS,
  ORGANISATION_ROLE_LABELS,
  SUB_COMMITTEE_LABELS,
} from './organisation-labels.js';
import { isoDateSchema } from './primitives.js';

export {
  MEMBER_STATUS_LABELS,
  ORGANISATION_ROLE_LABELS,
  ROLE_KIND,
  RURAL_STRUCTURE,
  SUB_COMMITTEE_LABELS,
  URBAN_STRUCTURE,
} from './organisation-labels.js';

/**
 * Whether a member of an organisation structure exists: `present`, `absent` (should exist, does not), or
 * `notApplicable` (cannot exist here, e.g. no 业主委员会 in an old neighbourhood without owners' associations).
 *
 * @example
 * ```ts
 * import type { MemberStatus } from 'shequ';
 * const status: MemberStatus = 'notApplicable';
 * ```
 */
export type MemberStatus = 'present' | 'absent' | 'notApplicable';

/**
 * The roles of a unit's organisation structure: the urban 六位一体, the rural 五位一体 and Beijing's 党建工作协调委员会.
 *
 * @example
 * ```ts
 * import type { OrganisationRole } from 'shequ';
 * const role: OrganisationRole = 'propertyCompany';
 * ```
 */
export type OrganisationRole =
  | 'partyOrganization'
  | 'residentsCommittee'
  | 'ownersCommittee'
  | 'propertyCompany'
  | 'buildingLeaders'
  | 'serviceStation'
  | 'villagersCommittee'
  | 'supervisionCommittee'
  | 'economicCooperative'
  | 'partyBuildingCouncil';

/**
 * One member of an organisation structure.
 *
 * @example
 * ```ts
 * import type { OrganisationMember } from 'shequ';
 * const company: OrganisationMember = { status: 'present', name: '示例物业', creditCode: '914403001922038216' };
 * ```
 */
export interface OrganisationMember {
  /** Whether it exists. */
  readonly status: MemberStatus;
  /** Its name. */
  readonly name?: string;
  /** 统一社会信用代码, for legal persons. */
  readonly creditCode?: string;
  /** Name of its head (负责人). */
  readonly head?: string;
  /** Number of members. */
  readonly memberCount?: number;
  /** Start of the current term, `'YYYY-MM-DD'`. */
  readonly termStart?: string;
}

/**
 * zod schema of an {@link OrganisationMember}.
 *
 * @example
 * ```ts
 * import { organisationMemberSchema } from 'shequ';
 * organisationMemberSchema.safeParse({ status: 'absent' }).success;
 * //=> true
 * ```
 */
export const organisationMemberSchema: z.ZodType<OrganisationMember> = /* @__PURE__ */ treeShakable(() =>
  z.strictObject({
    status: enumOf(MEMBER_STATUS_LABELS),
    name: z.string().exactOptional(),
    creditCode: creditCodeSchema.exactOptional(),
    head: z.string().exactOptional(),
    memberCount: z.int().nonnegative().exactOptional(),
    termStart: isoDateSchema.exactOptional(),
  }),
);

/**
 * The sub-committees of a 居民委员会: 公共卫生, 治安保卫, 人民调解 (Beijing, seed 000 三(八), 三(十)), and the
 * 老年人和妇女儿童工作 committee added by the 2025 revision of the law.
 *
 * @example
 * ```ts
 * import type { SubCommittee } from 'shequ';
 * const committee: SubCommittee = 'publicHealth';
 * ```
 */
export type SubCommittee = 'publicHealth' | 'publicSecurity' | 'peopleMediation' | 'eldersWomenChildren';

/**
 * A unit's organisations: the members of its structure by role, and a 居委会's sub-committees.
 *
 * @example
 * ```ts
 * import type { Organisations } from 'shequ';
 * const organisations: Organisations = {
 *   members: { partyOrganization: { status: 'present' }, ownersCommittee: { status: 'absent' } },
 *   subCommittees: { publicHealth: { status: 'present' } },
 * };
 * ```
 */
export interface Organisations {
  /** Members of the structure (六位一体 / 五位一体 and others), by role. */
  readonly members?: Readonly<Partial<Record<OrganisationRole, OrganisationMember>>>;
  /** Sub-committees of a 居民委员会. */
  readonly subCommittees?: Readonly<Partial<Record<SubCommittee, OrganisationMember>>>;
}

const roles = Object.keys(ORGANISATION_ROLE_LABELS) as OrganisationRole[];
const subCommittees = Object.keys(SUB_COMMITTEE_LABELS) as SubCommittee[];

/**
 * zod schema of {@link Organisations}. Unknown roles are reported (`unrecognized_key`), not dropped.
 *
 * @example
 * ```ts
 * import { organisationsSchema } from 'shequ';
 * organisationsSchema.safeParse({ members: { serviceStation: { status: 'present' } } }).success;
 * //=> true
 * ```
 */
export const organisationsSchema: z.ZodType<Organisations> = /* @__PURE__ */ treeShakable(
  () =>
    z.strictObject({
      members: z
        .strictObject(
          Object.fromEntries(roles.map((role) => [role, organisationMemberSchema.exactOptional()])),
        )
        .exactOptional(),
      subCommittees: z
        .strictObject(
          Object.fromEntries(subCommittees.map((name) => [name, organisationMemberSchema.exactOptional()])),
        )
        .exactOptional(),
    }) as z.ZodType<Organisations>,
);
