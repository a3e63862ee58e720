/**
 * The title a page or a table shows for a rule is that of the profile in force. A page named a rule by its
 * catalogue title: under a profile that sets `facility.areaPer100Households` to 35 m², findings saying "低于 35 平方米"
 * stood under the title "…不低于30平方米". `defaultRenderContext(lang, regionName, rules)` names each rule of `rules` by
 * its title there (every version's), the catalogue's for any other id; `report --profile-file` passes its profile.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  deriveRuleProfile,
  RULE_PROFILES,
  type RuleProfile,
  type RuleProfileName,
  ShequError,
} from '../../src/index.js';
import { defaultRenderContext } from '../../src/report/context.js';
import { RULES } from '../../src/standards/catalogue.js';
import { runMain } from '../helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';

const NAMES = Object.keys(RULE_PROFILES) as RuleProfileName[];
const IDS = [...new Set(Object.values(RULES).flatMap((entry) => [entry].flat().map((rule) => rule.id)))];
const AREA = 'facility.areaPer100Households';

describe('defaultRenderContext given the rule profile in force', () => {
  test.prop([
    fc.constantFrom(...NAMES),
    fc.constantFrom(...IDS, 'own.rule', 'constructor'),
    fc.constantFrom('zh', 'en'),
  ])(
    'titles every rule of a built-in profile as the catalogue does (the pages of built-in profiles are unchanged)',
    (name, id, lang) => {
      const catalogue = defaultRenderContext(lang).ruleTitle(id);
      expect(defaultRenderContext(lang, undefined, RULE_PROFILES[name]).ruleTitle(id)).toBe(catalogue);
      expect(defaultRenderContext(lang, undefined, name).ruleTitle(id)).toBe(catalogue);
    },
  );

  test.prop([fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(...NAMES), fc.constantFrom('zh', 'en')])(
    'titles a rule whose parameters the profile changed by its title there, which states them',
    (minimum, name, lang) => {
      const profile = deriveRuleProfile(RULE_PROFILES[name], {
        id: 'x',
        parameters: { [AREA]: { minimum } },
      });
      const context = defaultRenderContext(lang, undefined, profile);
      const rule = profile.rules.find((each) => each.id === AREA);
      expect(context.ruleTitle(AREA)).toBe(rule?.title[lang]);
      expect(context.ruleTitle(AREA)).toContain(`${minimum}`);
      for (const other of IDS.filter((id) => id !== AREA))
        expect(context.ruleTitle(other)).toBe(defaultRenderContext(lang).ruleTitle(other));
    },
  );

  it("titles a caller's own rule by its own title, and refuses what is no rule profile", () => {
    const own: RuleProfile = deriveRuleProfile(RULE_PROFILES.national, {
      id: 'own',
      add: [{ ...RULES.satisfactionSurvey, id: 'own.survey', title: { zh: '自查', en: 'own check' } }],
    });
    expect(defaultRenderContext('en', undefined, own).ruleTitle('own.survey')).toBe('own check');
    expect(defaultRenderContext('en').ruleTitle('own.survey')).toBe('own.survey');
    for (const wrong of ['tianjin', { id: 'x' }, null])
      expect(() => defaultRenderContext('zh', undefined, wrong as never)).toThrow(ShequError);
    let issue: unknown;
    try {
      defaultRenderContext('zh', undefined, 'tianjin' as never);
    } catch (error) {
      issue = (error as ShequError).issues[0];
    }
    expect(issue).toMatchObject({ code: 'invalid_value', path: ['rules'] });
  });
});

describe('report --profile-file', () => {
  const dir = useTempDir('profile-rule-titles');
  const sample = join(import.meta.dirname, '..', '..', 'examples', 'data', 'sample-units.csv');

  it.each(['zh', 'en'] as const)('titles the area rule 35 m² when the file sets 35 (%s)', async (lang) => {
    const file = join(dir, `strict-${lang}.json`);
    writeFileSync(
      file,
      JSON.stringify({ id: 'strict', extends: 'hebei', rules: { parameters: { [AREA]: { minimum: 35 } } } }),
    );
    const out = join(dir, `page-${lang}.html`);
    const run = await runMain(['report', sample, '--profile-file', file, '--out', out, '--lang', lang], {
      LANG: 'C.UTF-8',
    });
    expect(run.code, run.stderr).toBeLessThan(2);
    const page = readFileSync(out, 'utf8');
    const title = new RegExp(`<tr data-rule="${AREA}"[^>]*><th scope="row">([^<]*)<br>`).exec(page)?.[1];
    expect(title).toBe(
      lang === 'zh'
        ? '每百户居民拥有综合服务设施面积不低于35平方米'
        : 'At least 35 m² of facility floor area per 100 households',
    );
  });
});
