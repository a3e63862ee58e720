/**
 * The numeric key of a unit code (unit-key.ts): keys order exactly as JS orders the strings — for codes of digits,
 * of every length up to 12, prefixes of one another, with leading zeros — and a string without a key is compared
 * as a string, so that keyed and unkeyed units mix in one order.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compareUnits, unitKey, unitOfKey } from '../../src/cli/unit-key.js';

const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '9'), maxLength: 14 });
const unit = fc.oneof(
  digits,
  fc.constantFrom('130123100201', '13', '1301', '', '0', '00', '999999999999', '1e3', '-1', ' 1', '１３'),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
const stringOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKeys = (a: string, b: string) =>
  compareUnits(
    unitKey(a),
    () => a,
    unitKey(b),
    () => b,
  );

describe('unitKey', () => {
  test.prop([unit, unit])('orders units as JS orders their strings', (a, b) => {
    expect(sign(byKeys(a, b))).toBe(stringOrder(a, b));
  });

  test.prop([fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), maxLength: 12 })])(
    'a code of up to 12 digits has an exact integer key that gives the code back',
    (code) => {
      const key = unitKey(code);
      expect(Number.isSafeInteger(key)).toBe(true);
      expect(unitOfKey(key)).toBe(code);
    },
  );

  test.prop([fc.array(unit, { maxLength: 30 })])('sorting by the keys sorts as the strings sort', (units) => {
    expect([...units].sort(byKeys)).toEqual([...units].sort(stringOrder));
  });

  it('worked by hand', () => {
    // '13': 13 followed by ten zeros, times 16, plus its length 2.
    expect(unitKey('13')).toBe(130_000_000_000 * 16 + 2);
    expect(unitKey('130000')).toBe(130_000_000_000 * 16 + 6);
    expect(unitKey('')).toBe(0);
    expect(unitKey('999999999999')).toBe(999_999_999_999 * 16 + 12);
    expect(unitOfKey(unitKey('0012'))).toBe('0012');
    for (const noKey of ['1301a', '1234567890123', '１３', '-1']) expect(unitKey(noKey)).toBeNaN();
    // A prefix first; then digit by digit, whatever the lengths ('2' after '13…', as strings).
    expect(byKeys('13', '130000')).toBeLessThan(0);
    expect(byKeys('2', '130123100201')).toBeGreaterThan(0);
    expect(byKeys('130123100201', '1301a')).toBeLessThan(0);
  });
});
