// A rule that checks a range (law.residentsCommitteeHouseholds, the committees' members) takes a `min` and a `max`:
// a profile that gives both with the min above the max makes a rule no unit can pass, titled "800户至500户".
// deriveRuleProfile and a profile file refuse it at the parameters' path; a range given in order is taken. (One of
// them alone is taken whatever the other is: profile-parameter-ranges.test.ts.)

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { deriveRuleProfile, loadProfile, RULE_PROFILES, ShequError } from '../../src/index.js';
import { RULES } from '../../src/standards/catalogue.js';
import type { AnyRule, ParameterRange } from '../../src/standards/types.js';

const ALL_RULES: readonly AnyRule[] = Object.values(RULES).flat();
/** The ids of the rules with a numeric min and max, and all their versions. */
const RANGED = [
  ...new Set(
    ALL_RULES.filter((rule) => {
      const parameters = rule.parameters as Readonly<Record<string, unknown>>;
      return typeof parameters.min === 'number' && typeof parameters.max === 'number';
    }).map((rule) => rule.id),
  ),
].map((id) => ({ id, versions: ALL_RULES.filter((rule) => rule.id === id) }));

const deriveIssues = (id: string, given: Record<string, number>) => {
  const inNational = RULE_PROFILES.national.rules.some((rule) => rule.id === id);
  try {
    deriveRuleProfile(RULE_PROFILES.national, {
      id: 'x',
      add: inNational ? [] : ALL_RULES.filter((rule) => rule.id === id),
      parameters: { [id]: given },
    });
    return [];
  } catch (error) {
    if (!(error instanceof ShequError)) throw error;
    return error.issues.map((issue) => [issue.code, issue.path]);
  }
};

const fileIssues = (id: string, given: Record<string, number>) => {
  const result = loadProfile({
    id: 'x',
    extends: 'national',
    rules: { enable: [id], parameters: { [id]: given } },
  });
  return result.success ? [] : result.error.issues.map((issue) => [issue.code, issue.path]);
};

/** Whether `given` holds a min and a max, the min above the max. */
const crosses = (given: Record<string, number>) =>
  given.min !== undefined && given.max !== undefined && given.min > given.max;

describe('a min above the max', () => {
  it('has rules to test', () => {
    expect(RANGED.map((each) => each.id)).toContain('law.residentsCommitteeHouseholds');
  });

  it.each([[{ min: 800, max: 500 }], [{ min: 3001, max: 3000 }]])(
    'law.residentsCommitteeHouseholds %o is refused',
    (given) => {
      expect(deriveIssues('law.residentsCommitteeHouseholds', given)).toEqual([
        ['invalid_value', ['parameters', 'law.residentsCommitteeHouseholds']],
      ]);
      expect(fileIssues('law.residentsCommitteeHouseholds', given)).toEqual([
        ['invalid_value', ['rules', 'parameters', 'law.residentsCommitteeHouseholds']],
      ]);
    },
  );

  const given = fc.constantFrom(...RANGED).chain(({ id, versions }) => {
    const range = (versions[0]?.parameterRanges?.min ?? { min: 0, max: 10_000 }) as ParameterRange;
    const value = fc.integer({ min: Math.ceil(range.min), max: Math.min(Math.floor(range.max), 100_000) });
    return fc.record({
      id: fc.constant(id),
      versions: fc.constant(versions),
      given: fc.oneof(
        fc.record({ min: value, max: value }),
        fc.record({ min: value }),
        fc.record({ max: value }),
      ),
    });
  });

  test.prop([given])(
    'is refused by deriveRuleProfile and a profile file exactly when given both, crossed',
    (c) => {
      const crossed = crosses(c.given);
      expect(deriveIssues(c.id, c.given)).toEqual(crossed ? [['invalid_value', ['parameters', c.id]]] : []);
      expect(fileIssues(c.id, c.given)).toEqual(
        crossed ? [['invalid_value', ['rules', 'parameters', c.id]]] : [],
      );
    },
  );
});
