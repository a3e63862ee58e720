import { describe, expect, it } from 'vitest';
import { defaultRenderContext } from '../../src/report/context.js';
import { RULES } from '../../src/standards/catalogue.js';
import type { AnyRule } from '../../src/standards/types.js';

// A page, a table or a workbook names a finding's rule by its id, not by the dated version the finding applied: the
// title it shows must be true of every version (the hostile reading of session 14 found "100户至700户" above
// findings checked against 1 000–3 000 after 2026-01-01).

const versionsById = new Map<string, AnyRule[]>();
for (const entry of Object.values(RULES))
  for (const rule of Array.isArray(entry) ? entry : [entry])
    versionsById.set(rule.id, [...(versionsById.get(rule.id) ?? []), rule]);

describe('rule titles of the catalogue', () => {
  it.each(['zh', 'en'] as const)(
    'name every version of a rule, each with its dates where they differ (%s)',
    (lang) => {
      const context = defaultRenderContext(lang);
      for (const [id, versions] of versionsById) {
        const title = context.ruleTitle(id);
        const distinct = new Set(versions.map((rule) => rule.title[lang]));
        if (distinct.size === 1) expect(title).toBe(versions[0]?.title[lang]);
        else
          for (const rule of versions) {
            expect(title).toContain(rule.title[lang]);
            for (const date of [rule.effective.from, rule.effective.to])
              if (date !== undefined) expect(title).toContain(date);
          }
      }
    },
  );

  it('gives both household ranges of a residents’ committee, with the day the new law took effect', () => {
    expect(defaultRenderContext('zh').ruleTitle('law.residentsCommitteeHouseholds')).toBe(
      '居民委员会一般在100户至700户的范围内设立（截至 2025-12-31）；居民委员会一般在1000户至3000户的范围内设立（2026-01-01 起）',
    );
    expect(defaultRenderContext('en').ruleTitle('constructor')).toBe('constructor');
  });
});
