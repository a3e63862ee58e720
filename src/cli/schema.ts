import { datasetJsonSchema, profileJsonSchema, unitStatisticsJsonSchema } from 'shequ';
import { type CliStreams, echo, oneOf, parse, UsageError } from './context.js';
import type { Bilingual } from './lang.js';

/** `shequ schema --help` in both languages. */
export const SCHEMA_HELP: Bilingual = {
  zh: `用法：shequ schema [statistics|dataset|profile]

输出统计行（默认）、数据集或配置文件（--profile-file）的 JSON Schema，供不运行 TypeScript 的系统和编辑器使用。

选项：
  --lang LANG          zh 或 en：帮助与错误提示的语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG：以 zh 开头为
                       中文，否则为英文）
  -h, --help           显示本帮助

示例：
  shequ schema > unit-statistics.schema.json
  shequ schema dataset
  shequ schema profile > profile.schema.json
`,
  en: `Usage: shequ schema [statistics|dataset|profile]

Prints the JSON Schema of a statistics row (default), of a dataset, or of a profile file (--profile-file), for
systems and editors that do not run TypeScript.

Options:
  --lang LANG          zh or en: the language of help and errors (default: from LC_ALL, LC_MESSAGES or LANG:
                       zh… is Chinese, else English)
  -h, --help           show this help

Examples:
  shequ schema > unit-statistics.schema.json
  shequ schema dataset
  shequ schema profile > profile.schema.json
`,
};

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
