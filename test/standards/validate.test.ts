import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  deriveRuleProfile,
  describeRules,
  groupFindingsByUnit,
  RULE_PROFILES,
  RULES,
  resolveRuleProfile,
  ShequError,
  safeValidate,
  type UnitStatistics,
  validate,
} from '../../src/index.js';
import { datasetArbitrary, unitArbitrary, unitStatisticsArbitrary } from '../../src/testing/index.js';
import { beijingCommunity } from '../fixtures/beijing-community.js';
import { hebeiVillage } from '../fixtures/hebei-village.js';
import { unsurveyedCommunity } from '../fixtures/unsurveyed-community.js';
import { zhengdingCounty } from '../fixtures/zhengding-county.js';

const AS_OF = '2025-12-31';
const unitFindings = (units: readonly unknown[], profile = RULE_PROFILES.hebei) =>
  validate(units as UnitStatistics[], { asOf: AS_OF, profile }).findings.filter((f) => f.index !== null);

describe('validate', () => {
  it('reports findings sorted by unit, errors first, each citing its source', () => {
    const report = validate([...zhengdingCounty, hebeiVillage], { profile: 'hebei', asOf: AS_OF });
    expect(report.asOf).toBe(AS_OF);
    expect(report.profile).toBe('hebei');
    const units = report.findings.map((f) => f.unit);
    expect(units).toEqual([...units].sort());
    for (const finding of report.findings) {
      expect(finding.source.document.length).toBeGreaterThan(0);
      expect(finding.source.quote.length).toBeGreaterThan(0);
      expect(finding.message.zh.length).toBeGreaterThan(0);
      expect(finding.message.en.length).toBeGreaterThan(0);
    }
    const first = report.findings.find((f) => f.unit === '130123100003');
    expect(first).toMatchObject({
      rule: 'facility.exists',
      severity: 'error',
      path: ['hasFacility'],
      index: 2,
    });
    expect([...groupFindingsByUnit(report.findings).keys()]).toEqual([...new Set(units)]);
  });

  it('counts outcomes per rule: checked = passed + failed; every unit accounted for', () => {
    const units = [...zhengdingCounty, hebeiVillage, beijingCommunity];
    const { summary, findings } = validate(units, { profile: 'beijing', asOf: AS_OF });
    expect(summary.units).toBe(units.length);
    expect(summary.findings).toBe(findings.length);
    expect(summary.bySeverity.error + summary.bySeverity.warning + summary.bySeverity.info).toBe(
      findings.length,
    );
    for (const [id, tally] of Object.entries(summary.byRule)) {
      expect(tally.checked).toBe(tally.passed + tally.failed);
      if (id !== 'workers.per10k')
        expect(tally.checked + tally.notChecked + tally.notApplicable).toBe(units.length);
    }
    expect(summary.byRule['code.divisionKnown']).toMatchObject({ notChecked: units.length, checked: 0 });
  });

  it('checks workers per 10 000 urban residents by county on the roll-up, at the boundary', () => {
    const county = (workers: number) => [
      { code: '130123100001', kind: 'community' as const, communityWorkers: workers, residents: 10_000 },
    ];
    // "超过18人": more than 18 — a county at exactly 18.0 falls short (issue 14), 18.1 passes.
    expect(
      validate(county(18), { asOf: AS_OF }).findings.filter((f) => f.rule === 'workers.per10k'),
    ).toMatchObject([{ unit: '130123000000', expected: '> 18', actual: 18 }]);
    expect(
      validate(
        [{ code: '130123100001', kind: 'community' as const, communityWorkers: 181, residents: 100_000 }],
        { asOf: AS_OF },
      ).findings.filter((f) => f.rule === 'workers.per10k'),
    ).toEqual([]);
    expect(
      validate(county(17), { asOf: AS_OF }).findings.filter((f) => f.rule === 'workers.per10k'),
    ).toMatchObject([{ unit: '130123000000', index: null, severity: 'warning', actual: 17 }]);
    expect(
      validate([{ code: '130123100201', kind: 'village' }], { asOf: AS_OF }).summary.byRule['workers.per10k'],
    ).toMatchObject({ notChecked: 1 });
  });

  it('validates datasets, with hierarchy problems as code.division findings', () => {
    const report = validate(
      {
        regions: [{ code: '130123100', name: '正定镇' }],
        units: [hebeiVillage, { code: '130123201202', kind: 'village' }],
      },
      { asOf: AS_OF },
    );
    expect(report.findings.filter((f) => f.rule === 'code.division')).toMatchObject([
      { unit: '130123201202', index: 1, path: ['code'] },
    ]);
  });

  it('lists inputs that are not units instead of failing', () => {
    const report = validate([hebeiVillage, null, 42] as never, { asOf: AS_OF });
    expect(report.skipped.map((issue) => issue.path)).toEqual([[1], [2]]);
    expect(report.summary.units).toBe(1);
  });

  it('reports bad options as issues, or throws in validate', () => {
    expect(safeValidate([], { asOf: 'someday' }).success).toBe(false);
    expect(safeValidate([], { profile: 'shanghai' as 'hebei' })).toMatchObject({
      success: false,
      error: { issues: [{ path: ['profile'] }] },
    });
    expect(() => validate([], { profile: 'shanghai' as 'hebei' })).toThrow(ShequError);
    const today = safeValidate([]);
    expect(today.success && today.data.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('keeps the personal numbers out of the report', () => {
    const report = validate([beijingCommunity], { asOf: AS_OF, profile: 'beijing' });
    expect(JSON.stringify(report)).not.toContain('11010519491231002X');
  });
});

describe('rule profiles', () => {
  it('national = national plan + law + code rules; provinces add theirs', () => {
    const ids = (profile: keyof typeof RULE_PROFILES) =>
      new Set(RULE_PROFILES[profile].rules.map((r) => r.id));
    expect([...ids('national')]).toEqual([
      'facility.areaPer100Households',
      'facility.newCommercialShare',
      'facility.activityAreaShare',
      'facility.exists',
      'workers.per10k',
      'law.residentsCommitteeHouseholds',
      'law.residentsCommitteeMembers',
      'law.villagersCommitteeMembers',
      'law.termExpiry',
      'code.division',
      'code.divisionSegment',
      'code.divisionKnown',
      'code.idNumber',
      'code.creditCode',
    ]);
    expect([...ids('hebei')].filter((id) => !ids('national').has(id))).toEqual([
      'facility.newUrbanMinimumArea',
      'facility.resettlementCoverage',
      'workers.disasterOfficer',
      'org.sixInOne',
      'org.fiveInOne',
      'org.qualificationReview',
    ]);
    expect([...ids('beijing')].filter((id) => !ids('national').has(id))).toEqual([
      'facility.newEstateServiceRooms',
      'facility.openingHours',
      'facility.online24h',
      'org.subCommittees',
      'org.qualificationReview',
      'service.satisfactionSurvey',
      'service.convenienceOutlets',
    ]);
  });

  it('derive: change a parameter, a severity, disable or add a rule', () => {
    const strict = deriveRuleProfile(RULE_PROFILES.hebei, {
      id: 'strict',
      parameters: { 'facility.areaPer100Households': { minimum: 35 } },
      severity: { 'facility.activityAreaShare': 'error' },
      disable: ['code.divisionSegment'],
      add: [{ ...RULES.satisfactionSurvey, id: 'district.survey' }],
    });
    // A community: the Hebei area rule is about urban communities (issue 14), so a village would not be checked.
    const unit = unsurveyedCommunity;
    const rules = validate([unit], { profile: strict, asOf: AS_OF }).findings.map((f) => [
      f.rule,
      f.severity,
    ]);
    expect(rules).toEqual([
      ['facility.areaPer100Households', 'error'],
      ['facility.activityAreaShare', 'error'],
      ['district.survey', 'warning'],
    ]);
    expect(validate([unit], { profile: 'hebei', asOf: AS_OF }).findings.map((f) => f.rule)).toEqual([
      'facility.activityAreaShare',
    ]);
    expect(strict.name).toEqual(RULE_PROFILES.hebei.name);
    expect(resolveRuleProfile('toString')).toBeUndefined();
  });

  it('docs/rules.md is up to date (npm run generate:docs)', () => {
    const page = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
    expect(page).toBe(describeRules());
  });
});

describe('validation laws', () => {
  test.prop([datasetArbitrary(6), fc.constantFrom('national', 'hebei', 'beijing' as const)])(
    'never throws on a parsed dataset',
    (dataset, profile) => {
      expect(() => validate(dataset, { profile, asOf: AS_OF })).not.toThrow();
    },
  );

  test.prop([
    fc.array(fc.oneof(unitArbitrary(), unitStatisticsArbitrary()), { maxLength: 8 }),
    fc.oneof(unitArbitrary(), unitStatisticsArbitrary()),
  ])("adding a unit never removes another unit's findings", (units, extra) => {
    const before = unitFindings(units);
    const after = unitFindings([...units, extra]).filter((f) => f.index !== units.length);
    expect(after).toEqual(before);
  });

  test.prop([
    fc.array(fc.oneof(unitArbitrary(), unitStatisticsArbitrary()), { maxLength: 8 }),
    fc.constantFrom(...RULE_PROFILES.beijing.rules.map((r) => r.id)),
  ])('a profile with a rule disabled yields exactly the other findings', (units, disabled) => {
    const all = validate(units, { profile: 'beijing', asOf: AS_OF }).findings;
    const without = validate(units, {
      profile: deriveRuleProfile(RULE_PROFILES.beijing, { id: 'x', disable: [disabled] }),
      asOf: AS_OF,
    }).findings;
    expect(without).toEqual(all.filter((f) => f.rule !== disabled));
  });

  test.prop([fc.array(fc.anything(), { maxLength: 5 })])('never throws on anything', (input) => {
    expect(safeValidate(input as never, { asOf: AS_OF }).success).toBe(true);
  });
});
