import { describe, expect, it } from 'vitest';
import { RULES, type Unit } from '../../src/index.js';
import { status } from './helpers.js';

const V = { code: '130123100201', kind: 'village' } as const;
const C = { code: '130123100001', kind: 'community' } as const;

describe('facility.areaPer100Households (≥ 30 m² per 100 households)', () => {
  const rule = RULES.areaPer100Households;
  it('passes above and exactly at 30, fails below', () => {
    expect(status(rule, { ...V, hasFacility: true, households: 400, facilityArea: 130 })).toBe('passed');
    expect(status(rule, { ...V, hasFacility: true, households: 400, facilityArea: 120 })).toBe('passed'); // exactly 30
    expect(status(rule, { ...V, hasFacility: true, households: 400, facilityArea: 119.99 })).toEqual([
      ['facilityArea', 'error'],
    ]);
    expect(status(rule, { ...V, hasFacility: true, households: 3, facilityArea: 0.9 })).toBe('passed'); // 0.9 / 3 × 100 = 30
  });
  it('does not apply without a facility, and is not checked without data', () => {
    expect(status(rule, { ...V, hasFacility: false, households: 400 })).toBe('not-applicable');
    expect(status(rule, { ...V, hasFacility: true, households: 0, facilityArea: 10 })).toBe('not-applicable');
    expect(status(rule, { ...V, hasFacility: true, facilityArea: 10 })).toBe('not-checked');
    expect(status(rule, { ...V, households: 10 })).toBe('not-checked');
  });
});

describe('facility.newCommercialShare (≥ 10 % for new communities)', () => {
  const rule = RULES.newCommercialShare;
  it('passes at exactly 10 %, fails just below', () => {
    expect(status(rule, { ...C, newlyBuilt: true, totalFloorArea: 80000, commercialServiceArea: 8000 })).toBe(
      'passed',
    );
    expect(
      status(rule, { ...C, newlyBuilt: true, totalFloorArea: 80000, commercialServiceArea: 7999.99 }),
    ).toEqual([['commercialServiceArea', 'error']]);
    expect(status(rule, { ...C, newlyBuilt: true, totalFloorArea: 80000, commercialServiceArea: 9000 })).toBe(
      'passed',
    );
  });
  it('applies to new communities only, and says when it cannot tell', () => {
    expect(status(rule, { ...C, newlyBuilt: false })).toBe('not-applicable');
    expect(status(rule, { ...C })).toBe('not-checked');
    expect(status(rule, { ...C, newlyBuilt: true })).toBe('not-checked');
    expect(status(rule, { ...C, newlyBuilt: true, totalFloorArea: 0, commercialServiceArea: 0 })).toBe(
      'not-applicable',
    );
  });
});

describe('facility.newUrbanMinimumArea (≥ 500 m² for new urban communities)', () => {
  const rule = RULES.newUrbanMinimumArea;
  it('passes at 500, fails at 499.99 and without a facility', () => {
    expect(status(rule, { ...C, newlyBuilt: true, hasFacility: true, facilityArea: 500 })).toBe('passed');
    expect(status(rule, { ...C, newlyBuilt: true, hasFacility: true, facilityArea: 499.99 })).toEqual([
      ['facilityArea', 'error'],
    ]);
    expect(status(rule, { ...C, newlyBuilt: true, hasFacility: false })).toEqual([['facilityArea', 'error']]);
    expect(status(rule, { ...C, newlyBuilt: false })).toBe('not-applicable');
    expect(status(rule, { ...C })).toBe('not-checked');
    expect(status(rule, { ...C, newlyBuilt: true })).toBe('not-checked');
  });
});

describe('facility.newEstateServiceRooms (Beijing, new estates ≥ 500 m²)', () => {
  const rule = RULES.newEstateServiceRooms;
  const estates = (serviceRoomArea: number) =>
    ({
      ...C,
      estates: [
        { name: '甲', newlyBuilt: true, serviceRoomArea },
        { name: '乙', households: 10 },
      ],
    }) as Unit;
  it('passes at 500, warns below, needs rich records', () => {
    expect(status(rule, C, estates(500))).toBe('passed');
    expect(status(rule, C, estates(499))).toEqual([['estates.0.serviceRoomArea', 'warning']]);
    expect(status(rule, C, { ...C, estates: [{ name: '旧', households: 10 }] })).toBe('not-applicable');
    expect(status(rule, C)).toBe('not-checked');
  });
});

describe('facility.activityAreaShare (≥ 60 %)', () => {
  const rule = RULES.activityAreaShare;
  it('checks rows: exactly 60 % passes, below warns', () => {
    expect(status(rule, { ...V, hasFacility: true, facilityArea: 100, activityArea: 60 })).toBe('passed');
    expect(status(rule, { ...V, hasFacility: true, facilityArea: 100, activityArea: 59.99 })).toEqual([
      ['activityArea', 'warning'],
    ]);
    expect(status(rule, { ...V, hasFacility: false })).toBe('not-applicable');
    expect(status(rule, { ...V, hasFacility: true, facilityArea: 0, activityArea: 0 })).toBe(
      'not-applicable',
    );
    expect(status(rule, { ...V, hasFacility: true, facilityArea: 100 })).toBe('not-checked');
  });
  it('checks each comprehensive facility of a rich record', () => {
    const unit: Unit = {
      ...V,
      facilities: [
        { kind: 'comprehensiveService', floorArea: 100, activityArea: 60 },
        { kind: 'library', floorArea: 100, activityArea: 10 },
        { kind: 'comprehensiveService', floorArea: 200, activityArea: 100 },
      ],
    };
    expect(status(rule, V, unit)).toEqual([['facilities.2.activityArea', 'warning']]);
    expect(status(rule, V, { ...V, facilities: [{ kind: 'comprehensiveService' }] })).toBe('not-checked');
    expect(
      status(rule, V, {
        ...V,
        facilities: [{ kind: 'comprehensiveService', floorArea: 10, activityArea: 9 }],
      }),
    ).toBe('passed');
  });
});

describe('facility.openingHours and facility.online24h (Beijing)', () => {
  it('opening hours: 8 passes, 7.5 warns', () => {
    const rule = RULES.openingHours;
    expect(
      status(rule, C, { ...C, facilities: [{ kind: 'comprehensiveService', openingHoursPerDay: 8 }] }),
    ).toBe('passed');
    expect(
      status(rule, C, { ...C, facilities: [{ kind: 'comprehensiveService', openingHoursPerDay: 7.5 }] }),
    ).toEqual([['facilities.0.openingHoursPerDay', 'warning']]);
    expect(status(rule, C, { ...C, facilities: [{ kind: 'comprehensiveService' }] })).toBe('not-checked');
    expect(status(rule, C)).toBe('not-checked');
  });
  it('online 24 hours', () => {
    const rule = RULES.online24h;
    expect(status(rule, C, { ...C, facilities: [{ kind: 'comprehensiveService', online24h: true }] })).toBe(
      'passed',
    );
    expect(
      status(rule, C, { ...C, facilities: [{ kind: 'comprehensiveService', online24h: false }] }),
    ).toEqual([['facilities.0.online24h', 'warning']]);
  });
});

describe('facility.resettlementCoverage (by 2025-12-31)', () => {
  const rule = RULES.resettlementCoverage;
  const unit = { ...V, resettlement: true, hasFacility: false };
  it('is info on the deadline and an error the day after', () => {
    expect(status(rule, unit, undefined, '2025-12-31')).toEqual([['hasFacility', 'info']]);
    expect(status(rule, unit, undefined, '2026-01-01')).toEqual([['hasFacility', 'error']]);
    expect(status(rule, { ...unit, hasFacility: true }, undefined, '2026-01-01')).toBe('passed');
    expect(status(rule, { ...V, resettlement: false })).toBe('not-applicable');
    expect(status(rule, V)).toBe('not-checked');
    expect(status(rule, { ...V, resettlement: true })).toBe('not-checked');
  });
});

describe('facility.exists', () => {
  const rule = RULES.facilityExists;
  it('is an error for a community, a warning for a village', () => {
    expect(status(rule, { ...C, hasFacility: false })).toEqual([['hasFacility', 'error']]);
    expect(status(rule, { ...V, hasFacility: false })).toEqual([['hasFacility', 'warning']]);
    expect(status(rule, { ...V, hasFacility: true })).toBe('passed');
    expect(status(rule, V)).toBe('not-checked');
  });
});

describe('workers.disasterOfficer, service.satisfactionSurvey, service.convenienceOutlets', () => {
  it('disaster officer: 1 passes, 0 fails', () => {
    expect(status(RULES.disasterOfficer, { ...V, disasterOfficers: 1 })).toBe('passed');
    expect(status(RULES.disasterOfficer, { ...V, disasterOfficers: 0 })).toEqual([
      ['disasterOfficers', 'error'],
    ]);
    expect(status(RULES.disasterOfficer, V)).toBe('not-checked');
  });
  it('satisfaction survey', () => {
    expect(status(RULES.satisfactionSurvey, { ...V, satisfactionSurveyed: true })).toBe('passed');
    expect(status(RULES.satisfactionSurvey, { ...V, satisfactionSurveyed: false })).toEqual([
      ['satisfactionSurveyed', 'warning'],
    ]);
    expect(status(RULES.satisfactionSurvey, V)).toBe('not-checked');
  });
  it('convenience outlets: all six pass, five warn', () => {
    const all = [
      'vegetables',
      'convenienceStore',
      'breakfast',
      'hairdressing',
      'repairs',
      'housekeeping',
    ] as const;
    expect(status(RULES.convenienceOutlets, C, { ...C, convenienceOutlets: all })).toBe('passed');
    expect(status(RULES.convenienceOutlets, C, { ...C, convenienceOutlets: all.slice(1) })).toEqual([
      ['convenienceOutlets', 'warning'],
    ]);
    expect(status(RULES.convenienceOutlets, C)).toBe('not-checked');
  });
});
