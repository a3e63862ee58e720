import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  idNumberCheckCharacter,
  idNumberSchema,
  maskIdNumber,
  upgradeIdNumber,
  validateIdNumber,
} from '../../src/index.js';
import { idNumberArbitrary } from '../../src/testing/index.js';

const VALID = '11010519491231002X';

function codes(input: unknown, options = {}) {
  const result = validateIdNumber(input, options);
  return result.success ? [] : result.error.issues.map((issue) => issue.code);
}

describe('idNumberCheckCharacter', () => {
  it('computes the MOD 11-2 check character worked by hand', () => {
    // 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2 = 167;
    // 167 mod 11 = 2 → '10X98765432'[2] = 'X'.
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    // 1+... with last digit 3 instead of 2: 167 - 4 + 6 = 169; 169 mod 11 = 4 → '8'.
    expect(idNumberCheckCharacter('11010519491231003')).toBe('8');
  });

  it.each([undefined, 12, '1101051949123100', '110105194912310021', '1101051949123100a'])(
    'gives an empty string for %s',
    (input) => {
      expect(idNumberCheckCharacter(input)).toBe('');
    },
  );
});

describe('validateIdNumber', () => {
  it('returns the parts of a valid number and normalises x', () => {
    expect(validateIdNumber('11010519491231002x')).toEqual({
      success: true,
      data: { value: VALID, divisionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
    const male = `1101051949123100${'1'}`;
    const result = validateIdNumber(male + idNumberCheckCharacter(male));
    expect(result.success && result.data.sex).toBe('male');
  });

  it('reports a non-string as invalid_type', () => {
    for (const input of [null, undefined, 11010519491231002, {}, [], true]) {
      expect(codes(input)).toEqual(['invalid_type']);
    }
  });

  it('reports the format layer with the position of the first bad character', () => {
    const tooShort = validateIdNumber('1101051949');
    expect(tooShort.success).toBe(false);
    if (!tooShort.success) expect(tooShort.error.issues[0]?.code).toBe('invalid_format');
    const letter = validateIdNumber('1101051949A231002X');
    expect(!letter.success && letter.error.issues[0]).toMatchObject({ code: 'invalid_format', position: 11 });
    const lastCharacter = validateIdNumber('11010519491231002Y');
    expect(!lastCharacter.success && lastCharacter.error.issues[0]).toMatchObject({ position: 18 });
    const province = validateIdNumber(`00${VALID.slice(2)}`);
    expect(!province.success && province.error.issues[0]).toMatchObject({
      code: 'invalid_format',
      position: 1,
    });
  });

  it('reports impossible and future birth dates as invalid_date', () => {
    const feb30 = '11010519490230002';
    expect(codes(feb30 + idNumberCheckCharacter(feb30))).toEqual(['invalid_date']);
    const leap = '11010520000229002';
    expect(codes(leap + idNumberCheckCharacter(leap))).toEqual([]);
    const notLeap = '11010519000229002';
    expect(codes(notLeap + idNumberCheckCharacter(notLeap))).toEqual(['invalid_date']);
    const tooOld = '11010517991231002';
    expect(codes(tooOld + idNumberCheckCharacter(tooOld))).toEqual(['invalid_date']);
    const born = '11010520260101002';
    const id = born + idNumberCheckCharacter(born);
    expect(codes(id, { asOf: '2025-12-31' })).toEqual(['invalid_date']);
    expect(codes(id, { asOf: '2026-01-01' })).toEqual([]);
  });

  it('reports a wrong check character, and both layers when date and checksum fail', () => {
    expect(validateIdNumber('110105194912310021')).toMatchObject({
      success: false,
      error: { issues: [{ code: 'invalid_checksum', position: 18, severity: 'error' }] },
    });
    expect(codes('110105194902300021')).toEqual(['invalid_date', 'invalid_checksum']);
  });

  it('reports a bad asOf on its path instead of throwing', () => {
    expect(validateIdNumber(VALID, { asOf: 'soon' })).toMatchObject({
      success: false,
      error: { issues: [{ code: 'invalid_date', path: ['asOf'] }] },
    });
  });

  it('warns, never fails, when the address code is not in the given set', () => {
    const result = validateIdNumber(VALID, { divisionCodes: new Set(['130102']) });
    expect(result.success).toBe(true);
    expect(result.success && result.warnings?.map((w) => [w.code, w.severity])).toEqual([
      ['unknown_division', 'warning'],
    ]);
    expect(validateIdNumber(VALID, { divisionCodes: new Set(['110105']) })).not.toHaveProperty('warnings');
  });

  it('accepts 15-digit first-generation numbers and gives their 18-character form', () => {
    expect(validateIdNumber('110105491231002')).toEqual({
      success: true,
      data: {
        value: '110105491231002',
        divisionCode: '110105',
        birthDate: '1949-12-31',
        sex: 'female',
        upgraded: `11010519491231002${idNumberCheckCharacter('11010519491231002')}`,
      },
    });
    expect(codes('110105490230002')).toEqual(['invalid_date']);
    expect(codes('110105491231002', { allowFirstGeneration: false })).toEqual(['invalid_format']);
  });

  it('never puts the number into an issue', () => {
    const samples = [
      '110105194912310021',
      '110105194902300021',
      '11010519491231002Y',
      '1101051949123',
      '110105491331002',
    ];
    for (const sample of samples) {
      const text = JSON.stringify(validateIdNumber(sample));
      expect(text).not.toContain(sample);
      expect(text).not.toContain(sample.slice(0, 14));
    }
  });
});

describe('validateIdNumber properties', () => {
  test.prop([idNumberArbitrary()])('17 digits plus their computed check character always validate', (id) => {
    const result = validateIdNumber(id, { asOf: '2025-12-31' });
    expect(result.success).toBe(true);
    expect(result.success && result.data.value).toBe(id);
  });

  // ISO 7064 MOD 11-2 with weights 2^(18-i) mod 11: every weight is non-zero mod 11 and adjacent weights differ
  // (w_i = 2·w_{i+1}), while digit differences are below 11. So the scheme must catch (1) every substitution of
  // one character by another allowed one (digits in 1–17, digit or X in 18) and (2) every transposition of two
  // different adjacent characters, the check character included. These are exactly the cases tested here.
  test.prop([idNumberArbitrary(), fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 })])(
    'every single-character substitution is rejected',
    (id, index, shift) => {
      const alphabet = index === 17 ? '0123456789X' : '0123456789';
      const current = alphabet.indexOf(id[index] as string);
      const replacement = alphabet[(current + shift) % alphabet.length] as string;
      fc.pre(replacement !== id[index]);
      const changed = id.slice(0, index) + replacement + id.slice(index + 1);
      expect(validateIdNumber(changed, { asOf: '2025-12-31' }).success).toBe(false);
    },
  );

  test.prop([idNumberArbitrary(), fc.integer({ min: 0, max: 16 })])(
    'every transposition of two different adjacent characters is rejected',
    (id, index) => {
      fc.pre(id[index] !== id[index + 1]);
      const swapped = id.slice(0, index) + id[index + 1] + id[index] + id.slice(index + 2);
      expect(validateIdNumber(swapped, { asOf: '2025-12-31' }).success).toBe(false);
    },
  );

  test.prop([fc.anything()])('never throws, whatever it is given', (input) => {
    const result = validateIdNumber(input);
    expect(typeof result.success).toBe('boolean');
  });

  test.prop([fc.string({ unit: fc.constantFrom(...'0123456789Xx'), minLength: 0, maxLength: 20 })])(
    'never echoes its input in an issue',
    (input) => {
      fc.pre(input.length >= 10);
      const result = validateIdNumber(input);
      if (!result.success) expect(JSON.stringify(result.error)).not.toContain(input);
    },
  );
});

describe('upgradeIdNumber', () => {
  it('inserts 19 and appends the check character', () => {
    const first17 = '11010519491231002';
    expect(upgradeIdNumber('110105491231002')).toEqual({
      success: true,
      data: first17 + idNumberCheckCharacter(first17),
    });
  });

  it('refuses what is not a valid 15-digit number', () => {
    expect(upgradeIdNumber(VALID).success).toBe(false);
    expect(upgradeIdNumber('110105491331002').success).toBe(false);
    expect(upgradeIdNumber(42).success).toBe(false);
  });

  test.prop([idNumberArbitrary()])(
    'round trip: an 18-digit number born 19xx, shortened, upgrades back',
    (id) => {
      fc.pre(id.slice(6, 8) === '19');
      const short = id.slice(0, 6) + id.slice(8, 17);
      expect(upgradeIdNumber(short)).toEqual({ success: true, data: id });
    },
  );
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and the last 4 by default', () => {
    expect(maskIdNumber(VALID)).toBe('110105********002X');
    expect(maskIdNumber(VALID, { keepStart: 0, keepEnd: 1 })).toBe('*****************X');
    expect(maskIdNumber(VALID, { keepStart: 3, keepEnd: 0, maskCharacter: '•' })).toBe('110•••••••••••••••');
  });

  it('masks everything when the input is too short to hide anything', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(12345)).toBe('');
  });

  it('treats a negative or non-finite option as the default', () => {
    expect(maskIdNumber(VALID, { keepStart: -1, keepEnd: Number.NaN })).toBe('110105********002X');
  });

  test.prop([fc.string({ maxLength: 40 }), fc.nat(30), fc.nat(30)])(
    'never reveals more than asked, and keeps the length',
    (input, keepStart, keepEnd) => {
      const masked = maskIdNumber(input, { keepStart, keepEnd, maskCharacter: '\u0000' });
      const characters = Array.from(input);
      const shown = Array.from(masked).filter((ch) => ch !== '\u0000').length;
      expect(Array.from(masked)).toHaveLength(characters.length);
      expect(shown).toBeLessThanOrEqual(Math.min(keepStart + keepEnd, characters.length));
      if (keepStart + keepEnd < characters.length) {
        expect(masked.startsWith(characters.slice(0, keepStart).join(''))).toBe(true);
      } else {
        expect(shown).toBe(0);
      }
    },
  );
});

describe('idNumberSchema', () => {
  it('composes into zod schemas and carries the library code', () => {
    expect(idNumberSchema.safeParse(VALID).success).toBe(true);
    const bad = idNumberSchema.safeParse('110105194912310021');
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.error.issues[0]).toMatchObject({
        code: 'custom',
        params: { shequCode: 'invalid_checksum' },
      });
      expect(JSON.stringify(bad.error)).not.toContain('110105194912310021');
    }
  });
});
