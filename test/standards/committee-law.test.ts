import { describe, expect, it } from 'vitest';
import { RESIDENTS_COMMITTEE_LAW } from '../../src/standards/index.js';

describe('RESIDENTS_COMMITTEE_LAW', () => {
  it('changes the household range on 2026-01-01, the day after the old text ends', () => {
    const [old, current] = RESIDENTS_COMMITTEE_LAW;
    expect(old?.households).toEqual({ min: 100, max: 700 });
    expect(old?.to).toBe('2025-12-31');
    expect(current?.from).toBe('2026-01-01');
    expect(current?.households).toEqual({ min: 1000, max: 3000 });
    expect(current?.termConfidence).toBe('unverified');
  });
});
