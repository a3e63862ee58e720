import { addYearsToIsoDate } from '../../core/as-of.js';
import { numberText } from '../../core/number-text.js';
import { committeeSize } from '../../model/unit-derive.js';
import { failed, notApplicable, notChecked, passed } from '../outcomes.js';
import type { ParameterRange, Rule, RuleContext } from '../types.js';
import { RESIDENTS_LAW_2018, RESIDENTS_LAW_2025, VILLAGERS_LAW } from './sources.js';
import {
  residentsCommitteeHouseholdsTitle,
  residentsCommitteeMembersTitle,
  titled,
  villagersCommitteeMembersTitle,
} from './titles.js';

/** Households of one residents' committee (the texts say 100–700, then 1 000–3 000). */
const HOUSEHOLDS: ParameterRange = { min: 0, max: 100_000, integer: true };
/** Members of one committee (the texts say 5–9 and 3–7). */
const MEMBERS: ParameterRange = { min: 0, max: 100, integer: true };
/** Years of one term (the texts say 5, and 3 before 2018-12-29): a due date stays a four-digit year. */
const TERM_YEARS: ParameterRange = { min: 1, max: 10, integer: true };

const householdRange = (
  from: string | undefined,
  to: string | undefined,
  min: number,
  max: number,
  document: string,
  section: string,
  quote: string,
): Rule => ({
  id: 'law.residentsCommitteeHouseholds',
  ...titled(residentsCommitteeHouseholdsTitle, { min, max }),
  appliesTo: { kinds: ['community'] },
  severity: 'warning',
  parameterRanges: { min: HOUSEHOLDS, max: HOUSEHOLDS },
  effective: { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) },
  source: { document, section, quote },
  check: ({ row, parameters }) => {
    if (row.households === undefined) return notChecked('缺少户数', 'households missing');
    const low = Number(parameters.min);
    const high = Number(parameters.max);
    if (row.households >= low && row.households <= high) return passed;
    // numberText, not a template: the text of a number made by String goes straight to the old generation.
    const households = numberText(row.households);
    return failed(
      ['households'],
      {
        zh: `${households} 户，超出一般设立范围 ${low}–${high} 户`,
        en: `${households} households, outside the usual ${low}–${high}`,
      },
      `${low}–${high}`,
      row.households,
    );
  },
});

/** law.residentsCommitteeHouseholds — 100–700 households until 2025-12-31, 1 000–3 000 from 2026-01-01 ("一般"). */
export const residentsCommitteeHouseholds: readonly Rule[] = [
  householdRange(
    undefined,
    '2025-12-31',
    100,
    700,
    RESIDENTS_LAW_2018,
    '第六条',
    '居民委员会根据居民居住状况，按照便于居民自治的原则，一般在一百户至七百户的范围内设立',
  ),
  householdRange(
    '2026-01-01',
    undefined,
    1000,
    3000,
    RESIDENTS_LAW_2025,
    '第三条',
    '一般在一千户至三千户的范围内设立',
  ),
];

function memberCount(
  { unit }: RuleContext,
  role: 'residentsCommittee' | 'villagersCommittee',
): number | undefined {
  if (unit?.twoCommittees !== undefined && unit.twoCommittees.members.length > 0)
    return committeeSize(unit.twoCommittees);
  return unit?.organisations?.members?.[role]?.memberCount;
}

function memberRule(
  id: string,
  role: 'residentsCommittee' | 'villagersCommittee',
  kind: 'community' | 'village',
  version: {
    from?: string;
    to?: string;
    min: number;
    max: number;
    severity: 'error' | 'warning';
    document: string;
    section: string;
    quote: string;
    confidence?: 'unverified';
  },
): Rule {
  return {
    id,
    ...titled(kind === 'community' ? residentsCommitteeMembersTitle : villagersCommitteeMembersTitle, {
      min: version.min,
      max: version.max,
    }),
    appliesTo: { kinds: [kind] },
    severity: version.severity,
    ...(version.confidence === undefined ? {} : { confidence: version.confidence }),
    parameterRanges: { min: MEMBERS, max: MEMBERS },
    effective: {
      ...(version.from === undefined ? {} : { from: version.from }),
      ...(version.to === undefined ? {} : { to: version.to }),
    },
    source: { document: version.document, section: version.section, quote: version.quote },
    check: (context) => {
      const size = memberCount(context, role);
      if (size === undefined)
        return notChecked('缺少委员会成员人数（仅完整记录）', 'committee size missing (rich records only)');
      const low = Number(context.parameters.min);
      const high = Number(context.parameters.max);
      if (size >= low && size <= high) return passed;
      return failed(
        role === 'residentsCommittee' && context.unit?.twoCommittees === undefined
          ? ['organisations', 'members', role, 'memberCount']
          : ['twoCommittees', 'members'],
        {
          zh: `委员会 ${size} 人，应为 ${low}–${high} 人`,
          en: `${size} committee members; ${low}–${high} required`,
        },
        `${low}–${high}`,
        size,
      );
    },
  };
}

/** law.residentsCommitteeMembers — 5–9 members (2018 text: error; 2026 text unverified: warning). */
export const residentsCommitteeMembers: readonly Rule[] = [
  memberRule('law.residentsCommitteeMembers', 'residentsCommittee', 'community', {
    to: '2025-12-31',
    min: 5,
    max: 9,
    severity: 'error',
    document: RESIDENTS_LAW_2018,
    section: '第七条',
    quote: '居民委员会由主任、副主任和委员共五至九人组成',
  }),
  memberRule('law.residentsCommitteeMembers', 'residentsCommittee', 'community', {
    from: '2026-01-01',
    min: 5,
    max: 9,
    severity: 'warning',
    confidence: 'unverified',
    document: RESIDENTS_LAW_2025,
    section: '(unverified)',
    quote: '成员人数按2018年文本（五至九人），2025年修订文本未核实',
  }),
];

/** law.villagersCommitteeMembers — 3–7 members. */
export const villagersCommitteeMembers: Rule = memberRule(
  'law.villagersCommitteeMembers',
  'villagersCommittee',
  'village',
  {
    min: 3,
    max: 7,
    severity: 'error',
    document: VILLAGERS_LAW,
    section: '第六条',
    quote: '村民委员会由主任、副主任和委员共三至七人组成',
  },
);

/** law.termExpiry — re-election due 5 years after the last (3 for terms begun before 2018-12-29). */
export const termExpiry: Rule = {
  id: 'law.termExpiry',
  title: { zh: '居（村）民委员会按期换届', en: 'Committees re-elected on time' },
  appliesTo: {},
  severity: 'error',
  parameters: { termYears: 5, earlierTermYears: 3, termChange: '2018-12-29' },
  parameterRanges: { termYears: TERM_YEARS, earlierTermYears: TERM_YEARS },
  effective: {},
  source: {
    document: `${RESIDENTS_LAW_2018} 第八条; ${VILLAGERS_LAW} 第十一条`,
    section: '第八条; 第十一条',
    quote: '居民委员会每届任期五年，其成员可以连选连任；村民委员会每届任期五年，届满应当及时举行换届选举',
  },
  check: ({ unit, asOf, parameters, row }) => {
    const role = row.kind === 'community' ? 'residentsCommittee' : 'villagersCommittee';
    const election = unit?.twoCommittees?.electionDate ?? unit?.organisations?.members?.[role]?.termStart;
    if (election === undefined)
      return notChecked('缺少换届选举日期（仅完整记录）', 'election date missing (rich records only)');
    if (election > asOf) return notApplicable;
    const years =
      election < String(parameters.termChange)
        ? Number(parameters.earlierTermYears)
        : Number(parameters.termYears);
    const due = addYearsToIsoDate(election, years);
    if (asOf <= due) return passed;
    return failed(
      unit?.twoCommittees?.electionDate !== undefined
        ? ['twoCommittees', 'electionDate']
        : ['organisations', 'members', role, 'termStart'],
      {
        zh: `上次换届 ${election}，任期 ${years} 年，应于 ${due} 前换届`,
        en: `Last elected ${election}; the ${years}-year term ended ${due}`,
      },
      `re-election by ${due}`,
      election,
    );
  },
};
