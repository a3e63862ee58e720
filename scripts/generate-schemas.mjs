#!/usr/bin/env node
// Writes docs/schema/*.schema.json from the built package's zod schemas (run `npm run build` first).
// The test test/model/json-schema.test.ts fails when the committed files differ from the schemas.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetJsonSchema, unitStatisticsJsonSchema } from 'shequ';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'schema');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of [
  ['unit-statistics', unitStatisticsJsonSchema()],
  ['dataset', datasetJsonSchema()],
]) {
  writeFileSync(join(dir, `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`generate-schemas: wrote docs/schema/${name}.schema.json`);
}
