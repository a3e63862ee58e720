/**
 * Worked examples of the profile functions given arguments of the wrong shape (the fuzz of every export,
 * test/fuzz/exports.test.ts, holds the class: any value in any part of their arguments gives a result or a ShequError
 * whose issues have a code, a path and a message in Chinese and English). Before, each of these threw a TypeError:
 * `changes` missing, a list given as text, a parameter set to null, a name where a profile object goes.
 */
import { describe, expect, it } from 'vitest';
import {
  deriveIndicatorProfile,
  deriveRuleProfile,
  describeIndicatorProfiles,
  describeRules,
  INDICATOR_PROFILES,
  RULE_PROFILES,
  ShequError,
  safeValidate,
} from '../../src/index.js';

/** The code and path of each issue `run` throws (a ShequError), or the error itself when it is no ShequError. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof ShequError ? error.issues.map((issue) => [issue.code, issue.path]) : error;
  }
  return 'did not throw';
}

describe('deriveIndicatorProfile given changes of the wrong shape', () => {
  const hebei = INDICATOR_PROFILES.hebei;

  it('refuses changes that are no object, and an id that is no text', () => {
    expect(thrown(() => deriveIndicatorProfile(hebei, undefined as never))).toEqual([
      ['invalid_type', ['changes']],
    ]);
    expect(thrown(() => deriveIndicatorProfile(hebei, 'own' as never))).toEqual([
      ['invalid_type', ['changes']],
    ]);
    expect(thrown(() => deriveIndicatorProfile(hebei, {} as never))).toEqual([['invalid_type', ['id']]]);
  });

  it('refuses each key of the wrong shape at its path, all at once', () => {
    const changes = {
      id: 'own',
      name: 'own',
      remove: 'village5gCoverage',
      add: [{ indicator: 'communityHomes' }],
      override: { facilityAreaPer100Households: { target: { value: 35 } } },
      periods: { '15th': { targets: { facilityAreaPer100Households: 35 } } },
      facts: [{ id: 'f' }],
    };
    expect(thrown(() => deriveIndicatorProfile(hebei, changes as never))).toEqual([
      ['invalid_type', ['name']],
      ['invalid_type', ['remove']],
      ['invalid_value', ['add', 0]],
      ['invalid_value', ['override', 'facilityAreaPer100Households', 'target']],
      ['invalid_value', ['periods', '15th', 'targets', 'facilityAreaPer100Households']],
      ['invalid_value', ['facts', 0]],
    ]);
  });

  it('takes null for a baseline or target to remove, as before', () => {
    const derived = deriveIndicatorProfile(hebei, {
      id: 'own',
      override: { facilityAreaPer100Households: { target: null } },
    });
    expect(
      derived.indicators.find((entry) => entry.indicator.id === 'facilityAreaPer100Households')?.target,
    ).toBe(undefined);
  });
});

describe('deriveRuleProfile given changes of the wrong shape', () => {
  const hebei = RULE_PROFILES.hebei;

  it('refuses an added rule whose parameter ranges are no ranges (second reading: it read null.min)', () => {
    const termExpiry = hebei.rules.find((rule) => rule.id === 'law.termExpiry') as object;
    for (const ranges of [
      { termYears: null },
      { termYears: { min: 'a', max: 'b' } },
      { termYears: { min: 9, max: 1 } },
    ])
      expect(
        thrown(() =>
          deriveRuleProfile(hebei, {
            id: 'own',
            add: [{ ...termExpiry, id: 'mine', parameterRanges: ranges }],
            parameters: { mine: { termYears: 6 } },
          } as never),
        ),
      ).toEqual([['invalid_value', ['add', 0]]]);
  });

  it('refuses changes that are no object, and each key of the wrong shape at its path', () => {
    expect(thrown(() => deriveRuleProfile(hebei, null as never))).toEqual([['invalid_type', ['changes']]]);
    const changes = {
      id: 'own',
      disable: ['service.convenienceOutlets', 5],
      add: [{ id: 'own.rule' }],
      severity: { 'facility.activityAreaShare': 'fatal' },
      parameters: { 'facility.areaPer100Households': null },
    };
    expect(thrown(() => deriveRuleProfile(hebei, changes as never))).toEqual([
      ['invalid_type', ['disable', 1]],
      ['invalid_value', ['add', 0]],
      ['invalid_value', ['severity', 'facility.activityAreaShare']],
      ['invalid_type', ['parameters', 'facility.areaPer100Households']],
    ]);
  });
});

describe('describeIndicatorProfiles and describeRules given what is no profile', () => {
  it('refuse a name, with the profile objects there are', () => {
    expect(thrown(() => describeRules(['hebei'] as never))).toEqual([['invalid_value', ['profiles', 0]]]);
    let message: unknown;
    try {
      describeIndicatorProfiles([INDICATOR_PROFILES.hebei, 'tianjin'] as never);
    } catch (error) {
      message = (error as ShequError).issues[0]?.message.en;
    }
    expect(message).toBe(
      'Expected an indicator profile object (INDICATOR_PROFILES.national, INDICATOR_PROFILES.hebei, INDICATOR_PROFILES.beijing, or one from deriveIndicatorProfile or loadProfile), not tianjin',
    );
  });

  it('refuse a list that is none, and a profile without a name a page shows', () => {
    expect(thrown(() => describeIndicatorProfiles(5 as never))).toEqual([['invalid_type', ['profiles']]]);
    expect(thrown(() => describeRules('hebei' as never))).toEqual([['invalid_type', ['profiles']]]);
    const nameless = { ...INDICATOR_PROFILES.hebei, name: undefined };
    expect(thrown(() => describeIndicatorProfiles([nameless] as never))).toEqual([
      ['invalid_value', ['profiles', 0, 'name']],
    ]);
    const [first, ...rest] = RULE_PROFILES.national.rules;
    const untitled = { ...RULE_PROFILES.national, rules: [...rest, { ...first, title: 'untitled' }] };
    expect(thrown(() => describeRules([untitled] as never))).toEqual([
      ['invalid_value', ['profiles', 0, 'rules', rest.length, 'title']],
    ]);
  });

  it('describe what they describe, as before (a Set of profiles too)', () => {
    expect(describeRules(new Set([RULE_PROFILES.hebei]) as never)).toBe(describeRules([RULE_PROFILES.hebei]));
    expect(describeIndicatorProfiles([])).toContain('# Indicators');
  });
});

describe('a profile whose list of rules or indicators has a hole', () => {
  // Array.prototype.every skips holes: `rules: [, rule]` passed the shape check, and the code after it met undefined
  // (deriveRuleProfile and deriveIndicatorProfile threw a TypeError; validate ran the rules it found).
  it('is no profile: deriveRuleProfile, deriveIndicatorProfile and validate say so', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the case under test
    const rules = [, ...RULE_PROFILES.national.rules];
    const holed = { ...RULE_PROFILES.national, rules };
    expect(thrown(() => deriveRuleProfile(holed as never, { id: 'own' }))).toEqual([
      ['invalid_value', ['base']],
    ]);
    const report = safeValidate([], { profile: holed as never, asOf: '2025-12-31' });
    expect(report.success ? [] : report.error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_value', ['profile']],
    ]);
    // biome-ignore lint/suspicious/noSparseArray: idem
    const indicators = [, ...INDICATOR_PROFILES.hebei.indicators];
    const holedIndicators = { ...INDICATOR_PROFILES.hebei, indicators };
    expect(thrown(() => deriveIndicatorProfile(holedIndicators as never, { id: 'own' }))).toEqual([
      ['invalid_value', ['base']],
    ]);
  });
});

describe('a key of the changes set to undefined', () => {
  it('changes nothing, as a key left out (as before)', () => {
    const hebei = INDICATOR_PROFILES.hebei;
    const derived = deriveIndicatorProfile(hebei, {
      id: 'own',
      override: { facilityAreaPer100Households: undefined as never },
      periods: { '15th': { targets: { facilityAreaPer100Households: undefined as never } } },
    });
    expect(derived.indicators).toEqual(hebei.indicators);
    const rules = deriveRuleProfile(RULE_PROFILES.hebei, {
      id: 'own',
      severity: { 'facility.activityAreaShare': undefined as never },
      parameters: { 'facility.areaPer100Households': undefined as never },
    }).rules;
    expect(rules).toEqual(RULE_PROFILES.hebei.rules);
  });
});
