import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { computeIndicators, type IndicatorRow, type UnitStatistics } from '../../src/index.js';
import { reportPage } from '../../src/report/html/page.js';
import { findIdNumbers } from '../helpers/id-leaks.js';

// The report page promises every value escaped and masked — numbers too: a figure whose digits are shaped like an
// ID number (a count of 社区之家 summed to 18 digits, a caller's rows, a profile's target) must not reach the page
// whole. Rows of two counties over two years, so that the summary, the bars and the trend charts are all drawn.
const village = (code: string, year: number, hasFacility: boolean): UnitStatistics => ({
  code,
  kind: 'village',
  year,
  households: 100,
  hasFacility,
  facilityArea: 40,
  communityHomes: 2,
});
const units: UnitStatistics[] = [];
for (const year of [2023, 2024])
  for (const code of ['130123100201', '130123100202', '130125100201', '130125100202'])
    units.push(village(code, year, code.endsWith('1')));
const rows = computeIndicators(units, { profile: 'hebei', asOf: '2024-12-31', groupBy: ['county'] });

/** An ID number with a real birth date (18 characters, or 15 of the first generation), as a number. */
const idShapedNumber = fc
  .record({
    province: fc.constantFrom(11, 13, 31, 44, 65),
    county: fc.integer({ min: 0, max: 9999 }),
    date: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2020-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    sequence: fc.integer({ min: 0, max: 9999 }),
    fifteen: fc.boolean(),
    fraction: fc.constantFrom('', '.5', '.25'),
  })
  .map(({ province, county, date, sequence, fifteen, fraction }) => {
    const ymd = date.toISOString().slice(0, 10).replace(/-/g, '');
    const head = `${province}${String(county).padStart(4, '0')}`;
    const digits = fifteen
      ? `${head}${ymd.slice(2)}${String(sequence).padStart(3, '0').slice(0, 3)}`
      : `${head}${ymd}${String(sequence).padStart(4, '0')}`;
    return Number(`${digits}${fraction}`);
  });

/** Which numbers of a row (and of its target and baseline) take the ID-shaped number. */
const hostileRow = fc.record({
  value: fc.boolean(),
  numerator: fc.boolean(),
  denominator: fc.boolean(),
  target: fc.boolean(),
  baseline: fc.boolean(),
  number: idShapedNumber,
});

type RowChange = typeof hostileRow extends fc.Arbitrary<infer T> ? T : never;

function withNumber(row: IndicatorRow, change: RowChange): IndicatorRow {
  const out: Record<string, unknown> = { ...row };
  if (change.value) out.value = change.number;
  if (change.numerator) out.numerator = change.number;
  if (change.denominator) out.denominator = change.number;
  if (change.target && row.target !== undefined) out.target = { ...row.target, value: change.number };
  if (change.baseline && row.baseline !== undefined) out.baseline = { ...row.baseline, value: change.number };
  return out as unknown as IndicatorRow;
}

describe('the report page masks every number it writes', () => {
  test.prop([fc.array(hostileRow, { minLength: rows.length, maxLength: rows.length })], { numRuns: 60 })(
    'no ID number in the page, whichever figures are shaped like one',
    (changes) => {
      const hostile = rows.map((row, i) => withNumber(row, changes[i] as RowChange));
      for (const lang of ['zh', 'en'] as const) {
        const page = reportPage(
          {
            rows: hostile,
            findings: { total: 0, rules: [], first: [] },
            asOf: '2024-12-31',
            profile: 'hebei',
            units: 8,
          },
          { lang },
        );
        expect(findIdNumbers(page)).toEqual([]);
      }
    },
  );

  test.prop([idShapedNumber])('nor in the count of units of its heading', (units) => {
    const page = reportPage({
      rows,
      findings: { total: 0, rules: [], first: [] },
      asOf: '2024-12-31',
      profile: 'hebei',
      units,
    });
    expect(findIdNumbers(page)).toEqual([]);
  });
});
