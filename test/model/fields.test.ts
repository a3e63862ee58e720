import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  STATISTICS_FIELD_KEYS,
  STATISTICS_FIELDS,
  statisticsField,
  statisticsFieldsOfKind,
  toUnitStatistics,
  UNIT_STATISTICS_FIELDS,
  unitSchema,
  unitStatisticsJsonSchema,
  unitStatisticsSchema,
} from '../../src/index.js';
import { FIELD_TYPES } from '../../src/io/headers.js';
import { fieldOfHeader, readUnitStatistics, unitStatisticsTable } from '../../src/io/index.js';
import { statisticsRowArbitrary, unitStatisticsArbitrary } from '../../src/testing/index.js';

// The field catalogue is the one declaration of each statistics field: every place that knows the fields must know
// exactly the catalogue's, in its order. A field added to the catalogue and missed by one of them fails here.
describe('the field catalogue', () => {
  const keys = [...STATISTICS_FIELD_KEYS];

  it('is what the schema, the labels, the cell types, the writer and the JSON Schema hold, in sheet order', () => {
    expect(Object.keys(unitStatisticsSchema.shape)).toEqual(keys);
    expect(Object.keys(UNIT_STATISTICS_FIELDS)).toEqual(keys);
    expect(Object.keys(FIELD_TYPES)).toEqual(keys);
    expect(unitStatisticsTable([], { headers: 'key' }).header).toEqual(keys);
    expect(unitStatisticsTable([]).header).toEqual(keys.map((key) => STATISTICS_FIELDS[key].label.zh));
    const json = unitStatisticsJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(json.properties)).toEqual(keys);
  });

  it('matches every header name it declares to its field, and no name to two fields', () => {
    const seen = new Map<string, string>();
    for (const key of keys) {
      const field = statisticsField(key);
      for (const name of [key, field.label.zh, field.label.en, ...(field.aliases ?? [])]) {
        expect(fieldOfHeader(name), name).toBe(key);
        expect(seen.get(name) ?? key, name).toBe(key);
        seen.set(name, key);
      }
    }
  });

  it('reads back what the writer writes, for rows the arbitrary makes of every field', () => {
    fc.assert(
      fc.property(fc.array(unitStatisticsArbitrary(), { maxLength: 20 }), (rows) => {
        const table = unitStatisticsTable(rows);
        const csv = [table.header, ...table.rows]
          .map((cells) =>
            cells.map((c) => (c === undefined ? '' : `"${String(c).replace(/"/g, '""')}"`)).join(','),
          )
          .join('\n');
        expect(readUnitStatistics(csv).rows).toEqual(rows);
      }),
      { numRuns: 50 },
    );
  });

  it('generates every optional field in test data', () => {
    const seen = new Set<string>();
    fc.assert(
      // Rows of every kind: the township, district and total fields are not a unit's.
      fc.property(statisticsRowArbitrary(), (row) => {
        for (const key of Object.keys(row)) seen.add(key);
      }),
      { numRuns: 300 },
    );
    expect([...seen].sort()).toEqual([...keys].sort());
  });

  it('gives rich records every field they hold directly, copied as it is by toUnitStatistics', () => {
    // The fields a rich record derives from its parts (facilities, workers, two committees, surveys, volunteers …).
    const derived = [
      'hasFacility',
      'facilityArea',
      'activityArea',
      'selfServiceTerminal',
      'communityWorkers',
      'disasterOfficers',
      'secretaryIsDirector',
      'satisfactionSurveyed',
      'resettlement',
      'volunteers',
      // the plan-text fields (issue 14) a rich record derives from surveys, reviews, facilities, workers, outlets
      'surveyRespondents',
      'satisfiedRespondents',
      'serviceReviews',
      'positiveReviews',
      'volunteerStation',
      'hasLegalAdviser',
      'socialWorkers',
      'basicCommerce',
    ];
    fc.assert(
      fc.property(unitStatisticsArbitrary(), (row) => {
        const held = Object.fromEntries(Object.entries(row).filter(([key]) => !derived.includes(key)));
        expect(unitSchema.safeParse(held).success).toBe(true);
        expect(toUnitStatistics(held as never)).toEqual(held);
        for (const key of derived) {
          if (!Object.hasOwn(row, key)) continue;
          const withDerived = { ...held, [key]: (row as Record<string, unknown>)[key] };
          // a derived field is not held by a rich record (volunteers are people there, not a count)
          expect(unitSchema.safeParse(withDerived).success, key).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('lists fields by kind, and nothing for a key that is not a field', () => {
    expect(statisticsFieldsOfKind('area')).toEqual([
      'facilityArea',
      'activityArea',
      'totalFloorArea',
      'commercialServiceArea',
    ]);
    expect(statisticsField('toString' as never)).toBeUndefined();
    expect(statisticsField('__proto__' as never)).toBeUndefined();
  });
});
