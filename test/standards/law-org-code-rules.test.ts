import { describe, expect, it } from 'vitest';
import { beijingDivisions } from '../../src/divisions/beijing.js';
import { RULES, type Rule, type Unit, type UnitStatistics, validate } from '../../src/index.js';
import { status } from './helpers.js';

const V = { code: '130123100201', kind: 'village' } as const;
const C = { code: '110101001001', kind: 'community' } as const;

/** The findings of one rule for one unit through `validate`, so that the version in force is the one applied. */
function findingsOf(
  ruleId: string,
  units: readonly (UnitStatistics | Unit)[],
  asOf: string,
  profile: 'national' | 'hebei' | 'beijing' = 'national',
) {
  return validate(units, { asOf, profile })
    .findings.filter((f) => f.rule === ruleId)
    .map((f) => [f.path.join('.'), f.severity, f.expected]);
}

describe('law.residentsCommitteeHouseholds (date-dependent)', () => {
  it('uses 100–700 on 2025-12-31 and 1 000–3 000 on 2026-01-01', () => {
    const unit = { ...C, households: 1500 };
    expect(findingsOf('law.residentsCommitteeHouseholds', [unit], '2025-12-31')).toEqual([
      ['households', 'warning', '100–700'],
    ]);
    expect(findingsOf('law.residentsCommitteeHouseholds', [unit], '2026-01-01')).toEqual([]);
    const small = { ...C, households: 700 };
    expect(findingsOf('law.residentsCommitteeHouseholds', [small], '2025-12-31')).toEqual([]);
    expect(findingsOf('law.residentsCommitteeHouseholds', [small], '2026-01-01')).toEqual([
      ['households', 'warning', '1000–3000'],
    ]);
  });
  it('passes at both ends of each range', () => {
    const [old, current] = RULES.residentsCommitteeHouseholds as [Rule, Rule];
    for (const households of [100, 700]) expect(status(old, { ...C, households })).toBe('passed');
    for (const households of [99, 701])
      expect(status(old, { ...C, households })).toEqual([['households', 'warning']]);
    for (const households of [1000, 3000]) expect(status(current, { ...C, households })).toBe('passed');
    for (const households of [999, 3001])
      expect(status(current, { ...C, households })).toEqual([['households', 'warning']]);
    expect(status(old, C)).toBe('not-checked');
  });
  it('does not apply to villages', () => {
    expect(
      validate([{ ...V, households: 5000 }], { asOf: '2025-12-31' }).summary.byRule[
        'law.residentsCommitteeHouseholds'
      ],
    ).toMatchObject({ notApplicable: 1, findings: 0 });
  });
});

describe('law.residentsCommitteeMembers and law.villagersCommitteeMembers', () => {
  const members = (n: number) => Array.from({ length: n }, () => ({ roles: ['committeeMember' as const] }));
  it('residents: 5–9 is an error under the 2018 text, a warning from 2026-01-01', () => {
    const few = { ...C, twoCommittees: { members: members(4) } };
    expect(findingsOf('law.residentsCommitteeMembers', [few], '2025-12-31')).toEqual([
      ['twoCommittees.members', 'error', '5–9'],
    ]);
    expect(findingsOf('law.residentsCommitteeMembers', [few], '2026-01-01')).toEqual([
      ['twoCommittees.members', 'warning', '5–9'],
    ]);
    expect(
      findingsOf(
        'law.residentsCommitteeMembers',
        [{ ...C, twoCommittees: { members: members(5) } }],
        '2025-12-31',
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        'law.residentsCommitteeMembers',
        [{ ...C, twoCommittees: { members: members(9) } }],
        '2025-12-31',
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        'law.residentsCommitteeMembers',
        [{ ...C, twoCommittees: { members: members(10) } }],
        '2025-12-31',
      ),
    ).toHaveLength(1);
  });
  it('falls back to the committee member count of the structure', () => {
    const unit: Unit = {
      ...C,
      organisations: { members: { residentsCommittee: { status: 'present', memberCount: 11 } } },
    };
    expect(findingsOf('law.residentsCommitteeMembers', [unit], '2025-12-31')).toEqual([
      ['organisations.members.residentsCommittee.memberCount', 'error', '5–9'],
    ]);
  });
  it('villagers: 3–7', () => {
    const rule = RULES.villagersCommitteeMembers;
    expect(status(rule, V, { ...V, twoCommittees: { members: members(3) } })).toBe('passed');
    expect(status(rule, V, { ...V, twoCommittees: { members: members(7) } })).toBe('passed');
    expect(status(rule, V, { ...V, twoCommittees: { members: members(8) } })).toEqual([
      ['twoCommittees.members', 'error'],
    ]);
    expect(status(rule, V)).toBe('not-checked');
  });
});

describe('law.termExpiry', () => {
  const rule = RULES.termExpiry;
  const elected = (electionDate: string): Unit => ({ ...V, twoCommittees: { electionDate, members: [] } });
  it('is due five years after the election: the day itself passes, the day after is overdue', () => {
    expect(status(rule, V, elected('2021-01-15'), '2026-01-15')).toBe('passed');
    expect(status(rule, V, elected('2021-01-15'), '2026-01-16')).toEqual([
      ['twoCommittees.electionDate', 'error'],
    ]);
  });
  it('gives terms begun before 2018-12-29 three years', () => {
    expect(status(rule, V, elected('2018-12-28'), '2021-12-28')).toBe('passed');
    expect(status(rule, V, elected('2018-12-28'), '2021-12-29')).toEqual([
      ['twoCommittees.electionDate', 'error'],
    ]);
    expect(status(rule, V, elected('2018-12-29'), '2021-12-29')).toBe('passed');
  });
  it('reads the term start of the committee when there is no election date', () => {
    const unit: Unit = {
      ...C,
      organisations: { members: { residentsCommittee: { status: 'present', termStart: '2019-03-01' } } },
    };
    expect(status(rule, C, unit, '2024-03-02')).toEqual([
      ['organisations.members.residentsCommittee.termStart', 'error'],
    ]);
    expect(status(rule, V)).toBe('not-checked');
    expect(status(rule, V, elected('2030-01-01'), '2025-12-31')).toBe('not-applicable');
  });
});

describe('organisation rules', () => {
  it('org.sixInOne: absent members warn, not-applicable ones do not', () => {
    const unit: Unit = {
      ...C,
      organisations: {
        members: {
          partyOrganization: { status: 'present' },
          residentsCommittee: { status: 'present' },
          ownersCommittee: { status: 'notApplicable' },
          propertyCompany: { status: 'absent' },
          buildingLeaders: { status: 'present' },
        },
      },
    };
    expect(status(RULES.sixInOne, C, unit)).toEqual([
      ['organisations.members.propertyCompany', 'warning'],
      ['organisations.members.serviceStation', 'warning'],
    ]);
    expect(status(RULES.sixInOne, C)).toBe('not-checked');
  });
  it('org.fiveInOne: every member present', () => {
    const present = { status: 'present' as const };
    const all = {
      partyOrganization: present,
      villagersCommittee: present,
      supervisionCommittee: present,
      serviceStation: present,
      economicCooperative: present,
    };
    expect(status(RULES.fiveInOne, V, { ...V, organisations: { members: all } })).toBe('passed');
    expect(
      status(RULES.fiveInOne, V, {
        ...V,
        organisations: { members: { ...all, economicCooperative: { status: 'notApplicable' } } },
      }),
    ).toEqual([['organisations.members.economicCooperative', 'warning']]);
  });
  it('org.subCommittees: three until 2025, four from 2026-01-01 (2025 law)', () => {
    const three: Unit = {
      ...C,
      organisations: {
        subCommittees: {
          publicHealth: { status: 'present' },
          publicSecurity: { status: 'present' },
          peopleMediation: { status: 'present' },
        },
      },
    };
    expect(findingsOf('org.subCommittees', [three], '2025-12-31', 'beijing')).toEqual([]);
    expect(findingsOf('org.subCommittees', [three], '2026-01-01', 'beijing')).toEqual([
      [
        'organisations.subCommittees',
        'warning',
        'publicHealth, publicSecurity, peopleMediation, eldersWomenChildren',
      ],
    ]);
  });
  it('org.qualificationReview: pending and failed members are errors', () => {
    const unit: Unit = {
      ...V,
      twoCommittees: {
        members: [
          { roles: ['director'], qualificationReview: 'passed' },
          { roles: ['committeeMember'], qualificationReview: 'failed' },
          { roles: ['committeeMember'] },
        ],
      },
    };
    expect(status(RULES.qualificationReview, V, unit)).toEqual([
      ['twoCommittees.members.1.qualificationReview', 'error'],
    ]);
    expect(
      status(RULES.qualificationReview, V, { ...V, twoCommittees: { members: [{ roles: ['director'] }] } }),
    ).toBe('not-checked');
    expect(
      status(RULES.qualificationReview, V, {
        ...V,
        twoCommittees: { members: [{ roles: ['director'], qualificationReview: 'passed' }] },
      }),
    ).toBe('passed');
  });
});

describe('code rules', () => {
  it('code.division: structure and level', () => {
    expect(status(RULES.division, V)).toBe('passed');
    expect(status(RULES.division, { ...V, code: '130123100000' })).toEqual([['code', 'error']]);
    expect(status(RULES.division, { ...V, code: '13012310020' })).toEqual([['code', 'error']]);
    expect(status(RULES.division, { ...V, code: 130123100201 as unknown as string })).toEqual([
      ['code', 'error'],
    ]);
  });
  it('code.divisionSegment: kind against the segment range', () => {
    expect(status(RULES.divisionSegment, V)).toBe('passed');
    expect(status(RULES.divisionSegment, { ...V, code: '130123100199' })).toEqual([['code', 'warning']]);
    expect(status(RULES.divisionSegment, { ...C, code: '110101001200' })).toEqual([['code', 'warning']]);
    expect(status(RULES.divisionSegment, { ...V, code: '130123100498' })).toEqual([['code', 'info']]);
    expect(status(RULES.divisionSegment, { ...V, code: 'x' })).toBe('not-applicable');
  });
  it('code.divisionKnown: a warning when absent from the given list', () => {
    const report = validate([C, { ...C, code: '110101001999' }], {
      asOf: '2025-12-31',
      divisions: beijingDivisions,
    });
    expect(
      report.findings.filter((f) => f.rule === 'code.divisionKnown').map((f) => [f.unit, f.severity]),
    ).toEqual([['110101001999', 'warning']]);
    expect(status(RULES.divisionKnown, C)).toBe('not-checked');
  });
  it('code.idNumber: every person, no number in the message', () => {
    const unit: Unit = {
      ...V,
      workers: [{ roles: ['gridWorker'], idNumber: '110105194912310021' }],
      volunteers: [{ idNumber: '11010519491231002X' }],
    };
    expect(status(RULES.idNumber, V, unit)).toEqual([['workers.0.idNumber', 'error']]);
    const report = validate([unit], { asOf: '2025-12-31' });
    expect(JSON.stringify(report)).not.toContain('110105194912310021');
    expect(status(RULES.idNumber, V, { ...V, workers: [{ roles: ['gridWorker'] }] })).toBe('not-applicable');
    expect(status(RULES.idNumber, V)).toBe('not-checked');
  });
  it('code.creditCode: invalid is an error, a prefix unfit for the organisation a warning', () => {
    const unit: Unit = {
      ...C,
      organisations: {
        members: {
          propertyCompany: { status: 'present', creditCode: '914403001922038216' },
          residentsCommittee: { status: 'present', creditCode: '914403001922038216' },
          ownersCommittee: { status: 'present', creditCode: '914403001922038217' },
        },
      },
    };
    expect(status(RULES.creditCode, C, unit)).toEqual([
      ['organisations.members.residentsCommittee.creditCode', 'warning'],
      ['organisations.members.ownersCommittee.creditCode', 'error'],
    ]);
    expect(
      status(RULES.creditCode, C, {
        ...C,
        organisations: { members: { serviceStation: { status: 'present' } } },
      }),
    ).toBe('not-applicable');
    expect(status(RULES.creditCode, C)).toBe('not-checked');
  });
});
