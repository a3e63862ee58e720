import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../src/index.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';

const OPTIONS = { asOf: '2025-12-31', groupBy: ['township', 'unit'] } as const;
const uniqueRows = fc.uniqueArray(unitStatisticsArbitrary(), { maxLength: 30, selector: (row) => row.code });

describe('unit rows', () => {
  it('come in code order, after the region rows, whatever the input order', () => {
    const rows = computeIndicators(
      [
        { code: '130123100202', kind: 'village', hasFacility: false },
        { code: '130123100201', kind: 'village', hasFacility: true },
      ],
      OPTIONS,
    );
    const units = rows.filter((row) => row.level === 'unit').map((row) => row.region);
    expect(units.filter((code, i) => units.indexOf(code) === i)).toEqual(['130123100201', '130123100202']);
    const levels = rows.map((row) => row.level);
    expect(levels.indexOf('unit')).toBeGreaterThan(levels.lastIndexOf('township'));
  });

  test.prop([
    uniqueRows.chain((rows) =>
      fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
    ),
  ])('do not depend on the order of the input', ([rows, shuffled]) => {
    expect(computeIndicators(shuffled, OPTIONS)).toEqual(computeIndicators(rows, OPTIONS));
  });
});
