import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CATEGORIES,
  creditCodeCheckCharacter,
  creditCodeSchema,
  organizationCodeCheckCharacter,
  validateCreditCode,
} from '../../src/index.js';
import { creditCodeArbitrary } from '../../src/testing/index.js';

const HUAWEI = '914403001922038216';
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function codes(input: unknown, options = {}) {
  const result = validateCreditCode(input, options);
  return result.success ? (result.warnings ?? []).map((w) => w.code) : result.error.issues.map((i) => i.code);
}

describe('check characters', () => {
  it('computes the GB 11714 organisation check worked by hand', () => {
    // 1·3 + 9·7 + 2·9 + 2·10 + 0·5 + 3·8 + 8·4 + 2·2 = 164; 164 mod 11 = 10; 11 − 10 = 1.
    expect(organizationCodeCheckCharacter('19220382')).toBe('1');
    // D = 13: 13·3 + 0 … worked: 'D0000000' → 39 mod 11 = 6 → 11 − 6 = 5.
    expect(organizationCodeCheckCharacter('D0000000')).toBe('5');
    // 10 → X: '00000001' → 2 mod 11 = 2 → 9; '00000010' → 4 → 7; '00000100' → 8 → 3; '00001000' → 5·1 = 5 → 6;
    // '00010000' → 10 → 1; '00100000' → 9 → 2; '01000000' → 7 → 4; '10000000' → 3 → 8; '50000000' → 15 mod 11 = 4 → 7.
    expect(organizationCodeCheckCharacter('00000001')).toBe('9');
    // S = 11·k gives 11 → '0'; S ≡ 1 gives 10 → 'X': '00000006' → 12 mod 11 = 1 → X.
    expect(organizationCodeCheckCharacter('00000006')).toBe('X');
    expect(organizationCodeCheckCharacter('00000000')).toBe('0');
  });

  it('computes the GB 32100 check character worked by hand', () => {
    // 9·1 + 1·3 + 4·9 + 4·27 + 0 + 3·26 + 0 + 0 + 1·20 + 9·29 + 2·25 + 2·13 + 0 + 3·24 + 8·10 + 2·30 + 1·28 = 831;
    // 831 mod 31 = 25; 31 − 25 = 6 → '6'.
    expect(creditCodeCheckCharacter('91440300192203821')).toBe('6');
    expect(creditCodeCheckCharacter('91440300192203821'.toLowerCase())).toBe('6');
  });

  it('gives 0 (not an out-of-range index) when the sum is a multiple of 31', () => {
    // The bug of a popular validator: alphabet[31 − 0] is undefined. 17 zeros sum to 0 → check '0'.
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });

  it.each([undefined, 7, '9144030019220382', '9144030019220382I', '914403001922038216'])(
    'gives an empty string for %s',
    (input) => {
      expect(creditCodeCheckCharacter(input)).toBe('');
    },
  );

  it('gives an empty string for a bad organisation body', () => {
    expect(organizationCodeCheckCharacter('1922038')).toBe('');
    expect(organizationCodeCheckCharacter('1922038*')).toBe('');
    expect(organizationCodeCheckCharacter(null)).toBe('');
  });
});

describe('validateCreditCode', () => {
  it('returns the parts of a valid code', () => {
    expect(validateCreditCode(HUAWEI)).toEqual({
      success: true,
      data: {
        value: HUAWEI,
        authority: { code: '9', name: { zh: '工商（市场监管）', en: 'market regulation' } },
        category: { code: '1', name: { zh: '企业', en: 'enterprise' } },
        divisionCode: '440300',
        organizationCode: '192203821',
      },
    });
  });

  it('accepts lower case and normalises it', () => {
    const organization = `MJ000001${organizationCodeCheckCharacter('MJ000001')}`;
    const first17 = `51110105${organization}`;
    const code = first17 + creditCodeCheckCharacter(first17);
    const result = validateCreditCode(code.toLowerCase());
    expect(result.success && result.data.value).toBe(code);
    expect(result.success && result.data.category.name?.zh).toBe('社会团体');
  });

  it('reports each layer with its code and position', () => {
    expect(codes(42)).toEqual(['invalid_type']);
    expect(codes('91440300192203821')).toEqual(['invalid_format']);
    const letterI = validateCreditCode('91440300I922038216');
    expect(!letterI.success && letterI.error.issues[0]).toMatchObject({
      code: 'invalid_format',
      position: 9,
    });
    const divisionLetter = validateCreditCode('9144A3001922038216');
    expect(!divisionLetter.success && divisionLetter.error.issues[0]).toMatchObject({
      code: 'invalid_format',
      position: 5,
    });
    expect(codes('914403001922038217')).toEqual(['invalid_checksum']);
  });

  it('reports a broken embedded organisation code even when the GB 32100 check passes', () => {
    const first17 = '91440300192203822'; // organisation check should be 1, not 2
    const code = first17 + creditCodeCheckCharacter(first17);
    expect(codes(code)).toEqual(['invalid_organization_code']);
    const letter17 = '9144030019220382A';
    expect(codes(letter17 + creditCodeCheckCharacter(letter17))).toEqual(['invalid_organization_code']);
  });

  it('warns about an unknown category but accepts the code', () => {
    const first17 = `Q1440300${'19220382'}1`;
    const code = first17 + creditCodeCheckCharacter(first17);
    const result = validateCreditCode(code);
    expect(result.success).toBe(true);
    expect(result.success && result.data.authority.name).toBeNull();
    expect(codes(code)).toEqual(['unknown_category']);
    const unknownCategory = `5744030019220382${'1'}`;
    const withKnownAuthority = validateCreditCode(
      unknownCategory + creditCodeCheckCharacter(unknownCategory),
    );
    expect(withKnownAuthority.success && withKnownAuthority.data.authority.name?.zh).toBe('民政');
    expect(withKnownAuthority.success && withKnownAuthority.data.category.name).toBeNull();
  });

  it('lets the caller add categories', () => {
    const first17 = 'Q1440300192203821';
    const code = first17 + creditCodeCheckCharacter(first17);
    const categories = {
      Q1: { authority: { zh: '试点', en: 'pilot' }, category: { zh: '试点机构', en: 'pilot body' } },
    };
    const result = validateCreditCode(code, { categories });
    expect(result).toMatchObject({ success: true, data: { category: { name: { zh: '试点机构' } } } });
    expect(result).not.toHaveProperty('warnings');
  });

  it('accepts a failing legacy code only when the caller lists it, with a warning', () => {
    const legacy = '35020000M000000000';
    expect(validateCreditCode(legacy).success).toBe(false);
    const listed = validateCreditCode(legacy, { legacyCodes: new Set([legacy]) });
    expect(listed.success).toBe(true);
    expect(codes(legacy, { legacyCodes: new Set([legacy]) })).toContain('legacy_code');
  });

  it('marks the committee prefixes 54 and 55 as unverified', () => {
    expect(CREDIT_CODE_CATEGORIES['54']?.confidence).toBe('unverified');
    expect(CREDIT_CODE_CATEGORIES['55']?.category.zh).toBe('居民委员会');
  });
});

describe('validateCreditCode properties', () => {
  test.prop([creditCodeArbitrary()])(
    '17 characters plus their computed check character always validate',
    (code) => {
      expect(validateCreditCode(code)).toMatchObject({ success: true, data: { value: code } });
    },
  );

  test.prop([creditCodeArbitrary()])('a valid code whose check character is 0 is accepted', (code) => {
    // Vary the county digits (positions 5–6) until the check character is 0: the case a popular validator rejects.
    const variants = Array.from(
      { length: 100 },
      (_, n) => `${code.slice(0, 4)}${String(n).padStart(2, '0')}${code.slice(6, 17)}`,
    );
    const first17 = variants.find((candidate) => creditCodeCheckCharacter(candidate) === '0');
    fc.pre(first17 !== undefined);
    expect(validateCreditCode(`${first17}0`).success).toBe(true);
  });

  // MOD 31 with weights 3^(i−1) mod 31 (all non-zero, adjacent ones differ: w_{i+1} = 3·w_i, and w_17 = 28 ≠ 1,
  // the check character's weight): every one-character substitution within the alphabet and every transposition of
  // two different adjacent characters changes the sum mod 31, so each must be rejected.
  test.prop([creditCodeArbitrary(), fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 })])(
    'every single-character substitution is rejected',
    (code, index, shift) => {
      const replacement = ALPHABET[(ALPHABET.indexOf(code[index] as string) + shift) % 31] as string;
      const changed = code.slice(0, index) + replacement + code.slice(index + 1);
      expect(validateCreditCode(changed).success).toBe(false);
    },
  );

  test.prop([creditCodeArbitrary(), fc.integer({ min: 0, max: 16 })])(
    'every transposition of two different adjacent characters is rejected',
    (code, index) => {
      fc.pre(code[index] !== code[index + 1]);
      const swapped = code.slice(0, index) + code[index + 1] + code[index] + code.slice(index + 2);
      expect(validateCreditCode(swapped).success).toBe(false);
    },
  );

  test.prop([fc.anything()])('never throws', (input) => {
    expect(typeof validateCreditCode(input).success).toBe('boolean');
  });

  test.prop([fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 17, maxLength: 17 })])(
    'the computed check character completes any 17 characters to a code that passes the GB 32100 check',
    (first17) => {
      const code = first17 + creditCodeCheckCharacter(first17);
      expect(codes(code)).not.toContain('invalid_checksum');
    },
  );
});

describe('creditCodeSchema', () => {
  it('composes into zod schemas', () => {
    expect(creditCodeSchema.safeParse(HUAWEI).success).toBe(true);
    expect(creditCodeSchema.safeParse('914403001922038217').success).toBe(false);
  });
});
