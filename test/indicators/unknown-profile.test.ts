/**
 * An unknown profile is an error everywhere — also where the types keep it out and JavaScript lets it in.
 * `profileToJson('unknown')` and `indicatorProfileForPeriod('hebei', …)` threw TypeErrors (`resolved.id` of
 * undefined, `profile.indicators.map`): they throw a ShequError naming the value given and the valid ones, as
 * computeIndicators does; the engine's own calls and every valid profile give what they gave. So do
 * `deriveIndicatorProfile('hebei', …)` and `deriveRuleProfile('hebei', …)`, whose base is a profile object too.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type Issue, ShequError } from '../../src/core/index.js';
import {
  computeIndicatorTable,
  createIndicatorAccumulator,
  deriveIndicatorProfile,
  INDICATOR_PROFILES,
  type IndicatorProfileName,
  indicatorProfileForPeriod,
  indicatorRowsFromParts,
} from '../../src/indicators/index.js';
import { deriveRuleProfile, loadProfile, profileToJson, RULE_PROFILES } from '../../src/standards/index.js';

const NAMES = Object.keys(INDICATOR_PROFILES) as IndicatorProfileName[];

function thrownIssues(run: () => unknown): readonly Issue[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ShequError);
    return (error as ShequError).issues;
  }
  throw new Error('did not throw');
}

/** Every built-in name in both languages of an issue's message. */
function expectNamesListed(issue: Issue | undefined, names: readonly string[]): void {
  for (const name of names) {
    expect(issue?.message.zh).toContain(name);
    expect(issue?.message.en).toContain(name);
  }
}

/** Values that are no profile: names that are not built-in ones, and anything else JavaScript may pass. */
const notAProfile = fc.oneof(
  fc.string({ maxLength: 60 }).filter((name) => !Object.hasOwn(INDICATOR_PROFILES, name)),
  fc.anything().filter((value) => typeof value !== 'string'),
);

describe('profileToJson', () => {
  test.prop([notAProfile])(
    'throws a ShequError naming the value and the built-in profiles for anything that is no profile',
    (given) => {
      const [issue, ...rest] = thrownIssues(() => profileToJson(given as IndicatorProfileName));
      expect(rest).toEqual([]);
      expect([issue?.code, issue?.path]).toEqual(['invalid_value', ['profile']]);
      expectNamesListed(issue, NAMES);
      if (typeof given === 'string') expect(issue?.message.en).toContain(given.slice(0, 40));
      // What computeIndicatorTable says for the same value (where `undefined` is its default, national).
      const table = computeIndicatorTable([], { profile: given as IndicatorProfileName, asOf: '2025-12-31' });
      if (given !== undefined) expect(table.success ? [] : table.error.issues).toEqual([issue]);
    },
  );

  test.prop([fc.constantFrom(...NAMES), fc.string().filter((name) => !Object.hasOwn(RULE_PROFILES, name))])(
    'throws a ShequError naming the rule profiles for a `rules` option that is none',
    (profile, rules) => {
      const [issue] = thrownIssues(() => profileToJson(profile, { rules: rules as 'national' }));
      expect([issue?.code, issue?.path]).toEqual(['invalid_option', ['rules']]);
      expectNamesListed(issue, Object.keys(RULE_PROFILES));
    },
  );

  test.prop([fc.constantFrom(...NAMES), fc.constantFrom(undefined, ...Object.keys(RULE_PROFILES))])(
    'writes every built-in profile as before: a file loadProfile reads back to the same profile',
    (name, rules) => {
      const file = profileToJson(name, rules === undefined ? {} : { rules: rules as 'national' });
      const again = profileToJson(INDICATOR_PROFILES[name], { rules: file.rules?.extends ?? 'national' });
      expect(again).toEqual(file);
      expect(loadProfile(file).success).toBe(true);
    },
  );

  it("worked example: profileToJson('unknown')", () => {
    expect(thrownIssues(() => profileToJson('unknown' as 'national'))).toEqual([
      {
        code: 'invalid_value',
        path: ['profile'],
        message: {
          zh: '未知的指标方案：unknown（应为 national、hebei、beijing 之一或指标方案对象）',
          en: 'Unknown indicator profile: unknown (expected national, hebei, beijing or a profile object)',
        },
        severity: 'error',
      },
    ]);
  });
});

describe('indicatorProfileForPeriod', () => {
  test.prop([notAProfile, fc.constantFrom(undefined, '14th', '15th')])(
    'throws a ShequError naming the value and the built-in profiles for anything that is no profile object',
    (given, period) => {
      const [issue, ...rest] = thrownIssues(() => indicatorProfileForPeriod(given as never, period));
      expect(rest).toEqual([]);
      expect([issue?.code, issue?.path]).toEqual(['invalid_value', ['profile']]);
      expectNamesListed(
        issue,
        NAMES.map((name) => `INDICATOR_PROFILES.${name}`),
      );
      if (typeof given === 'string') expect(issue?.message.en).toContain(given.slice(0, 40));
    },
  );

  test.prop([fc.constantFrom(...NAMES), fc.anything().filter((value) => typeof value !== 'string')])(
    'throws a ShequError for a period that is neither an id nor undefined',
    (name, period) => {
      fc.pre(period !== undefined);
      const [issue] = thrownIssues(() =>
        indicatorProfileForPeriod(INDICATOR_PROFILES[name], period as string),
      );
      expect([issue?.code, issue?.path]).toEqual(['invalid_value', ['periodId']]);
    },
  );

  it("worked example: indicatorProfileForPeriod('hebei', '15th') asks for INDICATOR_PROFILES.hebei", () => {
    expect(thrownIssues(() => indicatorProfileForPeriod('hebei' as never, '15th'))).toEqual([
      {
        code: 'invalid_value',
        path: ['profile'],
        message: {
          zh: '应为指标方案对象（INDICATOR_PROFILES.national、INDICATOR_PROFILES.hebei、INDICATOR_PROFILES.beijing，或 deriveIndicatorProfile、loadProfile 的结果），不是 hebei',
          en: 'Expected an indicator profile object (INDICATOR_PROFILES.national, INDICATOR_PROFILES.hebei, INDICATOR_PROFILES.beijing, or one from deriveIndicatorProfile or loadProfile), not hebei',
        },
        severity: 'error',
      },
    ]);
    expect(indicatorProfileForPeriod(INDICATOR_PROFILES.hebei, '15th').period).toBe('15th');
  });
});

describe('deriveIndicatorProfile and deriveRuleProfile', () => {
  test.prop([notAProfile])(
    'throw a ShequError naming the built-in objects for a base that is no profile',
    (given) => {
      const [indicators] = thrownIssues(() => deriveIndicatorProfile(given as never, { id: 'own' }));
      expect([indicators?.code, indicators?.path]).toEqual(['invalid_value', ['base']]);
      expectNamesListed(
        indicators,
        NAMES.map((name) => `INDICATOR_PROFILES.${name}`),
      );
      const [rules] = thrownIssues(() => deriveRuleProfile(given as never, { id: 'own' }));
      expect([rules?.code, rules?.path]).toEqual(['invalid_value', ['base']]);
      expectNamesListed(
        rules,
        Object.keys(RULE_PROFILES).map((name) => `RULE_PROFILES.${name}`),
      );
    },
  );

  it("worked example: deriveRuleProfile('hebei', { id: 'own' })", () => {
    expect(thrownIssues(() => deriveRuleProfile('hebei' as never, { id: 'own' }))[0]?.message.en).toBe(
      'Expected a rule profile object (RULE_PROFILES.national, RULE_PROFILES.hebei, RULE_PROFILES.beijing, or one from deriveRuleProfile or loadProfile), not hebei',
    );
    expect(deriveRuleProfile(RULE_PROFILES.hebei, { id: 'own' }).rules).toEqual(RULE_PROFILES.hebei.rules);
  });
});

describe('an unknown profile name in a message', () => {
  test.prop([fc.string({ maxLength: 30 }), fc.constantFrom('11010519491231002X', '110105 19491231 002x')])(
    'never holds a full ID number, wherever the name puts it',
    (before, id) => {
      const [issue] = thrownIssues(() => profileToJson(`${before}${id}` as IndicatorProfileName));
      for (const text of [issue?.message.zh, issue?.message.en]) expect(text).not.toContain(id);
    },
  );
});

describe('indicatorRowsFromParts', () => {
  const accumulator = createIndicatorAccumulator();
  accumulator.add({
    code: '130123100201',
    kind: 'village',
    households: 300,
    hasFacility: true,
    facilityArea: 90,
  });
  const parts = accumulator.parts();

  test.prop([notAProfile])(
    'throws the ShequError computeIndicatorTable gives for anything that is no profile, never a national table',
    (given) => {
      fc.pre(given !== undefined);
      const options = { profile: given as IndicatorProfileName, asOf: '2025-12-31' };
      const table = computeIndicatorTable([], options);
      expect(thrownIssues(() => indicatorRowsFromParts(parts, options))).toEqual(
        table.success ? [] : table.error.issues,
      );
    },
  );

  it("worked example: 'tianjin' is refused; no profile is national, as before", () => {
    expect(
      thrownIssues(() =>
        indicatorRowsFromParts(parts, { profile: 'tianjin' as 'national', asOf: '2025-12-31' }),
      ),
    ).toEqual([
      {
        code: 'invalid_value',
        path: ['profile'],
        message: {
          zh: '未知的指标方案：tianjin（应为 national、hebei、beijing 之一或指标方案对象）',
          en: 'Unknown indicator profile: tianjin (expected national, hebei, beijing or a profile object)',
        },
        severity: 'error',
      },
    ]);
    expect(indicatorRowsFromParts(parts, { asOf: '2025-12-31' })).toEqual(
      indicatorRowsFromParts(parts, { profile: 'national', asOf: '2025-12-31' }),
    );
  });
});
