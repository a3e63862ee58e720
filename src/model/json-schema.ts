import * as z from 'zod';
import { datasetSchema } from './dataset.js';
import { unitStatisticsSchema } from './unit-statistics-schema.js';

/**
 * The JSON Schema (draft 2020-12) of a statistics row, generated from {@link unitStatisticsSchema}, for systems that
 * do not run TypeScript. Checks that JSON Schema cannot express (division code structure, at most two decimals,
 * activity area ≤ floor area) are left to the library. Also published as `docs/schema/unit-statistics.schema.json`.
 *
 * @returns a JSON Schema object
 *
 * @example
 * ```ts
 * import { unitStatisticsJsonSchema } from 'shequ';
 * unitStatisticsJsonSchema().required;
 * //=> ['code', 'kind']
 * ```
 */
export function unitStatisticsJsonSchema(): Record<string, unknown> {
  return withId(z.toJSONSchema(unitStatisticsSchema, { io: 'input' }), 'unit-statistics');
}

/**
 * The JSON Schema (draft 2020-12) of a {@link Dataset}, generated from {@link datasetSchema}. Also published as
 * `docs/schema/dataset.schema.json`.
 *
 * @returns a JSON Schema object
 *
 * @example
 * ```ts
 * import { datasetJsonSchema } from 'shequ';
 * datasetJsonSchema().required;
 * //=> ['units']
 * ```
 */
export function datasetJsonSchema(): Record<string, unknown> {
  return withId(z.toJSONSchema(datasetSchema, { io: 'input' }), 'dataset');
}

function withId(schema: Record<string, unknown>, name: string): Record<string, unknown> {
  return { $id: `https://unpkg.com/shequ/docs/schema/${name}.schema.json`, ...schema };
}
