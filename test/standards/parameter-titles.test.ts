/**
 * A rule whose title states its parameters ("每百户……不低于30平方米") keeps a true title in a profile that changes them:
 * before, `deriveRuleProfile` and a profile file changed `minimum` to 35 — the findings said "低于 35 平方米" — and the
 * rule kept the title "…不低于30平方米", which every page and table shows above those findings. The title is now made
 * from the parameters as the messages are (`Rule.titleOf`), and a profile that changes them changes it.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { deriveRuleProfile, loadProfile, RULE_PROFILES, type ShequError, validate } from '../../src/index.js';
import { RULES } from '../../src/standards/catalogue.js';
import type { AnyRule, ParameterRange } from '../../src/standards/types.js';

const ALL_RULES: readonly AnyRule[] = Object.values(RULES).flat();

/** The numbers of a rule's parameters as its title would state them: numbers, and the year of a date. */
function statedValues(rule: AnyRule): [string, string][] {
  return Object.entries(rule.parameters).flatMap(([name, value]): [string, string][] => {
    if (typeof value === 'number') return [[name, String(value)]];
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return [[name, value.slice(0, 4)]];
    return [];
  });
}

/** The rules whose title states one of their parameters, with the parameters it states. */
const TITLED = ALL_RULES.flatMap((rule) => {
  const stated = statedValues(rule).filter(([, text]) => rule.title.zh.includes(text));
  return stated.length === 0 ? [] : [{ rule, stated: stated.map(([name]) => name) }];
});

/** The rule of `id` in a profile (its first version). */
const ruleOf = (rules: readonly AnyRule[], id: string) => rules.find((rule) => rule.id === id) as AnyRule;

describe('a rule whose title states its parameters', () => {
  it('has a title made from them, which gives its own title for its own parameters', () => {
    expect(TITLED.map(({ rule }) => rule.id)).toEqual(
      expect.arrayContaining([
        'facility.areaPer100Households',
        'workers.per10k',
        'law.residentsCommitteeHouseholds',
        'facility.resettlementCoverage',
      ]),
    );
    for (const { rule } of TITLED) {
      expect(typeof rule.titleOf, rule.id).toBe('function');
      expect(rule.titleOf?.(rule.parameters)).toEqual(rule.title);
    }
  });

  const numeric = TITLED.map(({ rule, stated }) => ({
    rule,
    stated: stated.filter((name) => typeof rule.parameters[name as never] === 'number'),
  })).filter(({ stated }) => stated.length > 0);

  test.prop([
    fc
      .constantFrom(...numeric)
      .chain(({ rule, stated }) => fc.tuple(fc.constant(rule), fc.constantFrom(...stated))),
    fc.integer({ min: 0, max: 1_000_000 }),
  ])(
    'states the value a derived profile gives, in both languages, as the rule’s messages do',
    ([rule, name], seed) => {
      const range = rule.parameterRanges?.[name] as ParameterRange;
      const span = Math.min(range.max, range.min + 10_000) - range.min;
      const value = range.min + (seed % (span + 1));
      const parameters = { [name]: value };
      const base = RULE_PROFILES.national;
      const inBase = base.rules.some((each) => each.id === rule.id);
      const derived = deriveRuleProfile(base, {
        id: 'x',
        add: inBase ? [] : [rule],
        parameters: { [rule.id]: parameters },
      });
      for (const version of derived.rules.filter((each) => each.id === rule.id)) {
        expect(version.title).toEqual(version.titleOf?.(version.parameters));
        expect(version.title.zh).toContain(String(value));
      }
    },
  );

  it('worked example: 35 m² instead of 30, from deriveRuleProfile and from a profile file', () => {
    const strict = deriveRuleProfile(RULE_PROFILES.hebei, {
      id: 'strict',
      parameters: { 'facility.areaPer100Households': { minimum: 35 } },
    });
    const title = {
      zh: '每百户居民拥有综合服务设施面积不低于35平方米',
      en: 'At least 35 m² of facility floor area per 100 households',
    };
    expect(ruleOf(strict.rules, 'facility.areaPer100Households').title).toEqual(title);
    const loaded = loadProfile({
      id: 'strict',
      extends: 'hebei',
      rules: { parameters: { 'facility.areaPer100Households': { minimum: 35 } } },
    });
    expect(loaded.success && ruleOf(loaded.data.rules.rules, 'facility.areaPer100Households').title).toEqual(
      title,
    );
    // The finding says what the title says.
    const unit = {
      code: '130102001001',
      kind: 'community',
      households: 100,
      hasFacility: true,
      facilityArea: 32,
    } as const;
    const [finding] = validate([unit], { profile: strict, asOf: '2025-12-31' }).findings.filter(
      (each) => each.rule === 'facility.areaPer100Households',
    );
    expect(finding?.message.zh).toBe('每百户综合服务设施面积 32 平方米，低于 35 平方米');
    // Another rule, and the profile's other rules, keep their titles.
    strict.rules.forEach((rule, index) => {
      if (rule.id !== 'facility.areaPer100Households')
        expect(rule.title).toBe(RULE_PROFILES.hebei.rules[index]?.title);
    });
  });

  it('worked example: the region rule’s comparator and the officers a village has', () => {
    const derived = deriveRuleProfile(RULE_PROFILES.hebei, {
      id: 'x',
      parameters: {
        'workers.per10k': { minimum: 20, comparator: '>=' },
        'workers.disasterOfficer': { minimum: 2 },
        'facility.resettlementCoverage': { deadline: '2027-06-30' },
        'law.residentsCommitteeHouseholds': { min: 800, max: 2500 },
      },
    });
    const titles = (id: string) => derived.rules.filter((rule) => rule.id === id).map((rule) => rule.title);
    expect(titles('workers.per10k')).toEqual([
      {
        zh: '每万名城镇常住人口拥有社区工作者不低于20人',
        en: 'At least 20 community workers per 10 000 urban residents',
      },
    ]);
    expect(titles('workers.disasterOfficer')).toEqual([
      {
        zh: '每个村（社区）设置2名灾害信息员',
        en: 'Every village and community has at least 2 disaster information officers',
      },
    ]);
    expect(titles('facility.resettlementCoverage')).toEqual([
      {
        zh: '集中安置社区到2027-06-30建有综合服务设施',
        en: 'Resettlement communities have a facility by 2027-06-30',
      },
    ]);
    // The message of a village short of two officers says how many it has, as the title says two.
    const village = { code: '130123100201', kind: 'village', disasterOfficers: 1 } as const;
    expect(
      validate([village], { profile: derived, asOf: '2025-12-31' })
        .findings.filter((finding) => finding.rule === 'workers.disasterOfficer')
        .map((finding) => finding.message),
    ).toEqual([{ zh: '灾害信息员 1 名，少于 2 名', en: 'Only 1 of 2 disaster information officers' }]);
    const households = {
      zh: '居民委员会一般在800户至2500户的范围内设立',
      en: "A residents' committee covers 800–2500 households as a rule",
    };
    expect(titles('law.residentsCommitteeHouseholds')).toEqual([households, households]);
  });

  it("takes a caller's own rule's titleOf, and refuses one that is no function or gives no title", () => {
    const own = {
      ...RULES.satisfactionSurvey,
      id: 'own.volunteers',
      parameters: { minimum: 50 },
      titleOf: ({ minimum }: Record<string, unknown>) => ({
        zh: `志愿者不少于${minimum}名`,
        en: `${minimum} volunteers`,
      }),
    };
    const derive = (rule: object) =>
      deriveRuleProfile(RULE_PROFILES.national, {
        id: 'x',
        add: [rule as typeof own],
        parameters: { 'own.volunteers': { minimum: 60 } },
      });
    expect(ruleOf(derive(own).rules, 'own.volunteers').title).toEqual({
      zh: '志愿者不少于60名',
      en: '60 volunteers',
    });
    const issues = (rule: object) => {
      try {
        derive(rule);
        return [];
      } catch (error) {
        return (error as ShequError).issues.map((issue) => [issue.code, issue.path]);
      }
    };
    expect(issues({ ...own, titleOf: 'title' })).toEqual([['invalid_value', ['add', 0]]]);
    expect(issues({ ...own, titleOf: () => 'title' })).toEqual([
      ['invalid_value', ['parameters', 'own.volunteers']],
    ]);
  });
});
