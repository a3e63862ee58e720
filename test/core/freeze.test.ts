import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/core/freeze.js';
import { computeIndicators, INDICATOR_PROFILES, type UnitStatistics } from '../../src/index.js';

/** Every object and function reachable from `value` through own data properties. */
function reachable(value: unknown): object[] {
  const seen = new Set<object>();
  const pending = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if ((typeof next !== 'object' && typeof next !== 'function') || next === null || seen.has(next)) continue;
    seen.add(next);
    for (const key of Reflect.ownKeys(next)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(next, key);
      if (descriptor !== undefined && 'value' in descriptor) pending.push(descriptor.value);
    }
  }
  return [...seen];
}

describe('deepFreeze', () => {
  test.prop([fc.anything({ withMap: false, withSet: false })])(
    'freezes everything reachable and returns it',
    (value) => {
      expect(deepFreeze(value)).toBe(value);
      for (const part of reachable(value)) expect(Object.isFrozen(part)).toBe(true);
    },
  );

  it('freezes a cycle and a shared part once, by hand', () => {
    const shared = { value: 80 };
    const a: Record<string, unknown> = { shared, list: [shared] };
    a.self = a;
    deepFreeze(a);
    expect([Object.isFrozen(a), Object.isFrozen(shared), Object.isFrozen(a.list)]).toEqual([
      true,
      true,
      true,
    ]);
  });
});

describe('INDICATOR_PROFILES', () => {
  it('is frozen all the way down: no caller can change a built-in profile for the rest of the process', () => {
    for (const profile of Object.values(INDICATOR_PROFILES))
      for (const part of reachable(profile)) expect(Object.isFrozen(part)).toBe(true);
  });

  it('refuses an edit of a target or a measure, and computes as before after the attempt', () => {
    const rows: UnitStatistics[] = [
      { code: '130123100201', kind: 'village', households: 300, hasFacility: true, facilityArea: 100 },
      { code: '130123100202', kind: 'village', households: 200, hasFacility: false },
    ];
    const options = { profile: 'national', groupBy: ['county'], asOf: '2025-12-31' } as const;
    const before = computeIndicators(rows, options);
    expect(before.find((row) => row.indicator === 'ruralFacilityCoverage')?.target?.value).toBe(80);
    const entry = INDICATOR_PROFILES.national.indicators[0];
    expect(() => {
      (entry?.target as { value: number }).value = 1;
    }).toThrow(TypeError);
    expect(() => {
      (INDICATOR_PROFILES.national.indicators as unknown as unknown[]).push(entry);
    }).toThrow(TypeError);
    expect(computeIndicators(rows, options)).toEqual(before);
  });
});
