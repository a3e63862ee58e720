import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { STATISTICS_FIELD_KEYS } from '../../src/model/fields.js';
import { notCarriedAmong, rowFitsKind, valuesFitKind } from '../../src/model/row-checks.js';
import { statisticsRowArbitrary } from '../../src/testing/index.js';

// valuesFitKind is rowFitsKind on the values by catalogue index (the compiled readers check before building a row):
// the two must agree on every row, valid or not.

/** The values of a row by catalogue index, as the compiled readers hold them. */
const valuesOf = (row: Readonly<Record<string, unknown>>) => STATISTICS_FIELD_KEYS.map((key) => row[key]);

/** A row with some of its fields set to another kind's values, a code of another level, or nothing. */
const mixedRow = fc
  .tuple(
    statisticsRowArbitrary(),
    statisticsRowArbitrary(),
    fc.array(fc.constantFrom(...STATISTICS_FIELD_KEYS), { maxLength: 8 }),
    fc.array(fc.constantFrom(...STATISTICS_FIELD_KEYS), { maxLength: 4 }),
  )
  .map(([base, other, borrowed, dropped]) => {
    const row: Record<string, unknown> = { ...base };
    for (const key of borrowed) row[key] = (other as Record<string, unknown>)[key];
    for (const key of dropped) delete row[key];
    return row;
  });

describe('valuesFitKind', () => {
  test.prop([statisticsRowArbitrary()])('holds on every valid row of every kind', (row) => {
    expect(valuesFitKind(valuesOf(row as Record<string, unknown>))).toBe(true);
  });

  test.prop([mixedRow], { numRuns: 500 })('agrees with rowFitsKind on mixed rows', (row) => {
    expect(valuesFitKind(valuesOf(row))).toBe(rowFitsKind(row));
  });

  test.prop([mixedRow, fc.subarray([...STATISTICS_FIELD_KEYS.keys()])], { numRuns: 300 })(
    'narrowed to a header’s fields, agrees on values set only within them',
    (row, present) => {
      const values = valuesOf(row).map((value, index) => (present.includes(index) ? value : undefined));
      expect(valuesFitKind(values, notCarriedAmong(present))).toBe(valuesFitKind(values));
    },
  );

  it('refuses a township code on a village, a township field on a unit, a kind that is not one', () => {
    const village = { code: '130123100201', kind: 'village', households: 10 };
    expect(valuesFitKind(valuesOf(village))).toBe(true);
    expect(valuesFitKind(valuesOf({ ...village, code: '130123100000' }))).toBe(false);
    expect(valuesFitKind(valuesOf({ ...village, kind: 'hamlet' }))).toBe(false);
    expect(valuesFitKind(valuesOf({ ...village, hasDistrictServiceCenter: true }))).toBe(false);
    expect(valuesFitKind(valuesOf({ code: '130123100000', kind: 'township', hasCivicCenter: true }))).toBe(
      true,
    );
  });
});
