import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { parseDivisionCode, validateCreditCode } from '../../src/index.js';
import {
  creditCodeCharacterArbitrary,
  divisionCodeArbitrary,
  villageCodeArbitrary,
} from '../../src/testing/index.js';

test.prop([villageCodeArbitrary('community')])('community codes fall in 001–199', (code) => {
  expect(parseDivisionCode(code)).toMatchObject({
    success: true,
    data: { level: 'village', villageKind: 'community' },
  });
});

test.prop([villageCodeArbitrary('village')])('village codes fall in 200–399', (code) => {
  expect(parseDivisionCode(code)).toMatchObject({ success: true, data: { villageKind: 'village' } });
});

test.prop([divisionCodeArbitrary()])('division codes of every level are valid and 12 digits', (code) => {
  expect(code).toHaveLength(12);
  expect(parseDivisionCode(code).success).toBe(true);
});

test.prop([fc.array(creditCodeCharacterArbitrary(), { minLength: 18, maxLength: 18 })])(
  'with every character in the alphabet, a format issue can only point at the division digits (3–8)',
  (characters) => {
    const result = validateCreditCode(characters.join(''));
    const format = result.success ? [] : result.error.issues.filter((i) => i.code === 'invalid_format');
    for (const issue of format) expect(issue.position).toBeGreaterThanOrEqual(3);
    for (const issue of format) expect(issue.position).toBeLessThanOrEqual(8);
    const digitsOnly = characters.slice(2, 8).every((ch) => /\d/.test(ch));
    expect(format.length === 0).toBe(digitsOnly);
  },
);
