import type { OrganisationRole, SubCommittee } from '../../model/organisation.js';
import {
  ORGANISATION_ROLE_LABELS,
  RURAL_STRUCTURE,
  SUB_COMMITTEE_LABELS,
  URBAN_STRUCTURE,
} from '../../model/organisation-labels.js';
import { failed, notChecked, passed } from '../outcomes.js';
import type { Rule, RuleFailure } from '../types.js';
import { BEIJING_PLAN, HEBEI_PLAN, RESIDENTS_LAW_2025 } from './sources.js';

function structureRule(
  id: string,
  kind: 'community' | 'village',
  roles: readonly OrganisationRole[],
  allowNotApplicable: boolean,
): Rule {
  const name =
    kind === 'community' ? { zh: '六位一体', en: 'six-in-one' } : { zh: '五位一体', en: 'five-in-one' };
  return {
    id,
    title: {
      zh: `${kind === 'community' ? '城市社区' : '农村'}"${name.zh}"组织体系健全`,
      en: `${kind === 'community' ? 'Urban' : 'Rural'} ${name.en} organisation structure complete`,
    },
    appliesTo: { kinds: [kind] },
    severity: 'warning',
    parameters: { roles },
    parameterValues: { roles: Object.keys(ORGANISATION_ROLE_LABELS) },
    effective: {},
    source: {
      document: HEBEI_PLAN,
      section: '二(三)',
      quote:
        kind === 'community'
          ? '城市社区党组织、居民委员会、业主委员会、物业服务企业、楼门长、综合服务站“六位一体”'
          : '农村党支部、村民委员会、村务监督委员会、综合服务站、经济合作社“五位一体”',
    },
    check: ({ unit, parameters }) => {
      const members = unit?.organisations?.members;
      if (members === undefined)
        return notChecked('无组织体系数据（仅完整记录）', 'no organisation data (rich records only)');
      const failures: RuleFailure[] = [];
      for (const role of parameters.roles as readonly OrganisationRole[]) {
        const status = members[role]?.status;
        if (status === 'present' || (allowNotApplicable && status === 'notApplicable')) continue;
        const label = ORGANISATION_ROLE_LABELS[role];
        failures.push({
          path: ['organisations', 'members', role],
          message:
            status === undefined
              ? { zh: `未登记${label.zh}情况`, en: `${label.en}: not recorded` }
              : { zh: `${label.zh}未建立`, en: `${label.en}: absent` },
          expected: allowNotApplicable ? 'present or notApplicable' : 'present',
          actual: status ?? null,
        });
      }
      return failures.length === 0 ? passed : { status: 'failed', failures };
    },
  };
}

/** org.sixInOne — Hebei: every member of the urban 六位一体 present or marked not applicable. */
export const sixInOne: Rule = structureRule('org.sixInOne', 'community', URBAN_STRUCTURE, true);

/** org.fiveInOne — Hebei: every member of the rural 五位一体 present. */
export const fiveInOne: Rule = structureRule('org.fiveInOne', 'village', RURAL_STRUCTURE, false);

function subCommitteeRule(version: {
  from?: string;
  to?: string;
  required: readonly SubCommittee[];
  quote: string;
  document: string;
  section: string;
}): Rule {
  return {
    id: 'org.subCommittees',
    title: { zh: '居民委员会下设委员会健全', en: "Residents' committee sub-committees in place" },
    appliesTo: { kinds: ['community'] },
    severity: 'warning',
    parameters: { required: version.required },
    parameterValues: { required: Object.keys(SUB_COMMITTEE_LABELS) },
    effective: {
      ...(version.from === undefined ? {} : { from: version.from }),
      ...(version.to === undefined ? {} : { to: version.to }),
    },
    source: { document: version.document, section: version.section, quote: version.quote },
    check: ({ unit, parameters }) => {
      const subCommittees = unit?.organisations?.subCommittees;
      if (subCommittees === undefined)
        return notChecked('无下属委员会数据（仅完整记录）', 'no sub-committee data (rich records only)');
      const missing = (parameters.required as readonly SubCommittee[]).filter(
        (name) => subCommittees[name]?.status !== 'present',
      );
      if (missing.length === 0) return passed;
      return failed(
        ['organisations', 'subCommittees'],
        {
          zh: `缺少：${missing.map((m) => SUB_COMMITTEE_LABELS[m].zh).join('、')}`,
          en: `Missing: ${missing.map((m) => SUB_COMMITTEE_LABELS[m].en).join(', ')}`,
        },
        (parameters.required as readonly string[]).join(', '),
        missing.join(', '),
      );
    },
  };
}

/** The Beijing plan's three passages on the residents' committees' sub-committees, verbatim. */
const BEIJING_SUB_COMMITTEES =
  '推进健康社区和居（村）民委员会下属公共卫生委员会建设 … 加强居（村）民委员会下属治安保卫委员会建设 … 巩固充实居（村）民委员会下属人民调解委员会';

/** org.subCommittees — Beijing: 公共卫生, 治安保卫, 人民调解; from 2026 also 老年人和妇女儿童工作 (2025 law). */
export const subCommittees: readonly Rule[] = [
  subCommitteeRule({
    to: '2025-12-31',
    required: ['publicHealth', 'publicSecurity', 'peopleMediation'],
    document: BEIJING_PLAN,
    section: '三(八), 三(十)',
    quote: BEIJING_SUB_COMMITTEES,
  }),
  subCommitteeRule({
    from: '2026-01-01',
    required: ['publicHealth', 'publicSecurity', 'peopleMediation', 'eldersWomenChildren'],
    document: `${BEIJING_PLAN}; ${RESIDENTS_LAW_2025}`,
    section: '三(八), 三(十); the 2025 law adds the 老年人和妇女儿童工作委员会',
    quote: BEIJING_SUB_COMMITTEES,
  }),
];

/** The predicate of org.qualificationReview: every member with a review status has passed it. */
const reviewPassed: Rule['check'] = ({ unit }) => {
  const members = unit?.twoCommittees?.members;
  if (members === undefined)
    return notChecked('无"两委"成员数据（仅完整记录）', 'no two-committee data (rich records only)');
  const failures: RuleFailure[] = [];
  let checked = 0;
  members.forEach((member, i) => {
    if (member.qualificationReview === undefined) return;
    checked++;
    if (member.qualificationReview !== 'passed') {
      failures.push({
        path: ['twoCommittees', 'members', i, 'qualificationReview'],
        message:
          member.qualificationReview === 'failed'
            ? { zh: '资格联审未通过', en: 'Qualification review failed' }
            : { zh: '资格联审尚未完成', en: 'Qualification review pending' },
        expected: 'passed',
        actual: member.qualificationReview,
      });
    }
  });
  if (failures.length > 0) return { status: 'failed', failures };
  return checked > 0 ? passed : notChecked('成员均无资格联审记录', 'no member has a review status');
};

/**
 * org.qualificationReview — Hebei: every "两委" member has passed the 资格联审 (Hebei plan 三(五)1). The Beijing
 * profile uses {@link qualificationReviewBeijing}: the same requirement in the Beijing plan's words.
 */
export const qualificationReview: Rule = {
  id: 'org.qualificationReview',
  title: { zh: '"两委"班子成员资格联审', en: 'Joint qualification review of every two-committee member' },
  appliesTo: {},
  severity: 'error',
  parameters: {},
  effective: {},
  source: {
    document: HEBEI_PLAN,
    section: '三(五)1',
    quote: '全面落实村（社区）“两委”班子成员资格联审机制',
  },
  check: reviewPassed,
};

/** org.qualificationReview, Beijing version: the Beijing plan 六(十七) states the same requirement. */
export const qualificationReviewBeijing: Rule = {
  ...qualificationReview,
  source: {
    document: BEIJING_PLAN,
    section: '六(十七)',
    quote: '全面落实社区（村）“两委”班子成员资格联审机制',
  },
};
