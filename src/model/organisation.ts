import * as z from 'zod';
import { creditCodeSchema } from '../codes/schemas.js';
import type { LocalizedText } from '../core/issue.js';
import { treeShakable } from '../core/tree-shakable.js';
import { enumOf } from './labelled-enum.js';
import { isoDateSchema } from './primitives.js';

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
 * Labels of each {@link MemberStatus}.
 *
 * @example
 * ```ts
 * import { MEMBER_STATUS_LABELS } from 'shequ';
 * MEMBER_STATUS_LABELS.notApplicable.zh;
 * //=> '不适用'
 * ```
 */
export const MEMBER_STATUS_LABELS: Readonly<Record<MemberStatus, LocalizedText>> = {
  present: { zh: '已建立', en: 'present' },
  absent: { zh: '未建立', en: 'absent' },
  notApplicable: { zh: '不适用', en: 'not applicable' },
};

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
 * Labels of each {@link OrganisationRole}.
 *
 * @example
 * ```ts
 * import { ORGANISATION_ROLE_LABELS } from 'shequ';
 * ORGANISATION_ROLE_LABELS.supervisionCommittee.zh;
 * //=> '村务监督委员会'
 * ```
 */
export const ORGANISATION_ROLE_LABELS: Readonly<Record<OrganisationRole, LocalizedText>> = {
  partyOrganization: { zh: '社区（村）党组织', en: 'Party organisation' },
  residentsCommittee: { zh: '居民委员会', en: "residents' committee" },
  ownersCommittee: { zh: '业主委员会（物业管理委员会）', en: "owners' committee" },
  propertyCompany: { zh: '物业服务企业', en: 'property service company' },
  buildingLeaders: { zh: '楼门（栋）长', en: 'building leaders' },
  serviceStation: { zh: '综合服务站', en: 'comprehensive service station' },
  villagersCommittee: { zh: '村民委员会', en: "villagers' committee" },
  supervisionCommittee: { zh: '村务监督委员会', en: 'village affairs supervision committee' },
  economicCooperative: { zh: '经济合作社', en: 'economic cooperative' },
  partyBuildingCouncil: { zh: '党建工作协调委员会', en: 'Party-building coordination council' },
};

/**
 * The urban 六位一体 (seed 002 二(三)): 社区党组织, 居民委员会, 业主委员会, 物业服务企业, 楼门长, 综合服务站.
 *
 * @example
 * ```ts
 * import { URBAN_STRUCTURE } from 'shequ';
 * URBAN_STRUCTURE.length;
 * //=> 6
 * ```
 */
export const URBAN_STRUCTURE: readonly OrganisationRole[] = [
  'partyOrganization',
  'residentsCommittee',
  'ownersCommittee',
  'propertyCompany',
  'buildingLeaders',
  'serviceStation',
];

/**
 * The rural 五位一体 (seed 002 二(三)): 村党组织, 村民委员会, 村务监督委员会, 综合服务站, 经济合作社.
 *
 * @example
 * ```ts
 * import { RURAL_STRUCTURE } from 'shequ';
 * RURAL_STRUCTURE.includes('economicCooperative');
 * //=> true
 * ```
 */
export const RURAL_STRUCTURE: readonly OrganisationRole[] = [
  'partyOrganization',
  'villagersCommittee',
  'supervisionCommittee',
  'serviceStation',
  'economicCooperative',
];

/**
 * Roles that exist only in urban communities (居委会) or only in villages (村委会). A unit of the other kind may
 * mark them `notApplicable`, never `present`.
 *
 * @example
 * ```ts
 * import { ROLE_KIND } from 'shequ';
 * ROLE_KIND.ownersCommittee;
 * //=> 'community'
 * ```
 */
export const ROLE_KIND: Readonly<Partial<Record<OrganisationRole, 'community' | 'village'>>> = {
  residentsCommittee: 'community',
  ownersCommittee: 'community',
  propertyCompany: 'community',
  villagersCommittee: 'village',
  supervisionCommittee: 'village',
  economicCooperative: 'village',
};

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
 * Labels of each {@link SubCommittee}.
 *
 * @example
 * ```ts
 * import { SUB_COMMITTEE_LABELS } from 'shequ';
 * SUB_COMMITTEE_LABELS.peopleMediation.zh;
 * //=> '人民调解委员会'
 * ```
 */
export const SUB_COMMITTEE_LABELS: Readonly<Record<SubCommittee, LocalizedText>> = {
  publicHealth: { zh: '公共卫生委员会', en: 'public health committee' },
  publicSecurity: { zh: '治安保卫委员会', en: 'public security committee' },
  peopleMediation: { zh: '人民调解委员会', en: "people's mediation committee" },
  eldersWomenChildren: {
    zh: '老年人和妇女儿童工作委员会',
    en: 'committee for the elderly, women and children',
  },
};

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
