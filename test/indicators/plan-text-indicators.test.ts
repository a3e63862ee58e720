import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  computeIndicators,
  deriveIndicatorProfile,
  describeIndicatorProfiles,
  INDICATOR_PROFILES,
  INDICATOR_PROPERTY_LABELS,
  INDICATORS,
  type IndicatorProfile,
  type IndicatorRow,
  parseUnitStatistics,
  resolveIndicatorProfile,
  type UnitStatistics,
} from '../../src/index.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';

// The indicators the plans set beyond their tables (issue 14, "Missing"), worked by hand on five units.
const UNITS: UnitStatistics[] = [
  {
    code: '130123100001',
    kind: 'community',
    residents: 3000,
    volunteers: 150,
    socialWorkers: 3,
    surveyRespondents: 200,
    satisfiedRespondents: 180,
    serviceReviews: 50,
    positiveReviews: 45,
    daytimeCare: true,
    socialWorkStation: true,
    hasFacility: true,
    volunteerStation: true,
    hasLegalAdviser: true,
    secretaryIsDirector: true,
    basicCommerce: true,
  },
  {
    code: '130123100002',
    kind: 'community',
    residents: 2000,
    volunteers: 50,
    socialWorkers: 1,
    surveyRespondents: 100,
    satisfiedRespondents: 70,
    serviceReviews: 30,
    positiveReviews: 30,
    daytimeCare: false,
    socialWorkStation: false,
    hasFacility: true,
    volunteerStation: false,
    hasLegalAdviser: true,
    secretaryIsDirector: false,
    basicCommerce: false,
  },
  // No survey, review, volunteer or daytime-care figures: missing for those, never zero.
  {
    code: '130123100003',
    kind: 'community',
    residents: 1000,
    socialWorkers: 0,
    hasFacility: false,
    hasLegalAdviser: false,
    secretaryIsDirector: true,
  },
  {
    code: '130123100201',
    kind: 'village',
    residents: 800,
    volunteers: 40,
    socialWorkers: 0,
    surveyRespondents: 50,
    satisfiedRespondents: 45,
    serviceReviews: 0,
    positiveReviews: 0,
    socialWorkStation: true,
    hasFacility: true,
    volunteerStation: true,
    hasLegalAdviser: true,
    hasBroadband: true,
    secretaryIsDirector: true,
    basicCommerce: false,
  },
  // Daytime care on a village does not count (the Hebei text's 社区 are urban communities); facility unknown.
  {
    code: '130123201201',
    kind: 'village',
    residents: 1200,
    volunteers: 60,
    socialWorkers: 1,
    daytimeCare: true,
    socialWorkStation: true,
    hasLegalAdviser: true,
    hasBroadband: false,
    secretaryIsDirector: false,
    basicCommerce: true,
  },
];

const COUNTY = '130123000000';
const OPTIONS = { asOf: '2025-12-31' } as const;
const hebeiRows = computeIndicators(UNITS, { ...OPTIONS, profile: 'hebei' });
const beijingRows = computeIndicators(UNITS, { ...OPTIONS, profile: 'beijing' });
const pick = (rows: readonly IndicatorRow[], region: string, indicator: string) => {
  const row = rows.find((r) => r.region === region && r.indicator === indicator);
  if (row === undefined) throw new Error(`no row for ${region} ${indicator}`);
  return [row.numerator, row.denominator, row.missing, row.value];
};

const NEW_IDS = [
  'satisfactionRate',
  'positiveReviewRate',
  'basicCommerceCoverage',
  'registeredVolunteerRate',
  'socialWorkersPer10kResidents',
  'daytimeCareCoverage',
  'socialWorkStationCoverage',
  'volunteerStationCoverage',
  'legalAdviserCoverage',
  'villageBroadbandCoverage',
  'communitySecretaryDirectorConcurrency',
] as const;

describe('the plan-text indicators, worked by hand', () => {
  it('satisfaction: Σ satisfied / Σ asked = (180 + 70 + 45) / (200 + 100 + 50) = 84.29 → 84.3', () => {
    expect(pick(beijingRows, COUNTY, 'satisfactionRate')).toEqual([295, 350, 2, 84.3]);
  });

  it('好差评: Σ 好评 / Σ 评价 = 75 / 80 = 93.75 → 93.8 (half-up)', () => {
    expect(pick(beijingRows, COUNTY, 'positiveReviewRate')).toEqual([75, 80, 2, 93.8]);
  });

  it('basic convenience outlets: 2 of the 4 units that say (one does not)', () => {
    expect(pick(beijingRows, COUNTY, 'basicCommerceCoverage')).toEqual([2, 4, 1, 50]);
  });

  it('registered volunteers: 300 / 7 000 residents of the units that report both = 4.29 % → 4.3', () => {
    expect(pick(beijingRows, COUNTY, 'registeredVolunteerRate')).toEqual([300, 7000, 1, 4.3]);
  });

  it('social work professionals: 5 per 8 000 residents × 10 000 = 6.25 → 6.3', () => {
    expect(pick(beijingRows, COUNTY, 'socialWorkersPer10kResidents')).toEqual([5, 8000, 0, 6.3]);
  });

  it('daytime care: urban communities only, 1 of 2 known', () => {
    expect(pick(hebeiRows, COUNTY, 'daytimeCareCoverage')).toEqual([1, 2, 1, 50]);
  });

  it('social work stations: 3 of the 4 units that say; the 南楼乡 unit is served', () => {
    expect(pick(hebeiRows, COUNTY, 'socialWorkStationCoverage')).toEqual([3, 4, 1, 75]);
    expect(pick(hebeiRows, '130123201000', 'socialWorkStationCoverage')).toEqual([1, 1, 0, 100]);
  });

  it('volunteer stations: units with a facility only (one has none, one is unknown) → 2 / 3', () => {
    expect(pick(hebeiRows, COUNTY, 'volunteerStationCoverage')).toEqual([2, 3, 1, 66.7]);
  });

  it('legal advisers: 4 of 5; broadband: 1 of the 2 villages', () => {
    expect(pick(hebeiRows, COUNTY, 'legalAdviserCoverage')).toEqual([4, 5, 0, 80]);
    expect(pick(hebeiRows, COUNTY, 'villageBroadbandCoverage')).toEqual([1, 2, 0, 50]);
    expect(pick(hebeiRows, '130123201000', 'villageBroadbandCoverage')).toEqual([0, 1, 0, 0]);
  });

  it('"一人兼": communities (2 of 3) beside villages (1 of 2), each counting its own kind', () => {
    expect(pick(hebeiRows, COUNTY, 'communitySecretaryDirectorConcurrency')).toEqual([2, 3, 0, 66.7]);
    expect(pick(hebeiRows, COUNTY, 'secretaryDirectorConcurrency')).toEqual([1, 2, 0, 50]);
  });

  it('compares with the targets the texts give, and only those', () => {
    const status = (rows: readonly IndicatorRow[], id: string) =>
      rows.find((r) => r.region === COUNTY && r.indicator === id)?.status;
    expect(status(hebeiRows, 'villageBroadbandCoverage')).toBe('not-met');
    expect(status(hebeiRows, 'daytimeCareCoverage')).toBe('not-met');
    expect(status(beijingRows, 'basicCommerceCoverage')).toBe('not-met');
    for (const id of ['satisfactionRate', 'positiveReviewRate', 'registeredVolunteerRate'])
      expect(beijingRows.find((r) => r.indicator === id)?.target).toBeUndefined();
    expect(hebeiRows.find((r) => r.indicator === 'legalAdviserCoverage')?.baseline).toMatchObject({
      value: 100,
      year: 2020,
      confidence: 'seed',
    });
  });

  it('every new indicator sits in a provincial profile, with a source naming its plan', () => {
    const inProfiles = new Set(
      [...INDICATOR_PROFILES.hebei.indicators, ...INDICATOR_PROFILES.beijing.indicators].map(
        (e) => e.indicator.id,
      ),
    );
    for (const id of NEW_IDS) {
      expect(INDICATORS[id].id).toBe(id);
      expect(inProfiles.has(id), id).toBe(true);
      expect(INDICATORS[id].source).toMatch(/北京市|河北省/);
    }
    // Not national: the national text was not seen.
    const national = INDICATOR_PROFILES.national.indicators.map((e) => e.indicator.id);
    for (const id of NEW_IDS) expect(national).not.toContain(id);
  });
});

describe('the property (属性) of an indicator', () => {
  it('is set on no built-in indicator: neither plan text states one', () => {
    for (const indicator of Object.values(INDICATORS)) expect(indicator.property).toBeUndefined();
    expect(hebeiRows.some((row) => 'property' in row)).toBe(false);
    expect(INDICATOR_PROPERTY_LABELS.expected.zh).toBe('预期性');
  });

  it('shows in rows, JSON and the generated page where a definition states it', () => {
    const profile: IndicatorProfile = {
      id: 'district',
      name: { zh: '某区', en: 'a district' },
      indicators: [{ indicator: { ...INDICATORS.legalAdviserCoverage, property: 'binding' } }],
    };
    const rows = computeIndicators(UNITS, { ...OPTIONS, profile, groupBy: ['county'] });
    expect(rows[0]).toMatchObject({ indicator: 'legalAdviserCoverage', property: 'binding', value: 80 });
    expect(JSON.parse(JSON.stringify(rows))[0].property).toBe('binding');
    expect(describeIndicatorProfiles([profile])).toContain('| % | 约束性 |');
  });

  it('refuses a profile whose property is no known one', () => {
    const bogus = {
      id: 'bogus',
      name: { zh: '坏', en: 'bad' },
      indicators: [{ indicator: { ...INDICATORS.legalAdviserCoverage, property: '指导性' } }],
    };
    expect(resolveIndicatorProfile(bogus as never)).toBeUndefined();
  });
});

describe('the facts of the profiles', () => {
  it('hold the figures the plans state, with the values of the texts', () => {
    const value = (profile: 'hebei' | 'beijing', id: string) =>
      INDICATOR_PROFILES[profile].facts?.find((fact) => fact.id === id)?.value;
    expect(value('beijing', 'quarterHourCircles')).toBe(1772);
    expect(value('beijing', 'governmentServiceCommunities')).toBe(7168);
    expect(value('beijing', 'committeeMembersAndStationStaff')).toBe(61_400);
    expect(value('beijing', 'socialWorkProfessionals')).toBe(36_300);
    expect(value('beijing', 'registeredVolunteers')).toBe(1_920_100);
    expect(value('hebei', 'villagesElected')).toBe(49_406);
    expect(value('hebei', 'communitiesElected')).toBe(3119);
    expect(INDICATOR_PROFILES.hebei.facts?.find((f) => f.id === 'cadresTrainedPerYear')).toMatchObject({
      value: 15_000,
      approximate: true,
    });
    expect(INDICATOR_PROFILES.national.facts).toBeUndefined();
  });

  it('are kept by a derived profile and listed on the generated page', () => {
    const derived = deriveIndicatorProfile(INDICATOR_PROFILES.beijing, { id: 'dongcheng' });
    expect(derived.facts).toBe(INDICATOR_PROFILES.beijing.facts);
    const page = describeIndicatorProfiles([INDICATOR_PROFILES.hebei]);
    expect(page).toContain('`villagesElected`');
    expect(page).toContain('≈ 15000 人');
  });
});

const PERCENT_SHARES = NEW_IDS.filter(
  (id) => id !== 'registeredVolunteerRate' && id !== 'socialWorkersPer10kResidents',
);

describe('laws of the plan-text indicators', () => {
  const rowsArbitrary = fc.array(unitStatisticsArbitrary(), { maxLength: 40 });

  test.prop([rowsArbitrary])('every share lies within [0, 100]', (rows) => {
    for (const profile of ['hebei', 'beijing'] as const)
      for (const row of computeIndicators(rows, { ...OPTIONS, profile, groupBy: ['province', 'unit'] })) {
        if (!(PERCENT_SHARES as readonly string[]).includes(row.indicator) || row.value === null) continue;
        expect(row.value).toBeGreaterThanOrEqual(0);
        expect(row.value).toBeLessThanOrEqual(100);
        expect(row.numerator).toBeLessThanOrEqual(row.denominator);
      }
  });

  test.prop([rowsArbitrary])('a rolled-up row is the sum of its units', (rows) => {
    for (const profile of ['hebei', 'beijing'] as const) {
      const all = computeIndicators(rows, { ...OPTIONS, profile, groupBy: ['province', 'unit'] });
      for (const province of all.filter((r) => r.level === 'province')) {
        if (!(NEW_IDS as readonly string[]).includes(province.indicator)) continue;
        const units = all.filter(
          (r) =>
            r.level === 'unit' &&
            r.year === province.year && // each year is rolled up on its own
            r.indicator === province.indicator &&
            r.region.startsWith(province.region.slice(0, 2)),
        );
        const sum = (key: 'numerator' | 'denominator' | 'missing') =>
          units.reduce((total, r) => total + r[key], 0);
        expect([province.numerator, province.denominator, province.missing]).toEqual([
          sum('numerator'),
          sum('denominator'),
          sum('missing'),
        ]);
      }
    }
  });

  test.prop([rowsArbitrary, rowsArbitrary])('rolling up two halves equals computing all units', (a, b) => {
    const whole = computeIndicators([...a, ...b], { ...OPTIONS, profile: 'hebei', groupBy: ['province'] });
    const halves = [
      ...computeIndicators(a, { ...OPTIONS, profile: 'hebei', groupBy: ['province'] }),
      ...computeIndicators(b, { ...OPTIONS, profile: 'hebei', groupBy: ['province'] }),
    ];
    // The new indicators count units and persons: integer sums, compared exactly.
    for (const row of whole.filter((r) => (NEW_IDS as readonly string[]).includes(r.indicator))) {
      const parts = halves.filter(
        (r) => r.region === row.region && r.year === row.year && r.indicator === row.indicator,
      );
      expect(row.numerator).toBe(parts.reduce((total, r) => total + r.numerator, 0));
      expect(row.denominator).toBe(parts.reduce((total, r) => total + r.denominator, 0));
    }
  });
});

describe('the bundled sample shows the new indicators', () => {
  const sample = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'data', 'sample-units.json'), 'utf8'),
  ) as { units: unknown[] };
  const units = sample.units.flatMap((row) => {
    const parsed = parseUnitStatistics(row);
    return parsed.success ? [parsed.data] : [];
  });

  it('parses every unit and gives a value for each new indicator of its province', () => {
    expect(units).toHaveLength(sample.units.length);
    const byProvince = { hebei: '13', beijing: '11' } as const;
    for (const [profile, prefix] of Object.entries(byProvince) as ['hebei' | 'beijing', string][]) {
      const rows = computeIndicators(
        units.filter((u) => u.code.startsWith(prefix)),
        { ...OPTIONS, profile, groupBy: ['province'] },
      );
      for (const entry of INDICATOR_PROFILES[profile].indicators) {
        if (!(NEW_IDS as readonly string[]).includes(entry.indicator.id)) continue;
        const row = rows.find((r) => r.indicator === entry.indicator.id);
        expect(row?.value, `${profile} ${entry.indicator.id}`).not.toBeNull();
      }
    }
  });
});
