/**
 * A caller's own rule may have any id: `constructor`, `toString` or `__proto__` is an id like any other, not a key of
 * Object.prototype. Before, the summary's tallies by rule were assigned by id (the tally of `__proto__` vanished, that
 * of `constructor` or `toString` became Object.prototype's function) and `deriveRuleProfile` read a severity or
 * parameters given for other rules as that rule's (Object.prototype's function as its severity).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { deriveRuleProfile, RULE_PROFILES, RULES, validate } from '../../src/index.js';
import { createFindingDigest, reportPage } from '../../src/report/index.js';
import { unsurveyedCommunity } from '../fixtures/unsurveyed-community.js';

const INHERITED = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];
const ownId = fc.oneof(fc.constantFrom(...INHERITED), fc.stringMatching(/^own\.[a-z]{1,8}$/));
const AS_OF = '2025-06-30';

// A community missing its survey: the added rule (the survey rule under its own id) fails once.
const unit = unsurveyedCommunity;

/** The tally the survey rule gives under its own id, in the national profile with it added. */
const surveyTally = () => {
  const profile = deriveRuleProfile(RULE_PROFILES.national, {
    id: 'control',
    add: [{ ...RULES.satisfactionSurvey, id: 'own.control' }],
  });
  return validate([unit], { profile, asOf: AS_OF }).summary.byRule['own.control'];
};

describe("a caller's own rule id", () => {
  test.prop([fc.uniqueArray(ownId, { minLength: 1, maxLength: 3 })], { numRuns: 60 })(
    'is a key of the summary’s tallies by rule like any other, and keeps its own severity and parameters',
    (ids) => {
      const profile = deriveRuleProfile(RULE_PROFILES.national, {
        id: 'own',
        add: ids.map((id) => ({ ...RULES.satisfactionSurvey, id })),
        // Given for another rule only: nothing of it is the added rules'.
        severity: { 'facility.areaPer100Households': 'error' },
        parameters: { 'facility.areaPer100Households': { minimum: 35 } },
      });
      for (const id of ids) {
        const rule = profile.rules.find((r) => r.id === id);
        expect(rule?.severity).toBe(RULES.satisfactionSurvey.severity);
        expect(rule?.parameters).toEqual(RULES.satisfactionSurvey.parameters);
      }
      const { summary, findings } = validate([unit], { profile, asOf: AS_OF });
      const expected = surveyTally();
      for (const id of ids) {
        expect(Object.hasOwn(summary.byRule, id)).toBe(true);
        expect(summary.byRule[id]).toEqual(expected);
        expect(findings.filter((f) => f.rule === id).map((f) => f.severity)).toEqual(['warning']);
      }
      expect(Object.getPrototypeOf(summary.byRule)).toBe(Object.prototype);
    },
  );
});

describe('the report page’s share of units failing a rule', () => {
  test.prop([ownId], { numRuns: 30 })(
    'is “—” for a rule the summary has no tally of, whatever its id',
    (id) => {
      const profile = deriveRuleProfile(RULE_PROFILES.national, {
        id: 'own',
        add: [{ ...RULES.satisfactionSurvey, id }],
      });
      const report = validate([unit], { profile, asOf: AS_OF });
      const digester = createFindingDigest();
      for (const finding of report.findings) digester.add(finding);
      const summary = { ...report.summary, byRule: {} };
      const page = reportPage(
        { rows: [], findings: digester.digest(), validation: summary, asOf: AS_OF, profile: 'own', units: 1 },
        { lang: 'en' },
      );
      expect(page).not.toContain('NaN');
    },
  );
});
