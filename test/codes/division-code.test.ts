import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  divisionAncestors,
  divisionAtLevel,
  divisionCodeSchema,
  isWithinDivision,
  parseDivisionCode,
  parseUrbanRuralCode,
  townshipKindOf,
  URBAN_RURAL_CODES,
  villageKindOf,
} from '../../src/index.js';
import { divisionCodeArbitrary, villageCodeArbitrary } from '../../src/testing/index.js';

describe('parseDivisionCode', () => {
  it('parses a village-level code into its parts', () => {
    expect(parseDivisionCode('110101001001')).toEqual({
      success: true,
      data: {
        code: '110101001001',
        level: 'village',
        segments: { province: '11', prefecture: '01', county: '01', township: '001', village: '001' },
        parent: '110101001000',
        townshipKind: 'subdistrict',
        villageKind: 'community',
      },
    });
  });

  it.each([
    ['11', '110000000000', 'province', null],
    ['1101', '110100000000', 'prefecture', '110000000000'],
    ['110105', '110105000000', 'county', '110100000000'],
    ['110105001', '110105001000', 'township', '110105000000'],
    ['130171', '130171000000', 'county', '130100000000'],
  ])('normalises %s to 12 digits', (input, code, level, parent) => {
    expect(parseDivisionCode(input)).toMatchObject({ success: true, data: { code, level, parent } });
  });

  it('derives township and village kinds from the segment ranges', () => {
    expect(parseDivisionCode('130123100000')).toMatchObject({
      data: { townshipKind: 'town', villageKind: null },
    });
    expect(parseDivisionCode('130123201203')).toMatchObject({
      data: { townshipKind: 'township', villageKind: 'village' },
    });
    expect(parseDivisionCode('130629400498')).toMatchObject({
      data: { townshipKind: 'other', villageKind: 'other' },
    });
    expect(parseDivisionCode('130102')).toMatchObject({ data: { townshipKind: null, villageKind: null } });
  });

  it.each([
    [42, 'invalid_type', undefined],
    ['11010', 'invalid_format', undefined],
    ['1101050010011', 'invalid_format', undefined],
    ['11010500100a', 'invalid_format', 12],
    ['000000000000', 'invalid_format', 1],
    ['990000000000', 'invalid_format', 1],
    ['110005000000', 'invalid_format', 3],
    ['110100000001', 'invalid_format', 5],
  ])('rejects %s with %s', (input, code, position) => {
    const result = parseDivisionCode(input);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues[0]?.code).toBe(code);
      expect(result.error.issues[0]?.position).toBe(position);
    }
  });

  it('classifies segments at the range boundaries', () => {
    expect(['001', '099', '100', '199', '200', '399', '400', '599'].map(townshipKindOf)).toEqual([
      'subdistrict',
      'subdistrict',
      'town',
      'town',
      'township',
      'township',
      'other',
      'other',
    ]);
    expect(['001', '199', '200', '399', '400', '599'].map(villageKindOf)).toEqual([
      'community',
      'community',
      'village',
      'village',
      'other',
      'other',
    ]);
  });

  test.prop([fc.anything()])('never throws', (input) => {
    expect(typeof parseDivisionCode(input).success).toBe('boolean');
  });

  test.prop([divisionCodeArbitrary()])(
    'round trip: every shorter form parses to the same 12-digit code',
    (code) => {
      const parsed = parseDivisionCode(code);
      expect(parsed.success).toBe(true);
      if (!parsed.success) return;
      const length = { province: 2, prefecture: 4, county: 6, township: 9, village: 12 }[parsed.data.level];
      expect(parseDivisionCode(code.slice(0, length))).toEqual(parsed);
    },
  );
});

describe('ancestry', () => {
  it('lists ancestors top-down', () => {
    expect(divisionAncestors('110101001001')).toEqual([
      '110000000000',
      '110100000000',
      '110101000000',
      '110101001000',
    ]);
    expect(divisionAncestors('11')).toEqual([]);
    expect(divisionAncestors('nonsense')).toEqual([]);
  });

  it('finds the ancestor at a level', () => {
    expect(divisionAtLevel('130102001001', 'county')).toBe('130102000000');
    expect(divisionAtLevel('130102001001', 'village')).toBe('130102001001');
    expect(divisionAtLevel('130102000000', 'township')).toBeNull();
    expect(divisionAtLevel(null, 'province')).toBeNull();
  });

  it('tests containment inclusively', () => {
    expect(isWithinDivision('110105001001', '1101')).toBe(true);
    expect(isWithinDivision('110105001001', '110105001001')).toBe(true);
    expect(isWithinDivision('110105001001', '130000000000')).toBe(false);
    expect(isWithinDivision('1101', '110105001001')).toBe(false);
    expect(isWithinDivision('bad', '11')).toBe(false);
  });

  test.prop([villageCodeArbitrary()])(
    'the parent is the last ancestor, and ancestors(code) = ancestors(parent) + parent',
    (code) => {
      const parsed = parseDivisionCode(code);
      if (!parsed.success || parsed.data.parent === null) throw new Error('generated code must be valid');
      const ancestors = divisionAncestors(code);
      expect(ancestors.at(-1)).toBe(parsed.data.parent);
      expect(ancestors).toEqual([...divisionAncestors(parsed.data.parent), parsed.data.parent]);
    },
  );

  test.prop([divisionCodeArbitrary(), divisionCodeArbitrary()])(
    'containment agrees with the ancestor list',
    (a, b) => {
      expect(isWithinDivision(a, b)).toBe(a === b || divisionAncestors(a).includes(b));
    },
  );

  test.prop([villageCodeArbitrary(), villageCodeArbitrary(), villageCodeArbitrary()])(
    'containment is transitive',
    (a, b, c) => {
      for (const level of ['province', 'prefecture', 'county', 'township'] as const) {
        const outer = divisionAtLevel(a, level) as string;
        expect(isWithinDivision(a, outer)).toBe(true);
        if (isWithinDivision(b, a) && isWithinDivision(c, b)) expect(isWithinDivision(c, a)).toBe(true);
      }
    },
  );
});

describe('divisionCodeSchema', () => {
  it('accepts every form and rejects bad structure', () => {
    expect(divisionCodeSchema.safeParse('110105').success).toBe(true);
    expect(divisionCodeSchema.safeParse('110005000000').success).toBe(false);
    expect(divisionCodeSchema.safeParse('1101x5').success).toBe(false);
  });
});

describe('parseUrbanRuralCode', () => {
  it('names each of the seven classes and says whether it is urban', () => {
    expect(Object.values(URBAN_RURAL_CODES).map((c) => [c.code, c.urban])).toEqual([
      ['111', true],
      ['112', true],
      ['121', true],
      ['122', true],
      ['123', true],
      ['210', false],
      ['220', false],
    ]);
    expect(parseUrbanRuralCode('220')).toEqual({ success: true, data: URBAN_RURAL_CODES['220'] });
  });

  it.each([
    ['130', 'invalid_format'],
    ['', 'invalid_format'],
    [111, 'invalid_type'],
  ])('rejects %s', (input, code) => {
    const result = parseUrbanRuralCode(input);
    expect(!result.success && result.error.issues[0]?.code).toBe(code);
  });

  test.prop([fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 3, maxLength: 3 })])(
    'urban is exactly the 1xx codes among the valid ones',
    (code) => {
      const result = parseUrbanRuralCode(code);
      if (result.success) expect(result.data.urban).toBe(code.startsWith('1'));
      else expect(Object.keys(URBAN_RURAL_CODES)).not.toContain(code);
    },
  );
});
