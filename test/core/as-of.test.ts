import { fc, test } from '@fast-check/vitest';
import { addYears } from 'date-fns/addYears';
import { describe, expect, it } from 'vitest';
import { addYearsToIsoDate, isIsoCalendarDate } from '../../src/core/as-of.js';
import { resolveAsOf, todayInChina } from '../../src/index.js';

describe('resolveAsOf', () => {
  it('keeps a calendar date as it is', () => {
    expect(resolveAsOf('2025-12-31')).toEqual({ success: true, data: '2025-12-31' });
    expect(resolveAsOf('2024-02-29')).toEqual({ success: true, data: '2024-02-29' });
  });

  it('reads an instant in China time (UTC+8)', () => {
    expect(resolveAsOf(new Date('2025-12-31T15:59:59Z'))).toEqual({ success: true, data: '2025-12-31' });
    expect(resolveAsOf(new Date('2025-12-31T16:00:00Z'))).toEqual({ success: true, data: '2026-01-01' });
  });

  it('defaults to today in China', () => {
    const result = resolveAsOf();
    expect(result.success && result.data).toBe(todayInChina());
  });

  it.each(['2025-02-29', '2025-13-01', '2025-1-1', '20251231', 'yesterday', ''])('rejects %s', (input) => {
    const result = resolveAsOf(input);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.error.issues[0]).toMatchObject({ code: 'invalid_date', path: ['asOf'] });
  });

  // A Date whose China date has no 'YYYY-MM-DD' form (years past 9999 or before 0001) is an invalid date. The last
  // eight hours of JavaScript's Date range threw a RangeError from toISOString (found by the fuzz over every export);
  // the other years past 9999 gave a cut expanded year ('+275760-09').
  const LAST = Date.parse('9999-12-31T23:59:59.999Z') - 8 * 3_600_000; // the last instant of 9999-12-31 in China
  const FIRST = Date.parse('0001-01-01T00:00:00.000Z') - 8 * 3_600_000; // the first of 0001-01-01 in China
  test.prop([fc.integer({ min: LAST + 1, max: 8.64e15 }), fc.integer({ min: -8.64e15, max: FIRST - 1 })])(
    'refuses a Date whose China date is outside the years 0001–9999, never throws',
    (late, early) => {
      for (const ms of [late, early]) {
        const result = resolveAsOf(new Date(ms));
        expect(result.success).toBe(false);
        if (!result.success)
          expect(result.error.issues[0]).toMatchObject({ code: 'invalid_date', path: ['asOf'] });
      }
    },
  );

  it('reads the first and the last instant of the years 0001–9999 in China', () => {
    expect(resolveAsOf(new Date(LAST))).toEqual({ success: true, data: '9999-12-31' });
    expect(resolveAsOf(new Date(FIRST))).toEqual({ success: true, data: '0001-01-01' });
  });

  it('rejects an invalid Date and a non-date', () => {
    expect(resolveAsOf(new Date(Number.NaN)).success).toBe(false);
    expect(resolveAsOf(20251231 as unknown as string).success).toBe(false);
  });

  test.prop([
    fc.date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    }),
  ])('the date of an instant is its UTC date, or the next day from 16:00 UTC on', (instant) => {
    const result = resolveAsOf(instant);
    const utc = instant.toISOString().slice(0, 10);
    const next = new Date(`${utc}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(result.success && result.data).toBe(
      instant.getUTCHours() >= 16 ? next.toISOString().slice(0, 10) : utc,
    );
  });
});

describe('todayInChina at the edge of the Date range', () => {
  it('falls back to now when the China date of the instant is not a Date (never a RangeError)', () => {
    // +275760-09-13T00:00Z is the last valid instant; eight hours later is not a Date.
    expect(todayInChina(new Date(8.64e15))).toBe(todayInChina());
  });
});

describe('calendar dates written out (no date-fns parser at load time)', () => {
  test.prop([
    fc.date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
  ])('every real date is one, and so is nothing else of its shape', (date) => {
    const iso = date.toISOString().slice(0, 10);
    expect(isIsoCalendarDate(iso)).toBe(true);
  });

  it('refuses what does not exist', () => {
    for (const text of [
      '2025-02-29',
      '2100-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '0000-01-01',
      '2024-1-01',
    ])
      expect(isIsoCalendarDate(text), text).toBe(false);
    for (const text of ['2024-02-29', '2000-02-29', '1600-02-29'])
      expect(isIsoCalendarDate(text), text).toBe(true);
  });

  test.prop([
    fc.integer({ min: 1900, max: 2100 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
    fc.integer({ min: 0, max: 10 }),
  ])('adding years agrees with date-fns addYears', (year, month, day, years) => {
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (!isIsoCalendarDate(iso)) return;
    const expected = addYears(new Date(year, month - 1, day), years);
    const want = `${expected.getFullYear()}-${String(expected.getMonth() + 1).padStart(2, '0')}-${String(expected.getDate()).padStart(2, '0')}`;
    expect(addYearsToIsoDate(iso, years)).toBe(want);
  });
});
