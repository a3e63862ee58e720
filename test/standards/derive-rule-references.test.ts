/**
 * deriveRuleProfile names its rules by id — a severity, parameters, a rule to leave out — as a profile file does. An id
 * that names no rule of the derived profile was ignored without a word (`severity: { 'facility.areaPer100Household':
 * 'error' }`, a letter short, changed nothing and said nothing), where loadProfile reports it: derive reports it the
 * same way, by the same code (`unknown_rule`), at the same path (the file's, without its `rules`), with the same
 * message — but the way to bring a rule of the catalogue in, which for deriveRuleProfile is `add`, not `rules.enable`.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/index.js';
import {
  deriveRuleProfile,
  loadProfile,
  RULE_PROFILES,
  type RuleProfileName,
  ShequError,
} from '../../src/index.js';
import { RULES } from '../../src/standards/catalogue.js';

const NAMES = Object.keys(RULE_PROFILES) as RuleProfileName[];
const CATALOGUE_IDS = [
  ...new Set(Object.values(RULES).flatMap((entry) => [entry].flat().map((rule) => rule.id))),
];
const INHERITED = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];

function thrown(run: () => unknown): readonly Issue[] {
  try {
    run();
    return [];
  } catch (error) {
    if (!(error instanceof ShequError)) throw error;
    return error.issues;
  }
}

/** A file's issue as deriveRuleProfile gives it: its path without `rules`, `add` where the file says rules.enable. */
const asDerived = (issue: Issue): Issue => ({
  ...issue,
  path: (issue.path ?? []).slice(1),
  message: {
    zh: issue.message.zh.replace('先用 rules.enable 启用', '先在 add 中加入'),
    en: issue.message.en.replace('switch it on with rules.enable first', 'put it in add first'),
  },
});

/** Changes by rule id over a built-in profile: ids of the catalogue (of the profile or not) and ids of no rule. */
const changesOverProfile = fc.constantFrom(...NAMES).chain((name) => {
  const own = RULE_PROFILES[name].rules.map((rule) => rule.id);
  const id = fc.oneof(
    fc.constantFrom(...CATALOGUE_IDS),
    fc.constantFrom(...own),
    fc.stringMatching(/^[a-z]{1,6}(\.[a-zA-Z]{1,8})?$/),
  );
  return fc.record({
    name: fc.constant(name),
    disable: fc.uniqueArray(fc.constantFrom(...own), { maxLength: 3 }),
    severity: fc.dictionary(id, fc.constantFrom('error' as const, 'warning' as const, 'info' as const), {
      maxKeys: 3,
    }),
    parameters: fc.dictionary(id, fc.constant({}), { maxKeys: 3 }),
  });
});

describe('deriveRuleProfile given a change by rule id', () => {
  test.prop([changesOverProfile])(
    'reports each id the derived profile has no rule of, exactly as a profile file does',
    ({ name, disable, severity, parameters }) => {
      const kept = new Set(
        RULE_PROFILES[name].rules.map((rule) => rule.id).filter((id) => !disable.includes(id)),
      );
      const derived = thrown(() =>
        deriveRuleProfile(RULE_PROFILES[name], { id: 'x', disable, severity, parameters }),
      );
      const loaded = loadProfile({ id: 'x', extends: name, rules: { disable, severity, parameters } });
      const fromFile = loaded.success ? [] : loaded.error.issues;
      expect(derived).toEqual(fromFile.map(asDerived));
      // Every id of a change that is no rule of the profile is one issue; none else.
      const strangers = [...Object.keys(severity), ...Object.keys(parameters)].filter((id) => !kept.has(id));
      expect(derived.map((issue) => issue.code)).toEqual(strangers.map(() => 'unknown_rule'));
    },
  );

  test.prop([fc.constantFrom(...NAMES), fc.constantFrom(...INHERITED)])(
    'reports an id such as constructor or __proto__ as any other (a profile file refuses such keys)',
    (name, id) => {
      const severity = JSON.parse(`{ "${id}": "error" }`) as Record<string, 'error'>;
      expect(
        thrown(() => deriveRuleProfile(RULE_PROFILES[name], { id: 'x', severity })).map((issue) => [
          issue.code,
          issue.path,
          issue.message.en,
        ]),
      ).toEqual([['unknown_rule', ['severity', id], `Unknown rule: ${id}`]]);
    },
  );

  it('worked example: a rule the profile leaves out, one it never had, one that is nobody’s', () => {
    const issues = thrown(() =>
      deriveRuleProfile(RULE_PROFILES.national, {
        id: 'x',
        disable: ['facility.activityAreaShare', 'no.such.rule'],
        severity: { 'facility.activityAreaShare': 'error', 'facility.areaPer100Household': 'error' },
        parameters: { 'workers.disasterOfficer': { minimum: 2 } },
      }),
    );
    expect(issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      ['unknown_rule', ['disable', 1], { zh: '未知规则：no.such.rule', en: 'Unknown rule: no.such.rule' }],
      [
        'unknown_rule',
        ['severity', 'facility.activityAreaShare'],
        {
          zh: '规则 facility.activityAreaShare 不在本方案中（先在 add 中加入）',
          en: 'Rule facility.activityAreaShare is not in the profile (put it in add first)',
        },
      ],
      [
        'unknown_rule',
        ['severity', 'facility.areaPer100Household'],
        { zh: '未知规则：facility.areaPer100Household', en: 'Unknown rule: facility.areaPer100Household' },
      ],
      [
        'unknown_rule',
        ['parameters', 'workers.disasterOfficer'],
        {
          zh: '规则 workers.disasterOfficer 不在本方案中（先在 add 中加入）',
          en: 'Rule workers.disasterOfficer is not in the profile (put it in add first)',
        },
      ],
    ]);
  });

  it('takes a change to a rule it adds, and a caller’s own rule of the base, as before', () => {
    const survey = { ...RULES.satisfactionSurvey, id: 'own.survey' };
    const own = deriveRuleProfile(RULE_PROFILES.national, { id: 'own', add: [survey] });
    const derived = deriveRuleProfile(own, {
      id: 'again',
      severity: { 'own.survey': 'error' },
      add: [RULES.disasterOfficer],
      parameters: { 'workers.disasterOfficer': { minimum: 2 } },
    });
    expect(derived.rules.find((rule) => rule.id === 'own.survey')?.severity).toBe('error');
    expect(derived.rules.find((rule) => rule.id === 'workers.disasterOfficer')?.parameters).toEqual({
      minimum: 2,
    });
  });
});
