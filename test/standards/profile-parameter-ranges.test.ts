/**
 * A rule's numeric parameters have a range (`Rule.parameterRanges`): a profile file (loadProfile) or deriveRuleProfile
 * that gives a number outside it — or a fraction where the rule counts, or no finite number at all — is refused with
 * `invalid_value` at the parameter's path, by the one check both use. Before, numbers were checked by type only:
 * `termYears: 1000000` made the re-election due in the year 1002020, a text the rule compares with dates as text, so
 * every committee passed (and `-5` made the year "00-5"), and a `minimumPercent` of 1000 failed every unit.
 */
import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { deriveRuleProfile, loadProfile, RULE_PROFILES, ShequError, safeValidate } from '../../src/index.js';
import { RULES } from '../../src/standards/catalogue.js';
import type { AnyRule, ParameterRange } from '../../src/standards/types.js';

const ALL_RULES: readonly AnyRule[] = Object.values(RULES).flat();

/** Every numeric parameter of the catalogue: its rule, its name and its range. */
const NUMERIC = ALL_RULES.flatMap((rule) =>
  Object.entries(rule.parameters)
    .filter(([, value]) => typeof value === 'number')
    .map(([name]) => ({ rule, name, range: rule.parameterRanges?.[name] as ParameterRange })),
);

const fileIssues = (rule: AnyRule, name: string, value: unknown) => {
  const result = loadProfile({
    id: 'x',
    extends: 'national',
    rules: { enable: [rule.id], parameters: { [rule.id]: { [name]: value } } },
  });
  return result.success ? [] : result.error.issues.map((issue) => [issue.code, issue.path]);
};

const deriveIssues = (rule: AnyRule, name: string, value: unknown) => {
  try {
    deriveRuleProfile(RULE_PROFILES.national, {
      id: 'x',
      add: RULE_PROFILES.national.rules.some((each) => each.id === rule.id) ? [] : [rule],
      parameters: { [rule.id]: { [name]: value as number } },
    });
    return [];
  } catch (error) {
    if (!(error instanceof ShequError)) throw error;
    return error.issues.map((issue) => [issue.code, issue.path]);
  }
};

/** Numbers outside a range: below, above, a fraction where it counts, and numbers that are no finite number. */
function outside(range: ParameterRange): fc.Arbitrary<number> {
  const choices = [
    // -0 is no number below 0: filtered out.
    fc.double({ max: range.min, maxExcluded: true, noNaN: true }).filter((value) => value < range.min),
    fc.double({ min: range.max, minExcluded: true, noNaN: true }).filter((value) => value > range.max),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  ];
  if (range.integer === true)
    choices.push(
      fc.double({ min: range.min, max: range.max, noNaN: true }).filter((value) => !Number.isInteger(value)),
    );
  return fc.oneof(...choices);
}

/** Numbers inside a range (integers where it counts). */
function inside(range: ParameterRange): fc.Arbitrary<number> {
  return range.integer === true
    ? fc.integer({ min: range.min, max: range.max })
    : fc.double({ min: range.min, max: range.max, noNaN: true });
}

describe('numeric rule parameters', () => {
  it('each declare a range that holds their own value', () => {
    expect(NUMERIC.length).toBeGreaterThanOrEqual(10);
    for (const { rule, name, range } of NUMERIC) {
      expect(range, `${rule.id}.${name}`).toBeDefined();
      const own = rule.parameters[name as keyof typeof rule.parameters] as number;
      expect(own).toBeGreaterThanOrEqual(range.min);
      expect(own).toBeLessThanOrEqual(range.max);
      if (range.integer === true) expect(Number.isInteger(own)).toBe(true);
    }
  });

  it('are the ranges docs/profiles.md lists, every one', () => {
    const page = readFileSync(new URL('../../docs/profiles.md', import.meta.url), 'utf8');
    const listed = new Set<string>();
    for (const [, id, names, range] of page.matchAll(
      /^\| `([\w.]+)` +\| ((?:`\w+`(?:, )?)+) +\| ([^|]+?) +\|$/gm,
    ))
      for (const [, name] of (names as string).matchAll(/`(\w+)`/g)) listed.add(`${id} ${name} ${range}`);
    const declared = new Set(
      NUMERIC.map(
        ({ rule, name, range }) =>
          `${rule.id} ${name} ${range.min}–${range.max}${range.integer === true ? ', whole numbers' : ''}`,
      ),
    );
    expect([...listed].sort()).toEqual([...declared].sort());
  });

  it('worked example: termYears 1000000 is refused (the term is 1 to 10 years); 4 is taken', () => {
    const rule = ALL_RULES.find((each) => each.id === 'law.termExpiry') as AnyRule;
    const path = ['rules', 'parameters', 'law.termExpiry', 'termYears'];
    expect(fileIssues(rule, 'termYears', 1_000_000)).toEqual([['invalid_value', path]]);
    const result = loadProfile({
      id: 'x',
      extends: 'national',
      rules: { parameters: { 'law.termExpiry': { termYears: 1_000_000 } } },
    });
    expect(result.success ? undefined : result.error.issues[0]?.message).toEqual({
      zh: '规则 law.termExpiry 的参数 termYears 应为 1 至 10 的整数，不是 1000000',
      en: 'Parameter termYears of rule law.termExpiry must be an integer from 1 to 10, not 1000000',
    });
    expect(fileIssues(rule, 'termYears', 4)).toEqual([]);
    expect(deriveIssues(rule, 'termYears', 2.5)).toEqual([
      ['invalid_value', ['parameters', 'law.termExpiry', 'termYears']],
    ]);
  });

  test.prop([fc.constantFrom(...NUMERIC).chain((each) => fc.tuple(fc.constant(each), outside(each.range)))])(
    'a number outside its range is refused at its path, by deriveRuleProfile and (when JSON can hold it) a file',
    ([{ rule, name }, value]) => {
      expect(deriveIssues(rule, name, value)).toEqual([['invalid_value', ['parameters', rule.id, name]]]);
      // JSON has no NaN nor infinity: a file cannot give them (its schema refuses 1e400, which parses as Infinity).
      if (Number.isFinite(value))
        expect(fileIssues(rule, name, value)).toEqual([
          ['invalid_value', ['rules', 'parameters', rule.id, name]],
        ]);
    },
  );

  test.prop([fc.constantFrom(...NUMERIC).chain((each) => fc.tuple(fc.constant(each), inside(each.range)))])(
    'a number inside its range is taken, by both',
    ([{ rule, name }, value]) => {
      expect(deriveIssues(rule, name, value)).toEqual([]);
      expect(fileIssues(rule, name, value)).toEqual([]);
    },
  );

  test.prop([fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -Number.MAX_VALUE, 1e300)])(
    "a rule's own numeric parameter without a declared range takes any finite number, and no other",
    (value) => {
      const own = { ...RULES.satisfactionSurvey, id: 'own.rule', parameters: { minimum: 1 } };
      const derive = () =>
        deriveRuleProfile(RULE_PROFILES.national, {
          id: 'x',
          add: [own],
          parameters: { 'own.rule': { minimum: value } },
        });
      if (Number.isFinite(value)) expect(derive).not.toThrow();
      else expect(derive).toThrow(ShequError);
    },
  );
});

describe("a caller's own parameter range", () => {
  const termExpiry = RULES.termExpiry;
  const ownRule = (range: ParameterRange) => ({
    ...termExpiry,
    id: 'own.term',
    parameterRanges: { termYears: range },
  });
  const deriveWith = (range: ParameterRange) =>
    deriveRuleProfile(RULE_PROFILES.national, { id: 'x', add: [ownRule(range)] });
  const bounds = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });

  test.prop([bounds, bounds, fc.boolean()])(
    'is refused when its min is above its max, at the rule added, by deriveRuleProfile and validate; taken else',
    (a, b, integer) => {
      fc.pre(a !== b);
      const range = { min: Math.max(a, b), max: Math.min(a, b), integer };
      let thrown: unknown;
      try {
        deriveWith(range);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ShequError);
      expect((thrown as ShequError).issues.map((issue) => [issue.code, issue.path])).toEqual([
        ['invalid_value', ['add', 0]],
      ]);
      const profile = { ...RULE_PROFILES.national, rules: [ownRule(range)] };
      const report = safeValidate([], { profile: profile as never, asOf: '2025-12-31' });
      expect(report.success ? [] : report.error.issues.map((issue) => [issue.code, issue.path])).toEqual([
        ['invalid_value', ['profile']],
      ]);
      const ordered = { min: range.max, max: range.min, integer };
      expect(deriveWith(ordered).rules.at(-1)?.parameterRanges).toEqual({ termYears: ordered });
    },
  );
});
