import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/core/mask.js';
import { createJsonSerializer } from '../../src/report/json-text.js';

// What the serialiser must equal: the CLI's JSON (strings masked before escaping), then the output's ID filter.
const maskStrings = (_key: string, value: unknown) =>
  typeof value === 'string' ? maskIdNumbersInText(value) : value;
const reference = (value: unknown) => maskIdNumbersInText(JSON.stringify(value, maskStrings));

describe('createJsonSerializer past the memo sample', () => {
  it('writes the same text when a key stops being remembered (unique messages) and when it stays (codes)', () => {
    const serialize = createJsonSerializer({ constantKeys: ['source'] });
    const source = { document: '规划', section: '主要指标 4', quote: '不低于30平方米' };
    // 3 000 rows: far past the sample of 1 024 lookups, so `message` is decided unique and `rule` recurring.
    for (let i = 0; i < 3000; i++) {
      const row = {
        rule: i % 2 === 0 ? 'facility.areaPer100Households' : 'facility.activityAreaShare',
        unit: `1301231002${String(i % 100).padStart(2, '0')}`,
        message: {
          zh: `每百户综合服务设施面积 ${i} 平方米，身份证 11010519491231002X`,
          en: `${i} m² "quoted"\t`,
        },
        source,
      };
      expect(serialize(row)).toBe(reference(row));
    }
  });

  test.prop([fc.array(fc.record({ key: fc.string({ minLength: 12 }), n: fc.nat(5) }), { maxLength: 2500 })], {
    numRuns: 20,
  })('equals JSON.stringify with masking for any sequence of long strings', (rows) => {
    const serialize = createJsonSerializer();
    for (const row of rows) expect(serialize(row)).toBe(reference(row));
  });
});
