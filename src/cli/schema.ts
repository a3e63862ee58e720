import { datasetJsonSchema, profileJsonSchema, unitStatisticsJsonSchema } from 'shequ';
import { type CliStreams, echo, parse, UsageError } from './context.js';

export const SCHEMA_HELP = `Usage: shequ schema [statistics|dataset|profile]

Prints the JSON Schema of a statistics row (default), of a dataset, or of a profile file (--profile-file), for
systems and editors that do not run TypeScript.

Examples:
  shequ schema > unit-statistics.schema.json
  shequ schema dataset
  shequ schema profile > profile.schema.json
`;

const SCHEMAS = {
  statistics: unitStatisticsJsonSchema,
  dataset: datasetJsonSchema,
  profile: profileJsonSchema,
} as const;

/** `shequ schema [statistics|dataset|profile]`. */
export async function runSchema(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values, positionals } = parse('schema', args, { help: { type: 'boolean', short: 'h' } }, 1);
  if (values.help === true) {
    streams.stdout.write(SCHEMA_HELP);
    return 0;
  }
  const which = positionals[0] ?? 'statistics';
  if (!Object.hasOwn(SCHEMAS, which)) {
    throw new UsageError(
      `shequ schema: unknown schema '${echo(which)}'`,
      'Use statistics, dataset or profile.',
    );
  }
  streams.stdout.write(`${JSON.stringify(SCHEMAS[which as keyof typeof SCHEMAS](), null, 2)}\n`);
  return 0;
}
