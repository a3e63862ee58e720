#!/usr/bin/env node
// Writes the generated documentation from the built package (run `npm run build` first): docs/schema/*.schema.json
// from the zod schemas, docs/indicators.md and docs/rules.md from the catalogues. Tests fail when the committed files differ.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  datasetJsonSchema,
  describeIndicatorProfiles,
  describeRules,
  profileJsonSchema,
  unitStatisticsJsonSchema,
} from 'shequ';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');
mkdirSync(join(docs, 'schema'), { recursive: true });
const files = [
  ['schema/unit-statistics.schema.json', `${JSON.stringify(unitStatisticsJsonSchema(), null, 2)}\n`],
  ['schema/dataset.schema.json', `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`],
  ['schema/profile.schema.json', `${JSON.stringify(profileJsonSchema(), null, 2)}\n`],
  ['indicators.md', describeIndicatorProfiles()],
  ['rules.md', describeRules()],
];
for (const [name, text] of files) {
  writeFileSync(join(docs, name), text);
  console.log(`generate-docs: wrote docs/${name}`);
}
