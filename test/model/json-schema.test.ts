import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetJsonSchema, unitStatisticsJsonSchema } from '../../src/index.js';

const read = (name: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'schema', `${name}.schema.json`), 'utf8'),
  );

describe('JSON Schemas', () => {
  it('docs/schema files are up to date (npm run generate:docs)', () => {
    expect(read('unit-statistics')).toEqual(unitStatisticsJsonSchema());
    expect(read('dataset')).toEqual(datasetJsonSchema());
  });

  it('state the statistics row exactly: required keys, types, enums, bounds', () => {
    const schema = unitStatisticsJsonSchema() as {
      required: string[];
      properties: Record<string, Record<string, unknown>>;
    };
    expect(schema.required).toEqual(['code', 'kind']);
    expect(schema.properties.kind?.enum).toEqual([
      'community',
      'village',
      'township',
      'district',
      'communityTotal',
      'villageTotal',
    ]);
    expect(schema.properties.households).toMatchObject({ type: 'integer', minimum: 0 });
    expect(schema.properties.facilityArea).toMatchObject({ type: 'number', minimum: 0 });
    expect(schema.properties.hasFacility).toMatchObject({ type: 'boolean' });
    expect(schema.properties.year).toMatchObject({ type: 'integer', minimum: 1949, maximum: 2100 });
    // 23 + the 11 plan-text fields + the 5 township, district and total fields of issue 14 + the year of issue 15
    expect(Object.keys(schema.properties)).toHaveLength(40);
  });

  it('forbid unknown keys in datasets (nothing disappears silently)', () => {
    expect(datasetJsonSchema()).toMatchObject({ additionalProperties: false, required: ['units'] });
  });
});
