import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  committeeSize,
  isCommunityWorker,
  maskPerson,
  parseDataset,
  parseUnitStatistics,
  toUnitStatistics,
  unitSchema,
  type Worker,
} from '../../src/index.js';
import {
  datasetArbitrary,
  facilityArbitrary,
  unitArbitrary,
  workerArbitrary,
} from '../../src/testing/index.js';
import { beijingCommunity } from '../fixtures/beijing-community.js';
import { hebeiVillage } from '../fixtures/hebei-village.js';

function issuesOf(unit: unknown) {
  const result = unitSchema.safeParse(unit);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('rich unit records', () => {
  it('accept the hand-written Beijing community and Hebei village', () => {
    expect(unitSchema.safeParse(beijingCommunity)).toEqual({ success: true, data: beijingCommunity });
    expect(unitSchema.safeParse(hebeiVillage)).toEqual({ success: true, data: hebeiVillage });
  });

  it('derive the Beijing statistics row worked by hand', () => {
    // Facilities: the two 综合服务设施 count (480.5 + 120 m², activity 300.25 + 80 m²), the 老年驿站 does not.
    // Workers: 孙 and 吴 (full-time community workers) and 李 (full-time station staff) count; 周 (公益性岗位) and
    // 郑 (part-time building leader) do not → 3. 吴 is the disaster officer. Volunteers: 2 of 3 registered.
    expect(toUnitStatistics(beijingCommunity)).toEqual({
      code: '110101001001',
      name: '多福巷社区居委会',
      kind: 'community',
      urbanRural: '111',
      households: 1520,
      residents: 3480,
      hasFacility: true,
      facilityArea: 600.5,
      activityArea: 380.25,
      selfServiceTerminal: true,
      communityWorkers: 3,
      disasterOfficers: 1,
      secretaryIsDirector: true,
      satisfactionSurveyed: true,
      inQuarterHourCircle: true,
      governmentServices: true,
      resettlement: false,
      volunteers: 2,
      communityHomes: 2,
      // issue 14: one survey (300 asked, 276 satisfied); one review, rated 满意 (好评); the 党群服务中心 lists
      // 志愿服务 among its functions; no worker is a legal adviser; 孙 holds a social work certificate. No outlets
      // are listed, so basicCommerce stays absent.
      surveyRespondents: 300,
      satisfiedRespondents: 276,
      serviceReviews: 1,
      positiveReviews: 1,
      volunteerStation: true,
      hasLegalAdviser: false,
      socialWorkers: 1,
    });
  });

  it('derive the Hebei statistics row worked by hand', () => {
    expect(toUnitStatistics(hebeiVillage)).toEqual({
      code: '130123100201',
      name: '西上泽村委会',
      kind: 'village',
      urbanRural: '220',
      households: 612,
      residents: 2150,
      hasFacility: true,
      facilityArea: 210.3,
      activityArea: 150.1,
      selfServiceTerminal: false,
      communityWorkers: 1,
      disasterOfficers: 1,
      secretaryIsDirector: true,
      satisfactionSurveyed: false,
      volunteers: 1,
      has5g: true,
      // issue 14: no survey held (0 asked); no reviews listed (absent); no volunteer station, legal adviser or
      // certified social worker among the parts it lists.
      surveyRespondents: 0,
      satisfiedRespondents: 0,
      volunteerStation: false,
      hasLegalAdviser: false,
      socialWorkers: 0,
    });
    expect(committeeSize(hebeiVillage.twoCommittees ?? { members: [] })).toBe(3);
  });

  it('leave a derived field absent when its source is absent or unknown, never zero', () => {
    expect(toUnitStatistics({ code: '130123100201', kind: 'village' })).toEqual({
      code: '130123100201',
      kind: 'village',
    });
    const unknownArea = toUnitStatistics({
      code: '130123100201',
      kind: 'village',
      facilities: [{ kind: 'comprehensiveService', floorArea: 100 }, { kind: 'comprehensiveService' }],
    });
    expect(unknownArea).toEqual({
      code: '130123100201',
      kind: 'village',
      hasFacility: true,
      volunteerStation: false, // issue 14: the listed facilities are known, and none is a volunteer station
    });
    const none = toUnitStatistics({
      code: '130123100201',
      kind: 'village',
      facilities: [{ kind: 'library', floorArea: 50 }],
    });
    expect(none).toMatchObject({ hasFacility: false, facilityArea: 0, activityArea: 0 });
  });

  it('report a village with an urban-only member, and sub-committees in a village', () => {
    const village = {
      ...hebeiVillage,
      organisations: {
        members: { ownersCommittee: { status: 'present' }, propertyCompany: { status: 'notApplicable' } },
        subCommittees: { publicHealth: { status: 'present' } },
      },
    };
    expect(issuesOf(village)).toEqual([
      'organisations.members.ownersCommittee',
      'organisations.subCommittees.publicHealth',
    ]);
    const community = {
      ...beijingCommunity,
      organisations: { members: { supervisionCommittee: { status: 'present' } } },
    };
    expect(issuesOf(community)).toEqual(['organisations.members.supervisionCommittee']);
  });

  it('report wrong types, negative areas, activity above floor area, bad codes, each with its path', () => {
    const bad = {
      ...beijingCommunity,
      households: '1520',
      facilities: [
        { kind: 'comprehensiveService', floorArea: -1 },
        { kind: 'comprehensiveService', floorArea: 10, activityArea: 11 },
      ],
      workers: [{ roles: [], idNumber: '110105194912310021' }],
      twoCommittees: { electionDate: '2021-02-30', members: [] },
      organisations: {
        members: { propertyCompany: { status: 'present', creditCode: '914403001922038217' } },
      },
    };
    expect(issuesOf(bad)).toEqual([
      'households',
      'organisations.members.propertyCompany.creditCode',
      'twoCommittees.electionDate',
      'facilities.0.floorArea',
      'facilities.1.activityArea',
      'workers.0.idNumber',
      'workers.0.roles',
    ]);
  });

  it('never put an ID number into an issue', () => {
    const result = unitSchema.safeParse({
      ...beijingCommunity,
      workers: [{ roles: ['gridWorker'], idNumber: '110105194912310021' }],
    });
    expect(JSON.stringify(result.error)).not.toContain('110105194912310021');
  });

  it('report unknown keys, __proto__ included, without polluting anything', () => {
    const input = JSON.parse(
      '{"code":"130123100201","kind":"village","__proto__":{"polluted":true},"extra":1}',
    );
    expect(issuesOf(input)).toEqual(['']);
    const result = unitSchema.safeParse(input);
    expect(!result.success && result.error.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['__proto__', 'extra'],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('count community workers by the documented scope', () => {
    expect(isCommunityWorker({ roles: ['stationStaff'], employment: 'fullTime' })).toBe(true);
    expect(isCommunityWorker({ roles: ['committeeMember'], employment: 'fullTime' })).toBe(true);
    expect(isCommunityWorker({ roles: ['gridWorker'], employment: 'fullTime' })).toBe(false);
    expect(isCommunityWorker({ roles: ['communityWorker'], employment: 'temporary' })).toBe(false);
    expect(isCommunityWorker({ roles: ['communityWorker'] })).toBe(false);
  });

  it('mask ID numbers of people for display', () => {
    const member = beijingCommunity.twoCommittees?.members[0];
    expect(member && maskPerson(member).idNumber).toBe('110105********002X');
    const nobody: Worker = { roles: ['gridWorker'] };
    expect(maskPerson(nobody)).toBe(nobody);
  });
});

describe('unit properties', () => {
  test.prop([unitArbitrary()])('every generated unit parses to itself', (unit) => {
    expect(unitSchema.safeParse(unit)).toEqual({ success: true, data: unit });
  });

  test.prop([unitArbitrary()])(
    'rich record → statistics row is a valid row that agrees with the record',
    (unit) => {
      const row = toUnitStatistics(unit);
      expect(parseUnitStatistics(row)).toEqual({ success: true, data: row });
      expect(row.code).toBe(unit.code);
      if (unit.workers !== undefined) expect(row.communityWorkers).toBeLessThanOrEqual(unit.workers.length);
      if (row.facilityArea !== undefined && row.activityArea !== undefined) {
        expect(row.activityArea).toBeLessThanOrEqual(row.facilityArea);
      }
    },
  );

  test.prop([unitArbitrary()])('parse → serialise → parse is the identity', (unit) => {
    const once = unitSchema.safeParse(unit);
    expect(unitSchema.safeParse(JSON.parse(JSON.stringify(once.data)))).toEqual(once);
  });

  test.prop([fc.array(facilityArbitrary(), { maxLength: 5 })])(
    'facility areas add up exactly, in any order',
    (facilities) => {
      const unit = { code: '130123100201', kind: 'village' as const, facilities };
      const forward = toUnitStatistics(unit);
      const backward = toUnitStatistics({ ...unit, facilities: [...facilities].reverse() });
      expect(backward).toEqual(forward);
      const known = facilities.filter((f) => f.kind === 'comprehensiveService');
      if (forward.facilityArea !== undefined) {
        const cents = known.reduce((sum, f) => sum + Math.round((f.floorArea ?? 0) * 100), 0);
        expect(Math.round(forward.facilityArea * 100)).toBe(cents);
      }
    },
  );

  test.prop([fc.array(workerArbitrary(), { maxLength: 6 })])(
    'community workers never include non-full-time staff',
    (workers) => {
      const row = toUnitStatistics({ code: '130123100201', kind: 'village', workers });
      expect(row.communityWorkers).toBe(
        workers.filter((w) => w.employment === 'fullTime' && isCommunityWorker(w)).length,
      );
    },
  );

  test.prop([fc.anything()])('unit parsing never throws', (input) => {
    expect(typeof unitSchema.safeParse(input).success).toBe('boolean');
  });
});

describe('parseDataset', () => {
  it('accepts the fixtures and reports every problem of a broken dataset with its path', () => {
    expect(parseDataset({ asOf: '2025-12-31', units: [beijingCommunity, hebeiVillage] }).success).toBe(true);
    const result = parseDataset({
      asOf: '2025-13-01',
      units: [
        beijingCommunity,
        { ...hebeiVillage, facilities: [{ kind: 'comprehensiveService', floorArea: 10, activityArea: 20 }] },
        { ...beijingCommunity, name: '重复' },
        'not a unit',
      ],
    });
    expect(!result.success && result.error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid_date', 'asOf'],
      ['invalid_value', 'units.1.facilities.0.activityArea'],
      ['invalid_type', 'units.3'],
      ['duplicate_code', 'units.2.code'],
    ]);
  });

  it('checks the hierarchy when regions are given', () => {
    const result = parseDataset({
      regions: [
        { code: '110101001', name: '东华门街道' },
        { code: '110101001001', name: '村级代码作区域' },
        { code: '110101', name: '东城区', parent: '120000' },
      ],
      units: [hebeiVillage],
    });
    expect(!result.success && result.error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid_hierarchy', 'regions.1.code'],
      ['invalid_hierarchy', 'regions.2.parent'],
      ['invalid_hierarchy', 'units.0.code'],
    ]);
  });

  test.prop([datasetArbitrary()])('every generated dataset parses to itself', (dataset) => {
    expect(parseDataset(dataset)).toEqual({ success: true, data: dataset });
  });

  test.prop([datasetArbitrary(4), fc.nat()])(
    'duplicating any unit is reported once, at the copy',
    (dataset, pick) => {
      fc.pre(dataset.units.length > 0);
      const copy = dataset.units[pick % dataset.units.length];
      const result = parseDataset({ ...dataset, units: [...dataset.units, copy] });
      expect(!result.success && result.error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
        ['duplicate_code', `units.${dataset.units.length}.code`],
      ]);
    },
  );

  test.prop([fc.anything()])('never throws', (input) => {
    expect(typeof parseDataset(input).success).toBe('boolean');
  });
});
