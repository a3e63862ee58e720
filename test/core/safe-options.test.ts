import { describe, expect, it } from 'vitest';
import {
  computeIndicators,
  computeIndicatorTable,
  identifyCode,
  maskIdNumber,
  ShequError,
  safeValidate,
  validate,
  validateCreditCode,
  validateIdNumber,
} from '../../src/index.js';

/** The codes and paths of a failed result (the call must not throw). */
function failureOf(result: {
  success: boolean;
  error?: { issues: readonly { code: string; path: readonly unknown[] }[] };
}) {
  expect(result.success).toBe(false);
  return result.error?.issues.map((issue) => [issue.code, issue.path]);
}

describe('defect 6: the reproductions of issue 12 give issues, not TypeErrors', () => {
  it('safeValidate', () => {
    expect(failureOf(safeValidate(undefined as never))).toEqual([['invalid_type', []]]);
    expect(failureOf(safeValidate([], null as never))).toEqual([['invalid_option', ['options']]]);
    expect(failureOf(safeValidate([], { profile: {} as never }))).toEqual([['invalid_value', ['profile']]]);
    expect(() => validate([], null as never)).toThrow(ShequError);
  });

  it('computeIndicatorTable', () => {
    expect(failureOf(computeIndicatorTable(null as never))).toEqual([['invalid_type', []]]);
    expect(failureOf(computeIndicatorTable([], { groupBy: true as never }))).toEqual([
      ['invalid_option', ['groupBy']],
    ]);
    expect(failureOf(computeIndicatorTable([], { rounding: { places: 1e9 } }))).toEqual([
      ['invalid_option', ['rounding']],
    ]);
    expect(() => computeIndicators([], { groupBy: true as never })).toThrow(ShequError);
  });

  it('validateIdNumber and validateCreditCode with null options', () => {
    expect(failureOf(validateIdNumber('11010519491231002X', null as never))).toEqual([
      ['invalid_option', ['options']],
    ]);
    expect(failureOf(validateCreditCode('914403001922038216', null as never))).toEqual([
      ['invalid_option', ['options']],
    ]);
    expect(failureOf(validateIdNumber('11010519491231002X', { divisionCodes: [] as never }))).toEqual([
      ['invalid_option', ['divisionCodes']],
    ]);
  });

  it('maskIdNumber falls back to * for a mask that is not one character', () => {
    expect(maskIdNumber('11010519491231002X', { maskCharacter: [] as never })).toBe('110105********002X');
    expect(maskIdNumber('11010519491231002X', { maskCharacter: 'ab' })).toBe('110105********002X');
    const throwing = Object.defineProperty({}, 'keepStart', {
      get: () => {
        throw new Error('no');
      },
    });
    expect(maskIdNumber('11010519491231002X', throwing)).toBe('*'.repeat(18));
  });

  it('identifyCode of a non-string is []', () => {
    expect(identifyCode(null as never)).toEqual([]);
    expect(identifyCode(110105 as never)).toEqual([]);
  });
});
