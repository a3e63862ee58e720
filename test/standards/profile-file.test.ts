import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  computeIndicators,
  INDICATOR_PROFILES,
  type IndicatorProfileName,
  ISSUE_CODES,
  loadProfile,
  type ProfileFile,
  parseUnitStatistics,
  profileJsonSchema,
  profileToJson,
  RULE_PROFILES,
  validate,
} from '../../src/index.js';

const root = join(import.meta.dirname, '..', '..');
const SAMPLE = (
  JSON.parse(readFileSync(join(root, 'examples', 'data', 'sample-units.json'), 'utf8')) as {
    units: unknown[];
  }
).units.flatMap((row) => {
  const parsed = parseUnitStatistics(row);
  return parsed.success ? [parsed.data] : [];
});
const EXAMPLE = readFileSync(join(root, 'examples', 'profiles', 'hebei-15th.json'), 'utf8');
const NAMES = Object.keys(INDICATOR_PROFILES) as IndicatorProfileName[];

const issuesOf = (input: unknown) => {
  const result = loadProfile(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.code, issue.path]);
};

describe('built-in profiles as data', () => {
  it.each(NAMES)('%s → JSON → loadProfile gives the same rows on the sample, in both periods', (name) => {
    const text = JSON.stringify(profileToJson(name));
    const loaded = loadProfile(text);
    expect(loaded.success).toBe(true);
    if (!loaded.success) return;
    for (const options of [{ asOf: '2023-06-30' }, { asOf: '2026-06-30' }, { period: '14th' }] as const) {
      const builtIn = computeIndicators(SAMPLE, { profile: name, groupBy: ['county', 'unit'], ...options });
      const fromFile = computeIndicators(SAMPLE, {
        profile: loaded.data.indicators,
        groupBy: ['county', 'unit'],
        ...options,
      });
      expect(fromFile).toEqual(builtIn);
    }
    expect(loaded.data.indicators.facts).toEqual(INDICATOR_PROFILES[name].facts);
    expect(loaded.data.rules.rules.map((rule) => rule.id)).toEqual(
      RULE_PROFILES[name].rules.map((r) => r.id),
    );
  });

  it('the written file is stable: writing the loaded profile again gives the same JSON', () => {
    for (const name of NAMES) {
      const file = profileToJson(name);
      const loaded = loadProfile(JSON.parse(JSON.stringify(file)));
      if (!loaded.success) throw new Error(name);
      expect(JSON.parse(JSON.stringify(profileToJson(loaded.data.indicators, { rules: name })))).toEqual({
        ...JSON.parse(JSON.stringify(file)),
      });
    }
  });
});

describe('the example profile file', () => {
  it('loads, and gives 十五五 targets where it sets them (no-target elsewhere)', () => {
    const loaded = loadProfile(EXAMPLE);
    expect(loaded.success).toBe(true);
    if (!loaded.success) return;
    const { indicators, rules } = loaded.data;
    expect(indicators.periods?.['15th']?.targets?.facilityAreaPer100Households).toEqual({
      comparator: '>=',
      value: 35,
      year: 2030, // the period's last year, filled in
      confidence: 'unverified',
      source: 'EXAMPLE ONLY — replace with the target of your 十五五 plan when it is published',
    });
    const rows = computeIndicators(SAMPLE, {
      profile: indicators,
      groupBy: ['province'],
      asOf: '2026-12-31',
    });
    const area = rows.find((row) => row.indicator === 'facilityAreaPer100Households');
    expect(area?.target?.value).toBe(35);
    expect(area?.baseline).toMatchObject({ value: 30, year: 2025 });
    // One fifth of the way from the end of 2025 (30) to the end of 2030 (35): 365 / 1826 days → 30.9995…
    expect(area?.expected).toBe(31);
    expect(rows.find((row) => row.indicator === 'village5gCoverage')?.target?.year).toBe(2028);
    const others = rows.filter(
      (row) => row.indicator !== 'facilityAreaPer100Households' && row.indicator !== 'village5gCoverage',
    );
    expect(new Set(others.map((row) => row.status))).toEqual(new Set(['no-target']));
    // The 十四五 figures of hebei are kept for the final evaluation.
    const evaluation = computeIndicators(SAMPLE, {
      profile: indicators,
      groupBy: ['province'],
      period: '14th',
    });
    expect(evaluation).toEqual(
      computeIndicators(SAMPLE, { profile: 'hebei', groupBy: ['province'], period: '14th' }),
    );
    // Rules: one switched off, one severity changed.
    expect(rules.rules.some((rule) => rule.id === 'service.convenienceOutlets')).toBe(false);
    expect(rules.rules.find((rule) => rule.id === 'facility.activityAreaShare')?.severity).toBe('error');
    expect(validate(SAMPLE, { profile: rules, asOf: '2026-12-31' }).profile).toBe('hebei-15th-example');
  });
});

describe('loadProfile refuses what is wrong, with the JSON path', () => {
  const target = { comparator: '>=', value: 35, confidence: 'seed', source: 's' };

  it('unknown indicator ids, in lists and in periods', () => {
    expect(issuesOf({ id: 'x', extends: 'hebei', indicators: ['noSuch'] })).toEqual([
      ['unknown_indicator', ['indicators', 0]],
    ]);
    expect(
      issuesOf({ id: 'x', extends: 'hebei', periods: { '15th': { targets: { noSuch: target } } } }),
    ).toEqual([['unknown_indicator', ['periods', '15th', 'targets', 'noSuch']]]);
    // A known indicator that the profile does not include.
    expect(
      issuesOf({
        id: 'x',
        indicators: ['ruralFacilityCoverage'],
        periods: { '14th': { targets: { communityHomes: target } } },
      }),
    ).toEqual([['invalid_value', ['periods', '14th', 'targets', 'communityHomes']]]);
  });

  it('a bad comparator, a target year outside its period, a baseline after the baseline year', () => {
    expect(
      issuesOf({
        id: 'x',
        extends: 'national',
        periods: { '15th': { targets: { ruralFacilityCoverage: { ...target, comparator: '≥' } } } },
      }),
    ).toEqual([['invalid_value', ['periods', '15th', 'targets', 'ruralFacilityCoverage', 'comparator']]]);
    expect(
      issuesOf({
        id: 'x',
        extends: 'national',
        periods: { '15th': { targets: { ruralFacilityCoverage: { ...target, year: 2025 } } } },
      }),
    ).toEqual([['invalid_value', ['periods', '15th', 'targets', 'ruralFacilityCoverage', 'year']]]);
    expect(
      issuesOf({
        id: 'x',
        extends: 'national',
        periods: { '14th': { targets: { ruralFacilityCoverage: { ...target, year: 2026 } } } },
      }),
    ).toEqual([['invalid_value', ['periods', '14th', 'targets', 'ruralFacilityCoverage', 'year']]]);
    expect(
      issuesOf({
        id: 'x',
        extends: 'national',
        periods: {
          '15th': {
            baselines: { ruralFacilityCoverage: { value: 1, year: 2026, confidence: 'seed', source: 's' } },
          },
        },
      }),
    ).toEqual([['invalid_value', ['periods', '15th', 'baselines', 'ruralFacilityCoverage', 'year']]]);
    expect(issuesOf({ id: 'x', extends: 'national', periods: { '13th': {} } })).toEqual([
      ['invalid_value', ['periods', '13th']],
    ]);
  });

  it('ids listed twice', () => {
    expect(
      issuesOf({
        id: 'x',
        indicators: ['ruralFacilityCoverage', 'urbanFacilityCoverage', 'ruralFacilityCoverage'],
      }),
    ).toEqual([['duplicate_id', ['indicators', 2]]]);
    expect(issuesOf({ id: 'x', extends: 'hebei', addIndicators: ['village5gCoverage'] })).toEqual([
      ['duplicate_id', ['addIndicators', 0]],
    ]);
    const fact = INDICATOR_PROFILES.hebei.facts?.[0];
    expect(issuesOf({ id: 'x', extends: 'hebei', facts: [fact, fact] })).toEqual([
      ['duplicate_id', ['facts', 1, 'id']],
    ]);
  });

  it('prototype-changing keys are refused wherever they are, and pollute nothing', () => {
    const text = `{ "id": "x", "extends": "hebei", "periods": { "15th": { "targets": { "__proto__": { "polluted": true } } } } }`;
    expect(issuesOf(text)).toEqual([['unsafe_key', ['periods', '15th', 'targets', '__proto__']]]);
    expect(issuesOf(JSON.parse('{ "id": "x", "__proto__": { "extends": "hebei" } }'))).toEqual([
      ['unsafe_key', ['__proto__']],
    ]);
    expect(
      issuesOf({ id: 'x', extends: 'hebei', rules: { parameters: { constructor: { prototype: 1 } } } }),
    ).toEqual([['unsafe_key', ['rules', 'parameters', 'constructor']]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('text that is not JSON: invalid_json with its line', () => {
    const result = loadProfile('{\n  "id": "x",\n}');
    expect(result.success).toBe(false);
    expect(!result.success && result.error.issues[0]).toMatchObject({
      code: 'invalid_json',
      line: 3,
      message: { en: 'Not valid JSON: line 3, column 1' },
    });
  });

  it('rules: unknown ids, a parameter the rule lacks or of another type', () => {
    expect(issuesOf({ id: 'x', extends: 'hebei', rules: { disable: ['no.such'] } })).toEqual([
      ['unknown_rule', ['rules', 'disable', 0]],
    ]);
    expect(
      issuesOf({
        id: 'x',
        extends: 'hebei',
        rules: { parameters: { 'facility.areaPer100Households': { minimum: 'big' } } },
      }),
    ).toEqual([['invalid_value', ['rules', 'parameters', 'facility.areaPer100Households', 'minimum']]]);
    // A disabled rule can be given no severity.
    expect(
      issuesOf({
        id: 'x',
        extends: 'hebei',
        rules: {
          disable: ['facility.activityAreaShare'],
          severity: { 'facility.activityAreaShare': 'info' },
        },
      }),
    ).toEqual([['unknown_rule', ['rules', 'severity', 'facility.activityAreaShare']]]);
  });

  it('a profile without extends lists its indicators; structure errors come from the schema', () => {
    expect(issuesOf({ id: 'x' })).toEqual([['invalid_value', ['indicators']]]);
    expect(issuesOf({ id: 'x', extends: 'shanghai', colour: 'red' })).toEqual([
      ['invalid_value', ['extends']],
      ['unrecognized_key', []],
    ]);
    expect(issuesOf(null)).toEqual([['invalid_type', []]]);
  });

  it('extends, adds, removes, switches rules on; a fact with an inherited id replaces it', () => {
    const fact = INDICATOR_PROFILES.hebei.facts?.[0];
    if (fact === undefined) throw new Error('hebei has facts');
    const loaded = loadProfile({
      id: 'district',
      extends: 'hebei',
      removeIndicators: ['village5gCoverage'],
      addIndicators: ['communityHomes'],
      facts: [{ ...fact, value: 1 }],
      rules: { extends: 'national', enable: ['workers.disasterOfficer'] },
    } satisfies ProfileFile);
    expect(loaded.success).toBe(true);
    if (!loaded.success) return;
    const ids = loaded.data.indicators.indicators.map((entry) => entry.indicator.id);
    expect(ids).toHaveLength(18);
    expect(ids.at(-1)).toBe('communityHomes');
    expect(ids).not.toContain('village5gCoverage');
    expect(loaded.data.indicators.facts?.[0]?.value).toBe(1);
    expect(loaded.data.indicators.facts).toHaveLength(INDICATOR_PROFILES.hebei.facts?.length ?? 0);
    expect(loaded.data.rules.rules.map((rule) => rule.id)).toEqual([
      ...RULE_PROFILES.national.rules.map((rule) => rule.id),
      'workers.disasterOfficer',
    ]);
  });
});

describe('loadProfile never throws', () => {
  const codes = new Set(Object.keys(ISSUE_CODES));
  const wellFormed = (input: unknown) => {
    const result = loadProfile(input);
    if (!result.success)
      for (const issue of result.error.issues) {
        expect(codes.has(issue.code)).toBe(true);
        expect(typeof issue.message.zh).toBe('string');
        expect(typeof issue.message.en).toBe('string');
      }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  };

  test.prop([fc.jsonValue()])('on any JSON value', wellFormed);
  test.prop([fc.string()])('on any text', wellFormed);

  const mutation = fc.record({
    name: fc.constantFrom<IndicatorProfileName>('national', 'hebei', 'beijing'),
    steps: fc.array(
      fc.tuple(
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.oneof(fc.jsonValue(), fc.constant(undefined)),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'x', 'year', 'value', '15th', '14th'),
  });

  /** Sets (or deletes) the value at a path chosen by indexes into the keys met on the way. */
  function mutate(value: unknown, choices: readonly number[], replacement: unknown, key: string): unknown {
    if (value === null || typeof value !== 'object') return replacement;
    const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
    const keys = Object.keys(copy);
    const [first, ...rest] = choices;
    if (keys.length === 0 || rest.length === 0 || first === undefined) {
      Object.defineProperty(
        copy,
        keys.length === 0 || first === undefined ? key : (keys[first % keys.length] as string),
        {
          value: replacement,
          enumerable: true,
          configurable: true,
          writable: true,
        },
      );
      return copy;
    }
    const chosen = keys[first % keys.length] as string;
    copy[chosen] = mutate(copy[chosen], rest, replacement, key);
    return copy;
  }

  test.prop([mutation])('on mutated valid profiles, and the unmutated ones load', ({ name, steps, key }) => {
    const file = JSON.parse(JSON.stringify(profileToJson(name))) as unknown;
    expect(loadProfile(file).success).toBe(true);
    let mutated = file;
    for (const [choices, replacement] of steps) mutated = mutate(mutated, choices, replacement, key);
    wellFormed(mutated);
    wellFormed(JSON.stringify(mutated));
  });
});

describe('the published JSON Schema', () => {
  it('docs/schema/profile.schema.json is up to date (npm run generate:docs)', () => {
    const published = JSON.parse(readFileSync(join(root, 'docs', 'schema', 'profile.schema.json'), 'utf8'));
    expect(published).toEqual(profileJsonSchema());
    expect(profileJsonSchema()).toMatchObject({ required: ['id'], additionalProperties: false });
  });
});
