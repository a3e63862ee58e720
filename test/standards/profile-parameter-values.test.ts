/**
 * A profile file gives a rule's parameters; for a parameter of a closed set (`Rule.parameterValues`: the roles of the
 * 六位一体, the sub-committees, the convenience outlets, a region rule's comparator and level) a value outside it is
 * refused with `invalid_value` at its path, and values inside it are taken. (Only the type was checked: a profile
 * with `required: ["foo"]` for the sub-committees rule crashed every validation of a community lacking one, and
 * `"toString"` printed "undefined".) A list of text with a number in it is refused too.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { deriveRuleProfile, loadProfile, RULE_PROFILES, ShequError } from '../../src/index.js';
import { RULES } from '../../src/standards/catalogue.js';
import type { AnyRule } from '../../src/standards/types.js';

const ALL_RULES: readonly AnyRule[] = Object.values(RULES).flat();
const WITH_VALUES = ALL_RULES.filter((rule) => rule.parameterValues !== undefined);

const issuesOf = (input: unknown) => {
  const result = loadProfile(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.code, issue.path]);
};

/** A profile file that switches `rule` on and sets one parameter. */
const fileWith = (rule: AnyRule, name: string, value: unknown) => ({
  id: 'x',
  extends: 'national',
  rules: { enable: [rule.id], parameters: { [rule.id]: { [name]: value } } },
});

describe('parameters of a closed set', () => {
  it('is declared by the rules that read such parameters', () => {
    expect(WITH_VALUES.map((rule) => rule.id).sort()).toEqual(
      expect.arrayContaining(['org.subCommittees', 'service.convenienceOutlets', 'workers.per10k']),
    );
    for (const rule of WITH_VALUES)
      for (const [name, allowed] of Object.entries(rule.parameterValues ?? {})) {
        const current = rule.parameters[name as keyof typeof rule.parameters];
        const given = Array.isArray(current) ? current : [current];
        for (const value of given) expect(allowed).toContain(value); // a rule's own values are among its values
      }
  });

  it('worked example: the sub-committees rule refuses an unknown one and takes a known one', () => {
    const rule = RULES_BY_ID('org.subCommittees');
    expect(issuesOf(fileWith(rule, 'required', ['peopleMediation', 'foo']))).toEqual([
      ['invalid_value', ['rules', 'parameters', 'org.subCommittees', 'required', 1]],
    ]);
    expect(issuesOf(fileWith(rule, 'required', ['peopleMediation']))).toEqual([]);
  });

  const outside = fc.oneof(
    fc.constantFrom('foo', 'constructor', 'toString', '__proto__', '', '>', 'village'),
    fc.string({ maxLength: 8 }),
  );
  test.prop([fc.constantFrom(...WITH_VALUES), outside, fc.nat(3)])(
    'a value outside the set is refused at its path; one inside is taken',
    (rule, wrong, at) => {
      const [name, allowed] = Object.entries(rule.parameterValues ?? {})[0] as [string, readonly string[]];
      fc.pre(!allowed.includes(wrong));
      const list = Array.isArray(rule.parameters[name as keyof typeof rule.parameters]);
      const good = allowed.slice(0, Math.min(at, allowed.length));
      const given = list ? [...good, wrong] : wrong;
      expect(issuesOf(fileWith(rule, name, given))).toEqual([
        ['invalid_value', ['rules', 'parameters', rule.id, name, ...(list ? [good.length] : [])]],
      ]);
      expect(issuesOf(fileWith(rule, name, list ? good : allowed[at % allowed.length]))).toEqual([]);
    },
  );

  test.prop([fc.constantFrom(...WITH_VALUES), outside, fc.nat(3)])(
    'deriveRuleProfile refuses the same values, with a ShequError at the parameter, and takes the values inside',
    (rule, wrong, at) => {
      const [name, allowed] = Object.entries(rule.parameterValues ?? {})[0] as [string, readonly string[]];
      fc.pre(!allowed.includes(wrong));
      const list = Array.isArray(rule.parameters[name as keyof typeof rule.parameters]);
      const good = allowed.slice(0, Math.min(at, allowed.length));
      const derive = (value: string | readonly string[]) =>
        deriveRuleProfile(RULE_PROFILES.national, {
          id: 'x',
          add: RULE_PROFILES.national.rules.some((each) => each.id === rule.id) ? [] : [rule],
          parameters: { [rule.id]: { [name]: value } },
        });
      let thrown: unknown;
      try {
        derive(list ? [...good, wrong] : wrong);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ShequError);
      expect((thrown as ShequError).issues.map((issue) => [issue.code, issue.path])).toEqual([
        ['invalid_value', ['parameters', rule.id, name, ...(list ? [good.length] : [])]],
      ]);
      expect(() => derive(list ? good : (allowed[at % allowed.length] as string))).not.toThrow();
    },
  );

  it("a list of text with a number in it is refused (by the file's schema, at the parameter)", () => {
    const rule = RULES_BY_ID('service.convenienceOutlets');
    const [first] = rule.parameterValues?.required ?? [];
    expect(issuesOf(fileWith(rule, 'required', [first, 1]))).toEqual([
      ['invalid_value', ['rules', 'parameters', 'service.convenienceOutlets', 'required']],
    ]);
  });
});

function RULES_BY_ID(id: string): AnyRule {
  const rule = ALL_RULES.find((candidate) => candidate.id === id);
  if (rule === undefined) throw new Error(`no rule ${id}`);
  return rule;
}
