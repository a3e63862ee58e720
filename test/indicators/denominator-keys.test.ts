/**
 * Keys of `denominators` name regions in any written form: '13', '1300' and '130000000000' are one region. Two keys of
 * one region that give one indicator different denominators are refused (`duplicate_code`, naming both keys) by every
 * entry point that takes `denominators`; before, the key enumerated last silently won. Keys of one region that agree,
 * or give different indicators, are one region's denominators.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type Issue, ShequError } from '../../src/core/index.js';
import {
  computeIndicatorSeries,
  computeIndicators,
  computeIndicatorTable,
  createIndicatorAccumulator,
  evaluatePlanPeriod,
  INDICATOR_PROFILES,
  type IndicatorRowsOptions,
  indicatorRowsFromParts,
} from '../../src/indicators/index.js';
import { computeIndicatorsFromSource } from '../../src/pipeline/index.js';

const UNITS = [
  { code: '130123100201', kind: 'village' as const, hasFacility: true, households: 300, facilityArea: 90 },
  { code: '130123100202', kind: 'village' as const, hasFacility: true, households: 200, facilityArea: 50 },
];
const CSV = '统计用区划代码,类型,户数,是否建有综合服务设施,综合服务设施面积\n130123100201,村委会,300,是,90\n';
const BASE = { asOf: '2025-12-31', groupBy: ['province', 'prefecture', 'county', 'township'] } as const;

/** The regions above the units, with the number of significant digits of their codes. */
const REGIONS = [
  ['130000000000', 2],
  ['130100000000', 4],
  ['130123000000', 6],
  ['130123100000', 9],
] as const;
const INDICATOR_IDS = INDICATOR_PROFILES.national.indicators.map((entry) => entry.indicator.id);

type Denominators = NonNullable<IndicatorRowsOptions['denominators']>;

/** The issues of each entry point that takes `denominators` (none: it accepted them). */
async function issuesOfEachEntryPoint(denominators: Denominators): Promise<Record<string, readonly Issue[]>> {
  const options = { ...BASE, denominators };
  const thrown = (run: () => unknown): readonly Issue[] => {
    try {
      run();
      return [];
    } catch (error) {
      if (error instanceof ShequError) return error.issues;
      throw error;
    }
  };
  const issuesOf = (result: { success: boolean; error?: { issues: readonly Issue[] } }) =>
    result.success ? [] : (result.error?.issues ?? []);
  const accumulator = createIndicatorAccumulator();
  for (const unit of UNITS) accumulator.add(unit);
  return {
    computeIndicatorTable: issuesOf(computeIndicatorTable(UNITS, options)),
    computeIndicatorSeries: issuesOf(computeIndicatorSeries(UNITS, options)),
    evaluatePlanPeriod: issuesOf(evaluatePlanPeriod(UNITS, { ...options, period: '14th' })),
    computeIndicators: thrown(() => computeIndicators(UNITS, options)),
    indicatorRowsFromParts: thrown(() => indicatorRowsFromParts(accumulator.parts(), options)),
    'accumulator.rows': thrown(() => accumulator.rows(options)),
    computeIndicatorsFromSource: issuesOf(await computeIndicatorsFromSource(CSV, options)),
  };
}

function rowsWith(denominators: Denominators) {
  return computeIndicators(UNITS, { ...BASE, denominators });
}

/** A region, an indicator, and two distinct written forms of the region's code (a prefix padded with zeros). */
const twoKeysOfOneRegion = fc
  .tuple(fc.constantFrom(...REGIONS), fc.constantFrom(...INDICATOR_IDS))
  .chain(([[code, significant], indicator]) =>
    fc
      .uniqueArray(fc.integer({ min: significant, max: 12 }), { minLength: 2, maxLength: 2 })
      .map(([a, b]) => ({ code, indicator, keys: [code.slice(0, a), code.slice(0, b)] as const })),
  );
const denominator = fc.integer({ min: 0, max: 10_000_000 });

describe('denominators given twice for one region', () => {
  test.prop([twoKeysOfOneRegion, denominator, denominator.filter((n) => n > 0)], { numRuns: 40 })(
    'with different values: every entry point refuses them, naming both keys',
    async ({ indicator, keys: [first, second] }, value, more) => {
      const denominators = { [first]: { [indicator]: value }, [second]: { [indicator]: value + more } };
      const byEntryPoint = await issuesOfEachEntryPoint(denominators);
      for (const [entryPoint, issues] of Object.entries(byEntryPoint)) {
        const clash = issues.find((issue) => issue.code === 'duplicate_code');
        expect(clash, entryPoint).toBeDefined();
        expect(clash?.path.slice(0, 1)).toEqual(['denominators']);
        expect(keys(denominators)).toContain(clash?.path[1]);
        expect(clash?.path[2]).toBe(indicator);
        for (const text of [clash?.message.zh, clash?.message.en]) {
          expect(text).toContain(` ${first} `);
          expect(text).toContain(` ${second} `);
        }
      }
    },
  );

  test.prop([twoKeysOfOneRegion, denominator], { numRuns: 40 })(
    'with the same value: accepted, the rows those of one key',
    async ({ indicator, keys: [first, second] }, value) => {
      const twice = { [first]: { [indicator]: value }, [second]: { [indicator]: value } };
      for (const issues of Object.values(await issuesOfEachEntryPoint(twice))) expect(issues).toEqual([]);
      expect(rowsWith(twice)).toEqual(rowsWith({ [first]: { [indicator]: value } }));
    },
  );

  test.prop([twoKeysOfOneRegion, fc.constantFrom(...INDICATOR_IDS), denominator, denominator], {
    numRuns: 40,
  })(
    'for different indicators: both kept, as if given under one key',
    ({ code, indicator, keys: [first, second] }, other, value, otherValue) => {
      fc.pre(other !== indicator);
      const split = { [first]: { [indicator]: value }, [second]: { [other]: otherValue } };
      expect(rowsWith(split)).toEqual(rowsWith({ [code]: { [indicator]: value, [other]: otherValue } }));
    },
  );

  it('worked example: 13 and 130000000000 with 1000 and 2000 households', () => {
    const result = computeIndicatorTable(UNITS, {
      ...BASE,
      denominators: {
        '13': { facilityAreaPer100Households: 1000 },
        '130000000000': { facilityAreaPer100Households: 2000 },
      },
    });
    expect(result).toEqual({
      success: false,
      error: expect.objectContaining({
        issues: [
          {
            code: 'duplicate_code',
            path: ['denominators', '130000000000', 'facilityAreaPer100Households'],
            message: {
              zh: '分母的键 13 与 130000000000 是同一区域 130000000000，指标 facilityAreaPer100Households 的分母不同（1000 与 2000）',
              en: 'Keys 13 and 130000000000 of denominators name the same region 130000000000 with different denominators of facilityAreaPer100Households (1000 and 2000)',
            },
            severity: 'error',
          },
        ],
      }),
    });
  });

  it('worked example: 1301 and 130100 agreeing on 7300 households, 130100 silent on villages', () => {
    const row = rowsWith({
      '1301': { facilityAreaPer100Households: 7300, ruralFacilityCoverage: 10 },
      '130100': { facilityAreaPer100Households: 7300 },
    }).filter((r) => r.region === '130100000000');
    const area = row.find((r) => r.indicator === 'facilityAreaPer100Households');
    const coverage = row.find((r) => r.indicator === 'ruralFacilityCoverage');
    // 140 m² over 7 300 households, per 100 households; 2 of 10 villages.
    expect([area?.denominator, area?.value, area?.externalDenominator]).toEqual([7300, 1.9, true]);
    expect([coverage?.denominator, coverage?.value]).toEqual([10, 20]);
  });
});

function keys(record: object): string[] {
  return Object.keys(record);
}
