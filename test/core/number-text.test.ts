import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { numberText } from '../../src/core/number-text.js';

describe('numberText', () => {
  it('writes what String writes, worked by hand', () => {
    expect(numberText(26.5)).toBe('26.5');
    expect(numberText(-0)).toBe('0');
    expect(numberText(120)).toBe('120');
    expect(numberText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(numberText(1e21)).toBe('1e+21');
    expect(numberText(1e-7)).toBe('1e-7');
    expect(numberText(130123100000)).toBe('130123100000');
    expect([numberText(Number.NaN), numberText(Number.POSITIVE_INFINITY), numberText(-Infinity)]).toEqual([
      'NaN',
      'Infinity',
      '-Infinity',
    ]);
  });

  test.prop([fc.double()], { numRuns: 2000 })('equals String(value) for any double', (value) => {
    expect(numberText(value)).toBe(String(value));
  });

  test.prop([fc.integer({ min: -(2 ** 53), max: 2 ** 53 })])(
    'equals String(value) for any safe integer',
    (value) => {
      expect(numberText(value)).toBe(String(value));
    },
  );
});
