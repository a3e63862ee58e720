import { fc, test } from '@fast-check/vitest';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  issuesFromZod,
  parseUnitStatistics,
  UNIT_KIND_LABELS,
  UNIT_STATISTICS_FIELDS,
  type UnitStatistics,
  unitStatisticsSchema,
} from '../../src/index.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';

const BASE = { code: '130123001001', kind: 'community' } as const;

function issuesOf(row: unknown) {
  const result = parseUnitStatistics(row);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.code]);
}

describe('parseUnitStatistics', () => {
  it('accepts a minimal and a full row', () => {
    expect(parseUnitStatistics(BASE)).toEqual({ success: true, data: BASE });
    const full = {
      ...BASE,
      name: '诸福屯社区居民委员会',
      urbanRural: '111',
      households: 1840,
      residents: 5215,
      hasFacility: true,
      facilityArea: 612.5,
      activityArea: 400.25,
      newlyBuilt: true,
      totalFloorArea: 180000,
      commercialServiceArea: 18000,
      selfServiceTerminal: true,
      communityWorkers: 13,
      disasterOfficers: 1,
      secretaryIsDirector: true,
      satisfactionSurveyed: true,
      inQuarterHourCircle: true,
      governmentServices: true,
      resettlement: false,
      volunteers: 1006,
      communityHomes: 3,
      has5g: true,
    };
    expect(parseUnitStatistics(full)).toEqual({ success: true, data: full });
  });

  it('requires code and kind', () => {
    expect(issuesOf({})).toEqual([
      ['code', 'invalid_type'],
      ['kind', 'invalid_type'],
    ]);
  });

  it('has the documented UnitStatistics type as its output', () => {
    expectTypeOf<Readonly<z.output<typeof unitStatisticsSchema>>>().toEqualTypeOf<UnitStatistics>();
  });

  it('treats a key present with the value undefined as a wrong value, not as absent', () => {
    const result = parseUnitStatistics({ ...BASE, households: undefined });
    expect(!result.success && result.error.issues[0]).toMatchObject({
      path: ['households'],
      code: 'invalid_type',
      message: { en: 'Expected number' },
    });
  });

  it('requires a village-level code', () => {
    expect(issuesOf({ ...BASE, code: '130123001000' })).toEqual([['code', 'invalid_value']]);
    expect(issuesOf({ ...BASE, code: '1301230010' })).toEqual([['code', 'invalid_format']]);
    expect(issuesOf({ ...BASE, code: '000123001001' })).toEqual([['code', 'invalid_format']]);
  });

  it('reports wrong types, negative and fractional counts, and areas with three decimals, each with its path', () => {
    expect(
      issuesOf({
        ...BASE,
        kind: '居委会',
        households: -5,
        residents: 2.5,
        hasFacility: '是',
        facilityArea: 10.123,
      }),
    ).toEqual([
      ['kind', 'invalid_value'],
      ['households', 'invalid_value'],
      ['residents', 'invalid_type'],
      ['hasFacility', 'invalid_type'],
      ['facilityArea', 'invalid_value'],
    ]);
  });

  it('reports an activity area larger than the floor area, and a commercial area larger than the total', () => {
    expect(issuesOf({ ...BASE, facilityArea: 100, activityArea: 100.01 })).toEqual([
      ['activityArea', 'invalid_value'],
    ]);
    expect(issuesOf({ ...BASE, facilityArea: 100, activityArea: 100 })).toEqual([]);
    expect(issuesOf({ ...BASE, totalFloorArea: 10, commercialServiceArea: 11 })).toEqual([
      ['commercialServiceArea', 'invalid_value'],
    ]);
  });

  it('reports a cross-field problem beside problems in other fields', () => {
    expect(issuesOf({ ...BASE, households: -1, facilityArea: 10, activityArea: 20 })).toEqual([
      ['households', 'invalid_value'],
      ['activityArea', 'invalid_value'],
    ]);
    expect(issuesOf({ ...BASE, facilityArea: '10', activityArea: 20 })).toEqual([
      ['facilityArea', 'invalid_type'],
    ]);
  });

  it('gives messages in Chinese and English', () => {
    const result = parseUnitStatistics({ ...BASE, households: -5 });
    expect(!result.success && result.error.issues[0]?.message).toEqual({
      zh: '值应不小于 0',
      en: 'The value must be at least 0',
    });
  });

  it('does not let __proto__ keys pollute anything', () => {
    const row = JSON.parse('{"code":"130123001001","kind":"village","__proto__":{"polluted":true}}');
    const result = parseUnitStatistics(row);
    expect(result.success).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('labels every field and kind in both languages', () => {
    expect(Object.keys(UNIT_STATISTICS_FIELDS)).toEqual(Object.keys(unitStatisticsSchema.shape));
    expect(UNIT_KIND_LABELS.community.zh).toBe('居民委员会');
  });

  test.prop([unitStatisticsArbitrary()])('every generated row parses to itself', (row) => {
    expect(parseUnitStatistics(row)).toEqual({ success: true, data: row });
  });

  test.prop([unitStatisticsArbitrary()])('parse → serialise → parse is the identity', (row) => {
    const once = parseUnitStatistics(row);
    const twice = parseUnitStatistics(JSON.parse(JSON.stringify(once.success && once.data)));
    expect(twice).toEqual(once);
  });

  test.prop([fc.anything()])('never throws', (input) => {
    expect(typeof parseUnitStatistics(input).success).toBe('boolean');
  });
});

describe('issuesFromZod', () => {
  it('translates zod issues, keeps paths and prefixes them', () => {
    const schema = z.strictObject({
      list: z.array(z.string()).max(1),
      pick: z.enum(['a', 'b']),
      name: z.string().min(2),
      when: z.iso.date(),
      either: z.union([z.string(), z.number()]),
    });
    const result = schema.safeParse({
      list: ['x', 'y'],
      pick: 'c',
      name: 'x',
      when: 'soon',
      either: true,
      extra: 1,
    });
    if (result.success) throw new Error('expected a failure');
    const issues = issuesFromZod(result.error, { path: ['units', 3] });
    expect(issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['units.3.list', 'invalid_value'],
      ['units.3.pick', 'invalid_value'],
      ['units.3.name', 'invalid_value'],
      ['units.3.when', 'invalid_format'],
      ['units.3.either', 'invalid_value'],
      ['units.3', 'unrecognized_key'],
    ]);
    expect(issues[0]?.message.zh).toBe('长度应不大于 1');
    expect(issues[2]?.message.zh).toBe('长度应不小于 2');
  });

  it('tells a missing value from a wrong one when given the input', () => {
    const schema = z.object({ kind: z.enum(['a']), n: z.number(), nested: z.object({ m: z.number() }) });
    const input = { n: 'x', nested: {} };
    const result = schema.safeParse(input);
    if (result.success) throw new Error('expected a failure');
    expect(issuesFromZod(result.error, { input }).map((i) => [i.path.join('.'), i.message.en])).toEqual([
      ['kind', 'Required value is missing'],
      ['n', 'Expected number'],
      ['nested.m', 'Required value is missing'],
    ]);
    expect(issuesFromZod(result.error).map((i) => i.message.en)).toEqual([
      'Expected one of "a"',
      'Expected number',
      'Expected number',
    ]);
  });

  it('reports exclusive bounds', () => {
    const result = z.object({ n: z.number().gt(0).lt(0) }).safeParse({ n: 0 });
    if (result.success) throw new Error('expected a failure');
    expect(issuesFromZod(result.error).map((i) => i.message.en)).toEqual([
      'The value must be greater than 0',
      'The value must be less than 0',
    ]);
  });
});
