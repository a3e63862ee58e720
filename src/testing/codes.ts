import fc from 'fast-check';
import { creditCodeCheckCharacter } from '../codes/credit-code.js';
import { idNumberCheckCharacter } from '../codes/id-number.js';
import { organizationCodeCheckCharacter } from '../codes/organization-code.js';
import { PROVINCE_CODE_LIST } from '../codes/shared.js';

/** Mainland provinces (codes below 71): generated numbers and codes are issued there. */
const PROVINCES = PROVINCE_CODE_LIST.filter((code) => code < '71');

const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const segment = (min: number, max: number, width: number) =>
  fc.integer({ min, max }).map((n) => String(n).padStart(width, '0'));

/**
 * A valid 12-digit village-level division code (province from GB/T 2260, every segment non-zero), with the
 * village segment in 001–199 (`community`), 200–399 (`village`) or 001–599 (any).
 *
 * @param kind - which committee range the village segment falls in
 * @returns an arbitrary of 12-digit codes
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { villageCodeArbitrary } from 'shequ/testing';
 * import { parseDivisionCode } from 'shequ';
 * fc.assert(fc.property(villageCodeArbitrary(), (code) => parseDivisionCode(code).success));
 * ```
 */
export function villageCodeArbitrary(kind: 'community' | 'village' | 'any' = 'any'): fc.Arbitrary<string> {
  const [min, max] = kind === 'community' ? [1, 199] : kind === 'village' ? [200, 399] : [1, 599];
  return fc
    .tuple(
      fc.constantFrom(...PROVINCES),
      segment(1, 99, 2),
      segment(1, 99, 2),
      segment(1, 599, 3),
      segment(min, max, 3),
    )
    .map((parts) => parts.join(''));
}

/**
 * A valid division code at any level, in its 12-digit form (zeros below its level).
 *
 * @returns an arbitrary of 12-digit codes
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { divisionCodeArbitrary } from 'shequ/testing';
 * fc.sample(divisionCodeArbitrary(), 1)[0]?.length;
 * //=> 12
 * ```
 */
export function divisionCodeArbitrary(): fc.Arbitrary<string> {
  return fc
    .tuple(villageCodeArbitrary(), fc.constantFrom(2, 4, 6, 9, 12))
    .map(([code, keep]) => code.slice(0, keep).padEnd(12, '0'));
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A checksum-valid 18-character ID number born between 1900 and 2020 (so valid at any as-of date after that).
 *
 * @returns an arbitrary of ID numbers
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { idNumberArbitrary } from 'shequ/testing';
 * import { validateIdNumber } from 'shequ';
 * fc.assert(fc.property(idNumberArbitrary(), (id) => validateIdNumber(id).success));
 * ```
 */
export function idNumberArbitrary(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...PROVINCES),
      digits(4),
      fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2020-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      digits(3),
    )
    .map(([province, county, birth, sequence]) => {
      const first17 = `${province}${county}${isoDate(birth).replace(/-/g, '')}${sequence}`;
      return first17 + idNumberCheckCharacter(first17);
    });
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORGANIZATION_BODY = '0123456789ABCDEFGHJKLMNPQRTUWXY'; // letters shared with GB 32100's alphabet

/**
 * A valid 18-character 统一社会信用代码: a known authority and category, a 6-digit division code, an organisation
 * code with a correct GB 11714 check character, and a correct GB 32100 check character (including `0`, the case a
 * popular validator gets wrong).
 *
 * @returns an arbitrary of credit codes
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { creditCodeArbitrary } from 'shequ/testing';
 * import { validateCreditCode } from 'shequ';
 * fc.assert(fc.property(creditCodeArbitrary(), (code) => validateCreditCode(code).success));
 * ```
 */
export function creditCodeArbitrary(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom('11', '12', '31', '51', '52', '53', '91', '92', '93', 'N1', 'N2', 'N3'),
      fc.constantFrom(...PROVINCES),
      digits(4),
      fc.string({ unit: fc.constantFrom(...ORGANIZATION_BODY), minLength: 8, maxLength: 8 }),
    )
    .map(([prefix, province, county, body]) => {
      const first17 = `${prefix}${province}${county}${body}${organizationCodeCheckCharacter(body)}`;
      return first17 + creditCodeCheckCharacter(first17);
    });
}

/**
 * One character of the GB 32100 alphabet.
 *
 * @returns an arbitrary of single characters
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { creditCodeCharacterArbitrary } from 'shequ/testing';
 * fc.sample(creditCodeCharacterArbitrary(), 1)[0]?.length;
 * //=> 1
 * ```
 */
export function creditCodeCharacterArbitrary(): fc.Arbitrary<string> {
  return fc.constantFrom(...CREDIT_ALPHABET);
}
