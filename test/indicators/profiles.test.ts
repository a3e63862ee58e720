import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deriveIndicatorProfile,
  describeIndicatorProfiles,
  INDICATOR_PROFILES,
  INDICATORS,
  MEASURES,
  resolveIndicatorProfile,
} from '../../src/index.js';

const ids = (name: keyof typeof INDICATOR_PROFILES) =>
  INDICATOR_PROFILES[name].indicators.map((e) => e.indicator.id);
const entry = (name: keyof typeof INDICATOR_PROFILES, id: string) =>
  INDICATOR_PROFILES[name].indicators.find((e) => e.indicator.id === id);
const SEVEN = [
  'ruralFacilityCoverage',
  'urbanFacilityCoverage',
  'newCommercialServiceAreaShare',
  'facilityAreaPer100Households',
  'activityAreaShare',
  'urbanSelfServiceCoverage',
  'workersPer10kUrbanResidents',
];

describe('indicator profiles, as indicators.md gives them', () => {
  it('hold the seven in table order, plus the provincial ones', () => {
    expect(ids('national')).toEqual(SEVEN);
    expect(ids('hebei')).toEqual([
      ...SEVEN,
      'disasterOfficerCoverage',
      'secretaryDirectorConcurrency',
      'resettlementFacilityCoverage',
      'village5gCoverage',
      // what the Hebei text sets beyond its table (issue 14)
      'governmentServiceCoverage',
      'daytimeCareCoverage',
      'socialWorkStationCoverage',
      'volunteerStationCoverage',
      'legalAdviserCoverage',
      'villageBroadbandCoverage',
      'communitySecretaryDirectorConcurrency',
    ]);
    expect(ids('beijing')).toEqual([
      ...SEVEN,
      'quarterHourCircleCoverage',
      'communityHomes',
      'governmentServiceCoverage',
      'satisfactionSurveyCoverage',
      // what the Beijing text sets beyond its (lost) table (issue 14)
      'satisfactionRate',
      'positiveReviewRate',
      'basicCommerceCoverage',
      'registeredVolunteerRate',
      'socialWorkersPer10kResidents',
    ]);
  });

  it('carry national baselines and targets with their confidence', () => {
    expect(entry('national', 'ruralFacilityCoverage')).toMatchObject({
      baseline: { year: 2020, value: 65.7, confidence: 'national' },
      target: { comparator: '>=', value: 80, year: 2025, confidence: 'national' },
    });
    expect(entry('national', 'newCommercialServiceAreaShare')?.target).toMatchObject({
      value: 10,
      confidence: 'local-consensus',
    });
    expect(entry('national', 'activityAreaShare')?.target).toMatchObject({
      value: 60,
      confidence: 'local-consensus',
    });
    expect(entry('national', 'urbanSelfServiceCoverage')?.target).toMatchObject({
      value: 100,
      confidence: 'unverified',
    });
    // "超过18人": the comparator follows the quoted words (issue 14; it was '>=').
    expect(entry('national', 'workersPer10kUrbanResidents')?.target).toMatchObject({
      comparator: '>',
      value: 18,
      confidence: 'national',
    });
    expect(entry('national', 'facilityAreaPer100Households')?.baseline).toBeUndefined();
  });

  it('carry Hebei’s seed figures and flag the national defaults', () => {
    expect(entry('hebei', 'ruralFacilityCoverage')).toMatchObject({
      baseline: { value: 65, confidence: 'seed' },
      target: { value: 80, confidence: 'unverified' },
    });
    expect(entry('hebei', 'facilityAreaPer100Households')).toMatchObject({
      baseline: { value: 23.6, confidence: 'seed' },
      target: { value: 30, confidence: 'seed' },
    });
    expect(entry('hebei', 'secretaryDirectorConcurrency')).toMatchObject({ baseline: { value: 75.93 } });
    expect(entry('hebei', 'secretaryDirectorConcurrency')?.target).toBeUndefined();
    expect(entry('hebei', 'village5gCoverage')?.target).toMatchObject({
      comparator: '>=',
      value: 80,
      confidence: 'seed',
    });
    for (const id of ['activityAreaShare', 'urbanSelfServiceCoverage', 'workersPer10kUrbanResidents']) {
      expect(entry('hebei', id)?.target?.confidence).toBe('unverified');
    }
  });

  it('flag every national target as unverified for Beijing (its table was lost) and carry its seed figures', () => {
    for (const id of SEVEN) expect(entry('beijing', id)?.target?.confidence).toBe('unverified');
    expect(entry('beijing', 'quarterHourCircleCoverage')).toMatchObject({
      baseline: { value: 98, confidence: 'seed' },
      target: { confidence: 'unverified' },
    });
    expect(entry('beijing', 'communityHomes')).toMatchObject({ baseline: { value: 608 } });
    expect(entry('beijing', 'governmentServiceCoverage')?.target).toMatchObject({
      value: 100,
      confidence: 'seed',
    });
  });

  it('count units by kind as 民政 statistics do', () => {
    expect(INDICATORS.ruralFacilityCoverage.appliesTo).toEqual(['village']);
    expect(INDICATORS.urbanFacilityCoverage.appliesTo).toEqual(['community']);
    expect(INDICATORS.facilityAreaPer100Households.appliesTo).toEqual(['community', 'village']);
    expect(INDICATORS.workersPer10kUrbanResidents).toMatchObject({ scale: 10000, appliesTo: ['community'] });
    expect(
      MEASURES.facilityArea.read({
        code: '130123100201',
        kind: 'village',
        hasFacility: false,
        facilityArea: 50,
      }),
    ).toBe(0);
    expect(
      MEASURES.hasDisasterOfficer.read({ code: '130123100201', kind: 'village', disasterOfficers: 2 }),
    ).toBe(1);
  });
});

describe('deriveIndicatorProfile', () => {
  it('adds, removes and overrides without touching the base', () => {
    const derived = deriveIndicatorProfile(INDICATOR_PROFILES.hebei, {
      id: 'zhengding',
      remove: ['village5gCoverage'],
      add: [{ indicator: INDICATORS.communityHomes }],
      override: {
        facilityAreaPer100Households: {
          target: { comparator: '>=', value: 35, year: 2025, confidence: 'seed', source: '县规划' },
        },
        ruralFacilityCoverage: { baseline: null, target: null },
      },
    });
    expect(derived.indicators.map((e) => e.indicator.id)).toContain('communityHomes');
    expect(derived.indicators.map((e) => e.indicator.id)).not.toContain('village5gCoverage');
    expect(derived.indicators.find((e) => e.indicator.id === 'facilityAreaPer100Households')).toMatchObject({
      baseline: { value: 23.6 },
      target: { value: 35 },
    });
    expect(derived.indicators.find((e) => e.indicator.id === 'ruralFacilityCoverage')).toEqual({
      indicator: INDICATORS.ruralFacilityCoverage,
    });
    expect(derived.name).toEqual(INDICATOR_PROFILES.hebei.name);
    expect(entry('hebei', 'facilityAreaPer100Households')?.target?.value).toBe(30);
  });

  it('resolves names and objects', () => {
    expect(resolveIndicatorProfile()).toBe(INDICATOR_PROFILES.national);
    expect(resolveIndicatorProfile(INDICATOR_PROFILES.beijing)).toBe(INDICATOR_PROFILES.beijing);
    expect(resolveIndicatorProfile('toString')).toBeUndefined();
  });
});

describe('the generated indicator page', () => {
  it('docs/indicators.md is up to date (npm run generate:docs)', () => {
    const page = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'indicators.md'), 'utf8');
    expect(page).toBe(describeIndicatorProfiles());
    expect(page).toContain('| `facilityAreaPer100Households` |');
  });
});
