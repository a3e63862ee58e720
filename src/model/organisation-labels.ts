import type { LocalizedText } from '../core/issue.js';
import type { MemberStatus, OrganisationRole, SubCommittee } from './organisation.js';

// The label tables and structures of the organisations, without zod: the rules import them, and the rule catalogue
// must not load zod (the command line's start-up, issue 13). organisation.ts, with the schemas, re-exports them.

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
