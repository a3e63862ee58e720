import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type AnyRule, RULE_PROFILES, validate } from '../../src/index.js';
import {
  BEIJING_RULES,
  HEBEI_RULES,
  LAW_AND_CODE_RULES,
  NATIONAL_PLAN_RULES,
} from '../../src/standards/catalogue.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';
import { beijingCommunity } from '../fixtures/beijing-community.js';

type Jurisdiction = 'national' | 'beijing' | 'hebei';

/** The jurisdictions of the documents a citation names (a provincial plan names its province). */
function jurisdictions(document: string): Set<Jurisdiction> {
  const found = new Set<Jurisdiction>();
  for (const part of document.split(';')) {
    if (part.includes('河北')) found.add('hebei');
    else if (part.includes('北京')) found.add('beijing');
    else found.add('national');
  }
  return found;
}

const ALLOWED: Record<string, readonly Jurisdiction[]> = {
  national: ['national'],
  beijing: ['national', 'beijing'],
  hebei: ['national', 'hebei'],
};

const cites = (rule: AnyRule) => jurisdictions(rule.source.document);

describe('citations follow the jurisdiction of the rule (issue 14, 1)', () => {
  it('every rule of every profile cites a document of the profile’s jurisdiction or the nation', () => {
    for (const [name, profile] of Object.entries(RULE_PROFILES)) {
      for (const rule of profile.rules) {
        for (const jurisdiction of cites(rule))
          expect(ALLOWED[name], `${name}: ${rule.id} cites ${rule.source.document}`).toContain(jurisdiction);
      }
    }
  });

  it('national and law/code rules cite national documents; each province’s rules cite its plan', () => {
    for (const rule of [...NATIONAL_PLAN_RULES, ...LAW_AND_CODE_RULES])
      expect([...cites(rule)], rule.id).toEqual(['national']);
    for (const rule of HEBEI_RULES) expect([...cites(rule)], rule.id).toEqual(['hebei']);
    for (const rule of BEIJING_RULES) expect(cites(rule).has('beijing'), rule.id).toBe(true);
    for (const rule of BEIJING_RULES) expect(cites(rule).has('hebei'), rule.id).toBe(false);
  });

  it('a profile holds one version of a rule per period: the province’s own replaces the national one', () => {
    for (const profile of Object.values(RULE_PROFILES)) {
      const keys = profile.rules.map(
        (rule) => `${rule.id} ${rule.effective.from ?? ''}–${rule.effective.to ?? ''}`,
      );
      expect(new Set(keys).size, profile.id).toBe(keys.length);
    }
    const hebeiArea = RULE_PROFILES.hebei.rules.find((rule) => rule.id === 'facility.areaPer100Households');
    expect(hebeiArea && [...cites(hebeiArea)]).toEqual(['hebei']);
  });

  test.prop([fc.array(unitStatisticsArbitrary(), { maxLength: 20 })])(
    'validate: no finding under the Beijing or national profile cites Hebei, none under Hebei cites Beijing',
    (units) => {
      for (const [profile, foreign] of [
        ['beijing', '河北'],
        ['national', '河北'],
        ['national', '北京'],
        ['hebei', '北京'],
      ] as const) {
        const { findings } = validate([...units, beijingCommunity], { profile, asOf: '2025-12-31' });
        for (const finding of findings) expect(finding.source.document).not.toContain(foreign);
      }
    },
  );

  it('regression: a Beijing community short of facility area cites the national plan under the Beijing profile', () => {
    const unit = {
      code: '110105001001',
      kind: 'community' as const,
      hasFacility: true,
      households: 1000,
      facilityArea: 100,
    };
    const [finding] = validate([unit], { profile: 'beijing', asOf: '2025-12-31' }).findings.filter(
      (f) => f.rule === 'facility.areaPer100Households',
    );
    expect(finding?.source.document).toContain('国办发〔2021〕56号');
    expect(finding?.source.document).not.toContain('河北');
  });
});

describe('scope of the Hebei area rules: urban communities (issue 14, 5)', () => {
  const short = {
    hasFacility: true,
    households: 1000,
    facilityArea: 100,
    newlyBuilt: true,
    totalFloorArea: 1000,
    commercialServiceArea: 50,
  };
  const rulesFor = (kind: 'community' | 'village', profile: 'hebei' | 'national') =>
    validate([{ code: kind === 'community' ? '130123100001' : '130123100201', kind, ...short }], {
      profile,
      asOf: '2025-12-31',
    })
      .findings.filter(
        (f) => f.rule === 'facility.areaPer100Households' || f.rule === 'facility.newCommercialShare',
      )
      .map((f) => [f.rule, jurisdictions(f.source.document).has('hebei') ? 'hebei' : 'national']);

  it('Hebei: a community is checked against the Hebei plan, a village is not checked at all', () => {
    expect(rulesFor('community', 'hebei')).toEqual([
      ['facility.areaPer100Households', 'hebei'],
      ['facility.newCommercialShare', 'hebei'],
    ]);
    expect(rulesFor('village', 'hebei')).toEqual([]);
    const summary = validate([{ code: '130123100201', kind: 'village', ...short }], {
      profile: 'hebei',
      asOf: '2025-12-31',
    }).summary.byRule;
    expect(summary['facility.areaPer100Households']).toMatchObject({ checked: 0, notApplicable: 1 });
  });

  it('national: the area per 100 households counts villages too (indicator 4), the new-community share does not', () => {
    expect(rulesFor('village', 'national')).toEqual([['facility.areaPer100Households', 'national']]);
    expect(rulesFor('community', 'national')).toEqual([
      ['facility.areaPer100Households', 'national'],
      ['facility.newCommercialShare', 'national'],
    ]);
  });
});

describe('facility.exists cites the national target (issue 14, 2)', () => {
  it('cites the national plan for the 80 %, in the rule and in the village message', () => {
    const rule = RULE_PROFILES.hebei.rules.find((r) => r.id === 'facility.exists');
    expect(rule && [...cites(rule)]).toEqual(['national']);
    expect(rule?.source.quote).toContain('80%以上');
    const [village] = validate([{ code: '130123100201', kind: 'village', hasFacility: false }], {
      profile: 'hebei',
      asOf: '2025-12-31',
    }).findings.filter((f) => f.rule === 'facility.exists');
    expect(village).toMatchObject({ severity: 'warning' });
    expect(village?.message.zh).toContain('国家规划');
    expect(village?.message.en).toContain('national plan');
  });
});
