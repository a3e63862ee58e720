import { datasetJsonSchema, profileJsonSchema, unitStatisticsJsonSchema } from 'shequ';
import { type CliStreams, echo, oneOf, parse, UsageError } from './context.js';

const SCHEMAS = {
  statistics: unitStatisticsJsonSchema,
  dataset: datasetJsonSchema,
  profile: profileJsonSchema,
} as const;

/** `shequ schema [statistics|dataset|profile]`. */
export async function runSchema(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values, positionals } = parse(
    'schema',
    args,
    { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    1,
    {
      zh: '一次只打印一个 schema（statistics、dataset 或 profile）',
      en: 'one schema at a time (statistics, dataset or profile)',
      example: 'dataset',
    },
  );
  oneOf('schema', 'lang', values.lang as string | undefined, ['zh', 'en'], 'zh');
  const which = positionals[0] ?? 'statistics';
  if (!Object.hasOwn(SCHEMAS, which)) {
    throw new UsageError(
      {
        zh: `shequ schema：未知的 schema '${echo(which)}'`,
        en: `shequ schema: unknown schema '${echo(which)}'`,
      },
      { zh: '可用：statistics、dataset 或 profile。', en: 'Use statistics, dataset or profile.' },
    );
  }
  streams.stdout.write(`${JSON.stringify(SCHEMAS[which as keyof typeof SCHEMAS](), null, 2)}\n`);
  return 0;
}
