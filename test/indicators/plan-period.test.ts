import { differenceInCalendarYears, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { PLAN_PERIOD } from '../../src/indicators/index.js';

describe('PLAN_PERIOD', () => {
  it('spans the five years 2021–2025 after the 2020 baseline', () => {
    expect(differenceInCalendarYears(parseISO(PLAN_PERIOD.end), parseISO(PLAN_PERIOD.start))).toBe(4);
    expect(PLAN_PERIOD.targetYear - PLAN_PERIOD.baselineYear).toBe(5);
  });
});
