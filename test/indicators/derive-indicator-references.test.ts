/**
 * deriveIndicatorProfile names indicators, plan periods and facts by id, as a profile file does. A change naming an
 * indicator the derived profile does not have (a target of `facilityAreaPer100Household`, a letter short; an override
 * of an indicator just removed), a plan period there is none of (`'16th'`), an indicator to remove that is nobody's,
 * an indicator added twice, two facts of one id — each was taken without a word (the target went nowhere, the
 * period was kept but never used, the indicator or the fact was listed twice), where loadProfile reports them. Derive
 * reports them the same way, by one check: the same code, the same path (`periods` …, `remove` for the file's
 * `removeIndicators`), the same message but for the way to bring an indicator in (`add`), and its own indicators known.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/index.js';
import {
  deriveIndicatorProfile,
  INDICATOR_PROFILES,
  INDICATORS,
  type IndicatorProfileName,
  loadProfile,
  ShequError,
} from '../../src/index.js';

const NAMES = Object.keys(INDICATOR_PROFILES) as IndicatorProfileName[];
const CATALOGUE = Object.keys(INDICATORS);

function thrown(run: () => unknown): readonly Issue[] {
  try {
    run();
    return [];
  } catch (error) {
    if (!(error instanceof ShequError)) throw error;
    return error.issues;
  }
}

/** A file's issue as deriveIndicatorProfile gives it: `remove` for `removeIndicators`, its hints the derivation's. */
const asDerived = (issue: Issue): Issue => ({
  ...issue,
  path: (issue.path ?? []).map((key) => (key === 'removeIndicators' ? 'remove' : key)),
  message: {
    zh: issue.message.zh
      .replace('先在 indicators 或 addIndicators 中列出', '先在 add 中加入')
      .replace('配置文件只能引用内置指标', '既不是内置指标，也不是本方案的指标'),
    en: issue.message.en
      .replace('list it in indicators or addIndicators first', 'put it in add first')
      .replace(
        'a profile file refers to built-in indicators only',
        "neither a built-in indicator nor one of the profile's",
      ),
  },
});

const point = (year: number) => ({
  comparator: '>=' as const,
  value: 1,
  year,
  confidence: 'seed' as const,
  source: 's',
});

/** Changes over a built-in profile: removals, and figures of periods (known or not) for ids of all kinds. */
const changesOverProfile = fc.constantFrom(...NAMES).chain((name) => {
  const own = INDICATOR_PROFILES[name].indicators.map((entry) => entry.indicator.id);
  const id = fc.oneof(
    fc.constantFrom(...own),
    fc.constantFrom(...CATALOGUE),
    fc.stringMatching(/^[a-z][A-Za-z]{0,12}$/),
  );
  const points = fc.dictionary(
    id,
    fc.option(fc.integer({ min: 2018, max: 2033 }).map(point), { nil: null }),
    { maxKeys: 3 },
  );
  return fc.record({
    name: fc.constant(name),
    remove: fc.uniqueArray(id, { maxLength: 3 }),
    periods: fc.dictionary(
      fc.constantFrom('14th', '15th', '16th'),
      fc.record({ baselines: points, targets: points }),
      { maxKeys: 2 },
    ),
  });
});

describe('deriveIndicatorProfile given a change by id', () => {
  test.prop([changesOverProfile])(
    'reports each reference to no indicator, period or year of the profile, exactly as a profile file does',
    ({ name, remove, periods }) => {
      const derived = thrown(() =>
        deriveIndicatorProfile(INDICATOR_PROFILES[name], { id: 'x', remove, periods }),
      );
      const loaded = loadProfile({ id: 'x', extends: name, removeIndicators: remove, periods });
      expect(derived).toEqual(loaded.success ? [] : loaded.error.issues.map(asDerived));
    },
  );

  test.prop([
    fc.constantFrom(...NAMES),
    fc.stringMatching(/^[a-z][A-Za-z]{0,12}$/).filter((id) => !Object.hasOwn(INDICATORS, id)),
  ])('knows its own indicators: one added takes changes, one removed takes none', (name, id) => {
    const entry = { indicator: { ...INDICATORS.facilityAreaPer100Households, id } };
    const target = point(2030);
    const own = deriveIndicatorProfile(INDICATOR_PROFILES[name], {
      id: 'own',
      add: [entry],
      periods: { '15th': { targets: { [id]: target } } },
    });
    expect(own.periods?.['15th']?.targets?.[id]).toEqual(target);
    const issues = thrown(() =>
      deriveIndicatorProfile(own, { id: 'x', remove: [id], override: { [id]: { target } } }),
    );
    expect(issues.map((issue) => [issue.code, issue.path, issue.message.en])).toEqual([
      [
        'invalid_value',
        ['override', id],
        `Indicator ${id} is not one of the profile's (put it in add first)`,
      ],
    ]);
  });

  it('worked example: an override of no indicator, one added twice, two facts of one id', () => {
    const fact = INDICATOR_PROFILES.beijing.facts?.[0];
    if (fact === undefined) throw new Error('Beijing has facts');
    const issues = thrown(() =>
      deriveIndicatorProfile(INDICATOR_PROFILES.hebei, {
        id: 'x',
        add: [{ indicator: INDICATORS.communityHomes }, { indicator: INDICATORS.communityHomes }],
        remove: ['village5gCoverage'],
        override: {
          village5gCoverage: { target: null },
          facilityAreaPer100Household: { target: null },
        },
        facts: [fact, { ...fact, indicator: 'noSuchIndicator' }],
      }),
    );
    expect(issues.map((issue) => [issue.code, issue.path, issue.message.en])).toEqual([
      ['duplicate_id', ['add', 1], 'Indicator listed twice: communityHomes'],
      [
        'invalid_value',
        ['override', 'village5gCoverage'],
        "Indicator village5gCoverage is not one of the profile's (put it in add first)",
      ],
      [
        'unknown_indicator',
        ['override', 'facilityAreaPer100Household'],
        "Unknown indicator: facilityAreaPer100Household (neither a built-in indicator nor one of the profile's)",
      ],
      ['duplicate_id', ['facts', 1, 'id'], `Fact id listed twice: ${fact.id}`],
      [
        'unknown_indicator',
        ['facts', 1, 'indicator'],
        "Unknown indicator: noSuchIndicator (neither a built-in indicator nor one of the profile's)",
      ],
    ]);
    const hebeiHas = INDICATOR_PROFILES.hebei.indicators[0]
      ?.indicator as (typeof INDICATORS)['communityHomes'];
    expect(
      thrown(() =>
        deriveIndicatorProfile(INDICATOR_PROFILES.hebei, { id: 'x', add: [{ indicator: hebeiHas }] }),
      ).map((issue) => [issue.code, issue.path, issue.message.en]),
    ).toEqual([['duplicate_id', ['add', 0], `Indicator already in the profile: ${hebeiHas.id}`]]);
  });
});
