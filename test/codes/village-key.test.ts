import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DIVISION_LEVELS } from '../../src/codes/division-code.js';
import { divisionLevelIndex, townshipKey } from '../../src/codes/village-key.js';

// The byte reader takes a code when townshipKey gives its township, and then does not ask divisionLevelIndex for its
// level (io/byte-records.ts): the two must agree that such a code names a village-level division.

const VILLAGE = DIVISION_LEVELS.indexOf('village');

/** A segment of `length` digits: mostly zero or one, now and then any. */
const segment = (length: number) =>
  fc.oneof(
    fc.constant('0'.repeat(length)),
    fc.constant(`${'0'.repeat(length - 1)}1`),
    fc.integer({ min: 0, max: 10 ** length - 1 }).map((n) => String(n).padStart(length, '0')),
  );

/** A 12-digit code built of the five segments (2, 2, 2, 3, 3), provinces valid or not. */
const codeArbitrary = fc
  .tuple(fc.constantFrom('11', '13', '65', '00', '99', '10'), segment(2), segment(2), segment(3), segment(3))
  .map((parts) => parts.join(''));

describe('townshipKey and divisionLevelIndex', () => {
  test.prop([codeArbitrary], { numRuns: 2000 })(
    'agree on which codes are of a village-level division',
    (code) => {
      expect(townshipKey(code) >= 0).toBe(divisionLevelIndex(code) === VILLAGE);
    },
  );

  it('worked by hand: a village, a township, a county, a village under a township of 000, a bad province', () => {
    const cases = ['130123100201', '130123100000', '130123000000', '130123000201', '990123100201'];
    expect(cases.map((code) => [townshipKey(code), divisionLevelIndex(code)])).toEqual([
      [130123100, VILLAGE],
      [-1, DIVISION_LEVELS.indexOf('township')],
      [-1, DIVISION_LEVELS.indexOf('county')],
      [-1, -1],
      [-1, -1],
    ]);
  });
});
