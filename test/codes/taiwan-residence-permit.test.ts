import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  classifyCode,
  identifyCode,
  idNumberCheckCharacter,
  isProvinceCode,
  parseDivisionCode,
  validateIdNumber,
} from '../../src/index.js';

// 830000199201300022: the 公民身份号码 on a 台湾居民居住证 (issue 14, 6). 81/82 (港澳居民居住证) were accepted; 83 was not.
const TAIWAN = '830000199201300022';

describe('ID numbers of residence permits: 81, 82 and 83', () => {
  it('accepts 83 as an ID number, as 81 and 82', () => {
    expect(idNumberCheckCharacter(TAIWAN.slice(0, 17))).toBe('2'); // worked: the check character is right
    expect(validateIdNumber(TAIWAN, { asOf: '2025-12-31' }).success).toBe(true);
    expect(validateIdNumber('810000199408230021', { asOf: '2025-12-31' }).success).toBe(true);
    expect(identifyCode(TAIWAN).map((reading) => reading.system)).toContain('idNumber');
    expect(classifyCode(TAIWAN)).toMatchObject({ system: 'idNumber', result: { success: true } });
    expect(classifyCode(TAIWAN).display).not.toContain(TAIWAN);
  });

  it('does not make 83 a division', () => {
    expect(isProvinceCode('83')).toBe(false);
    expect(parseDivisionCode('830000000000').success).toBe(false);
  });

  test.prop([fc.stringMatching(/^83\d{4}(19[5-9]\d|200\d)(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}$/)])(
    'every 83 number with a right check character and date validates',
    (first17) => {
      const id = first17 + idNumberCheckCharacter(first17);
      expect(validateIdNumber(id, { asOf: '2025-12-31' }).success).toBe(true);
    },
  );
});
