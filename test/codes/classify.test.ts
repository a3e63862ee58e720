import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { classifyCode, identifyCode, normalizeCodeText } from '../../src/index.js';
import { creditCodeArbitrary, idNumberArbitrary } from '../../src/testing/index.js';
import { findIdNumbers } from '../helpers/id-leaks.js';

const ID = '11010519491231002X';
const reasonCodes = (input: string) => {
  const { result } = classifyCode(input);
  return result === null || result.success ? [] : result.error.issues.map((issue) => issue.code);
};

describe('normalizeCodeText', () => {
  it.each([
    [' 11010519491231002X', ID],
    ['110105 19491231 002X', ID],
    ['１１０１０５１９４９１２３１００２Ｘ', ID],
    ['11010519491231002X,', ID],
    ['“11010519491231002X。”', ID],
    ['110105-1949.1231_002X', ID],
    ['130123\u3000100201', '130123100201'],
    ['ID11010519491231002X', 'ID11010519491231002X'],
  ])('%j → %j', (input, output) => {
    expect(normalizeCodeText(input)).toBe(output);
  });

  it('gives an empty string for a non-string', () => {
    expect(normalizeCodeText(null)).toBe('');
  });
});

describe('classifyCode: the likeliest kind and its reasons alone', () => {
  it('reads every written form of an ID number as one, says it was normalised, masks it', () => {
    for (const input of [
      ' 11010519491231002X',
      '110105 19491231 002X',
      '１１０１０５１９４９１２３１００２Ｘ',
      '11010519491231002X,',
    ]) {
      expect(classifyCode(input)).toMatchObject({
        system: 'idNumber',
        normalized: true,
        display: '110105********002X',
        result: { success: true },
      });
    }
    expect(classifyCode(ID).normalized).toBe(false);
  });

  it('an ID number with a wrong check character: one invalid_checksum, no credit-code reason', () => {
    expect(classifyCode('110105194912310021').system).toBe('idNumber');
    expect(reasonCodes('110105194912310021')).toEqual(['invalid_checksum']);
  });

  it('a credit code with a wrong check character is a credit code, shown in full', () => {
    // 914403001922038216 is valid; the last character changed.
    expect(classifyCode('914403001922038217')).toMatchObject({
      system: 'creditCode',
      display: '914403001922038217',
      alternatives: ['idNumber'],
    });
    expect(reasonCodes('914403001922038217')).toEqual(['invalid_checksum']);
    expect(classifyCode('91440300MA5DC4RX2A').system).toBe('creditCode');
    expect(classifyCode('914403001922038216')).toMatchObject({
      system: 'creditCode',
      display: '914403001922038216',
    });
  });

  it('is no code for text of no known form, and never throws', () => {
    expect(classifyCode('abc')).toMatchObject({ system: null, result: null });
    expect(classifyCode('ID11010519491231002X')).toMatchObject({
      system: null,
      display: 'ID110105********002X',
    });
    expect(classifyCode(undefined)).toMatchObject({ system: null, code: '' });
    expect(identifyCode(null)).toEqual([]);
    expect(identifyCode('abc')).toEqual([]);
    expect(identifyCode('abcd')).toEqual([]);
  });

  test.prop([idNumberArbitrary()])('a valid ID number is an ID number and its display holds no ID', (id) => {
    const classification = classifyCode(id);
    expect(classification.system).toBe('idNumber');
    expect(findIdNumbers(classification.display)).toEqual([]);
  });

  test.prop([creditCodeArbitrary()])('a valid credit code is a credit code, shown as given', (code) => {
    const classification = classifyCode(code);
    expect(classification.system).toBe('creditCode');
    if (findIdNumbers(code).length === 0) expect(classification.display).toBe(code);
  });

  test.prop([fc.string({ maxLength: 40 })])(
    'reasons never repeat and the display never holds an ID',
    (input) => {
      const classification = classifyCode(input);
      expect(findIdNumbers(classification.display)).toEqual([]);
      if (classification.result !== null && !classification.result.success) {
        const keys = classification.result.error.issues.map((i) => `${i.code}|${i.position}|${i.message.en}`);
        expect(new Set(keys).size).toBe(keys.length);
      }
    },
  );
});
