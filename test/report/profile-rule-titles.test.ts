/**
 * The title a page or a table shows for a rule is that of the profile in force. A page named a rule by its
 * catalogue title: under a profile that sets `facility.areaPer100Households` to 35 m², findings saying "低于 35 平方米"
 * stood under the title "…不低于30平方米". `defaultRenderContext(lang, regionName, rules)` names each rule of `rules` by
 * its title there (every version's), the catalogue's for any other id; `report --profile-file` passes its profile, and
 * `validate --profile-file` too, to its table, Markdown, workbook (`findingsToXlsx`'s `rules`) and summary lines.
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
import { findingsToXlsx } from '../../src/report/xlsx.js';
import { RULES } from '../../src/standards/catalogue.js';
import { runMain } from '../helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { readBackWorkbook } from './xlsx-read-back.js';

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

/** The area rule's title at 30 m² (the catalogue's) and at 35 m² (a stricter profile's), by language. */
const TITLE = {
  zh: (minimum: number) => `每百户居民拥有综合服务设施面积不低于${minimum}平方米`,
  en: (minimum: number) => `At least ${minimum} m² of facility floor area per 100 households`,
};

describe('findingsToXlsx given the rule profile in force', () => {
  test.prop([fc.integer({ min: 31, max: 10_000 }), fc.constantFrom('zh', 'en')], { numRuns: 10 })(
    "its summary sheet titles the rule as the profile states it, and the catalogue's title without one",
    async (minimum, lang) => {
      const rules = deriveRuleProfile(RULE_PROFILES.hebei, { id: 'x', parameters: { [AREA]: { minimum } } });
      const finding = {
        unit: '130123100201',
        rule: AREA,
        severity: 'warning',
        path: ['facilities'],
        message: { zh: '面积不足', en: 'too small' },
        source: { document: 'd', section: 's', quote: 'q' },
      } as never;
      const titleOf = async (options: object) =>
        readBackWorkbook(await findingsToXlsx([finding], { lang, ...options }))[0]?.rows[1]?.[1];
      expect(await titleOf({ rules })).toBe(TITLE[lang](minimum));
      expect(await titleOf({})).toBe(TITLE[lang](30));
      await expect(findingsToXlsx([finding], { rules: 'tianjin' as never })).rejects.toThrow(ShequError);
    },
  );
});

describe('validate --profile-file', () => {
  const dir = useTempDir('profile-rule-titles-validate');
  const sample = join(import.meta.dirname, '..', '..', 'examples', 'data', 'sample-units.csv');

  it.each([
    ['table', 'zh'],
    ['md', 'en'],
    ['xlsx', 'zh'],
  ] as const)('titles the area rule 35 m² in every format for people (%s, %s)', async (format, lang) => {
    const file = join(dir, `strict-${format}.json`);
    writeFileSync(
      file,
      JSON.stringify({ id: 'strict', extends: 'hebei', rules: { parameters: { [AREA]: { minimum: 35 } } } }),
    );
    const out = join(dir, `findings-${format}.${format === 'table' ? 'txt' : format}`);
    const run = await runMain(
      ['validate', sample, '--profile-file', file, '--format', format, '--lang', lang, '--out', out],
      { LANG: 'C.UTF-8' },
    );
    expect(run.code, run.stderr).toBeLessThan(2);
    // The workbook's run prints the summary on standard output; the others write it after their table.
    const text =
      format === 'xlsx'
        ? `${run.stdout}\n${readBackWorkbook(readFileSync(out))
            .flatMap((sheet) => sheet.rows.flat())
            .join('\n')}`
        : readFileSync(out, 'utf8');
    expect(text).toContain(TITLE[lang](35));
    expect(text).not.toContain(TITLE[lang](30));
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
