import { datasetJsonSchema, unitStatisticsJsonSchema } from 'shequ';
import { type CliStreams, echo, parse, UsageError } from './context.js';

export const SCHEMA_HELP = `Usage: shequ schema [statistics|dataset]

Prints the JSON Schema of a statistics row (default) or of a dataset, for systems that do not run TypeScript.

Examples:
  shequ schema > unit-statistics.schema.json
  shequ schema dataset
`;

/** `shequ schema [statistics|dataset]`. */
export async function runSchema(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values, positionals } = parse('schema', args, { help: { type: 'boolean', short: 'h' } }, 1);
  if (values.help === true) {
    streams.stdout.write(SCHEMA_HELP);
    return 0;
  }
  const which = positionals[0] ?? 'statistics';
  if (which !== 'statistics' && which !== 'dataset') {
    throw new UsageError(`shequ schema: unknown schema '${echo(which)}'`, 'Use statistics or dataset.');
  }
  streams.stdout.write(
    `${JSON.stringify(which === 'statistics' ? unitStatisticsJsonSchema() : datasetJsonSchema(), null, 2)}\n`,
  );
  return 0;
}
