import type { GroupLevel, IndicatorRow } from 'shequ';
import { computeIndicatorsFromSource } from 'shequ/pipeline';
import { unwrap } from '../core/result.js';
import { INDICATOR_ROW_WRITERS, isStreamFormat } from '../report/index.js';
import {
  type CliStreams,
  checkDistinctPaths,
  checkWritable,
  DATA_OPTIONS,
  echo,
  messageLang,
  oneOf,
  openOutput,
  parse,
  profileAndDate,
  UsageError,
  writeWholeFile,
} from './context.js';
import { divisionLists, type InputRows, runFileJob } from './input.js';
import type { Bilingual, Lang } from './lang.js';
import { type CommandProfiles, commandProfiles } from './profile-file.js';

/** `shequ indicators --help` in both languages. */
export const INDICATORS_HELP: Bilingual = {
  zh: `用法：shequ indicators FILE [选项]

计算统计表（UTF-8 或 GB18030 编码的 CSV，或 .xlsx）的十四五指标，按地区汇总。

选项：
  --profile NAME       national（默认）、hebei 或 beijing
  --profile-file FILE  配置文件（JSON，见 'shequ schema profile'）：按规划期给出目标，可扩展内置配置
  --period ID          采用哪个规划期的目标：14th 或 15th，不论日期（默认：--as-of 所在的规划期）；
                       只给 --period 14th 即十四五终期评估，截至 2025-12-31
  --group-by LEVELS    逗号分隔：province、prefecture、county、township、unit（默认：四级地区）
  --as-of DATE         判断目标进度的日期，YYYY-MM-DD（默认：中国的今天）；它决定规划期（十四五
                       2021–2025；十五五 2026–2030：暂无内置目标，状态为 no-target）
  --format FORMAT      table（默认）、json、ndjson、csv 或 md；json 为一个数组（每行一条），ndjson 为每行
                       一个对象、前后无其他内容（JSON Lines，便于脚本流式读取）
  --out FILE           写入该文件，而不是标准输出
  --rejects FILE       把被拒收的行写入该文件（CSV：行号、原始单元格、原因）
  --divisions FILE     code,name 格式的 CSV，用于给地区命名（已内置北京与河北的区划）
  --workers N          读取 CSV 文件的线程数（默认：文件达到 32 MiB 时为本机核数，否则为 1）；
                       结果与 N 无关
  --lang LANG          zh 或 en：table 与 md 输出的语言（默认 zh），以及帮助、错误提示与进度信息的语言
                       （默认取自 LC_ALL、LC_MESSAGES 或 LANG：以 zh 开头为中文，否则为英文）
  -h, --help           显示本帮助

退出码：0 成功；1 有被拒收的行；2 用法错误或文件无法读取。

示例：
  shequ indicators 正定县.csv --profile hebei --group-by county,township
  shequ indicators national.csv --format json --out indicators.json --rejects rejected.csv
`,
  en: `Usage: shequ indicators FILE [options]

Computes the 十四五 indicators of a statistics sheet (CSV in UTF-8 or GB18030, or .xlsx), rolled up by region.

Options:
  --profile NAME       national (default), hebei or beijing
  --profile-file FILE  a profile file (JSON, see 'shequ schema profile'): targets by plan period, extends a built-in
  --period ID          the plan period whose targets apply, 14th or 15th, whatever the date (default: the period
                       of --as-of); --period 14th alone is the 十四五 final evaluation, as of 2025-12-31
  --group-by LEVELS    comma-separated: province, prefecture, county, township, unit (default: the four regions)
  --as-of DATE         date for the progress against targets, YYYY-MM-DD (default: today in China); it chooses
                       the plan period (十四五 2021–2025, 十五五 2026–2030: no built-in targets, status no-target)
  --format FORMAT      table (default), json, ndjson, csv or md; json is one array (a row per line), ndjson one
                       row object per line with nothing around them (JSON Lines, for scripts that stream)
  --out FILE           write there instead of to standard output
  --rejects FILE       write the rejected rows there (CSV: line, original cells, reason)
  --divisions FILE     a CSV of code,name to name regions (the Beijing and Hebei lists are built in)
  --workers N          threads reading a CSV file (default: the machine's cores for a file of 32 MiB or more,
                       else 1); the figures are the same for every N
  --lang LANG          zh or en: the language of table and md (default zh) and of help, errors and progress
                       (default: from LC_ALL, LC_MESSAGES or LANG: zh… is Chinese, else English)
  -h, --help           show this help

Exit codes: 0 success; 1 some rows were rejected; 2 usage error or unreadable file.

Examples:
  shequ indicators 正定县.csv --profile hebei --group-by county,township
  shequ indicators national.csv --format json --out indicators.json --rejects rejected.csv
`,
};

const LEVELS = ['province', 'prefecture', 'county', 'township', 'unit'] as const;

/** Options shared by `indicators` and `report`; the warning about the date is in `messages` (default English). */
export function indicatorOptions(
  command: string,
  values: Record<string, string | boolean | undefined>,
  messages: Lang = 'en',
) {
  const { profile, asOf, warning, period } = profileAndDate(command, values, messages);
  const groupBy =
    values['group-by'] === undefined
      ? undefined
      : (values['group-by'] as string)
          .split(',')
          .map((level) => oneOf(command, 'group-by', level.trim(), LEVELS, 'county') as GroupLevel);
  const lang = oneOf<Lang>(command, 'lang', values.lang as string | undefined, ['zh', 'en'], 'zh');
  return { profile, asOf, groupBy, lang, warning, period };
}

/**
 * Reads the file and computes its indicator rows with the pipeline: rows go into the accumulator as they are read,
 * and the indicator rows are generated on demand, region by region, for the writer to stream.
 */
export async function computeFromFile(
  command: string,
  file: string | undefined,
  streams: CliStreams,
  options: Omit<ReturnType<typeof indicatorOptions>, 'profile'> & {
    profile: CommandProfiles['indicators'];
    divisions: string | undefined;
    workers?: number | undefined;
  },
): Promise<{ rows: Iterable<IndicatorRow>; input: InputRows }> {
  const divisions = await divisionLists(options.divisions);
  const job = await runFileJob(command, file, streams, async (source, onProgress, path) => {
    const settings = {
      profile: options.profile,
      asOf: options.asOf,
      divisions,
      ...(options.groupBy === undefined ? {} : { groupBy: options.groupBy }),
      ...(options.period === undefined ? {} : { period: options.period }),
      onProgress,
    };
    // A file is read on several cores when it is large (or as --workers says); standard input in one pass.
    if (path === undefined) return unwrap(await computeIndicatorsFromSource(source(), settings));
    const { computeIndicatorsFromFile } = await import('shequ/pipeline/node');
    return unwrap(
      await computeIndicatorsFromFile(path, {
        ...settings,
        ...(options.workers === undefined ? {} : { workers: options.workers }),
      }),
    );
  });
  return { rows: job.rows(), input: job };
}

/** Rows not counted that are listed one by one on stderr (the rest are counted in one line). */
const SHOWN_NOT_COUNTED = 5;

/** Reports what was read on stderr and writes the rejects file; returns whether rows were rejected. */
export async function reportInput(
  command: string,
  input: InputRows,
  rejectsFile: string | undefined,
  streams: CliStreams,
): Promise<boolean> {
  const { counts } = input;
  streams.stderr.write(
    `shequ ${command}: 读取 ${counts.read} 行 read · 接受 ${counts.accepted} accepted · 拒收 ${counts.rejected} rejected\n`,
  );
  for (const issue of input.issues)
    if (issue.severity === 'error')
      streams.stderr.write(`shequ ${command}: ${issue.message.zh} / ${issue.message.en}\n`);
  // Accepted rows that were not counted (a region's second total of a kind): said, never silent.
  const notCounted = input.issues.filter((issue) => issue.code === 'duplicate_total');
  for (const issue of notCounted.slice(0, SHOWN_NOT_COUNTED))
    streams.stderr.write(
      `shequ ${command}: 第 ${issue.line ?? '?'} 行 line: ${issue.message.zh} / ${issue.message.en}\n`,
    );
  if (notCounted.length > SHOWN_NOT_COUNTED)
    streams.stderr.write(
      `shequ ${command}: 另有 ${notCounted.length - SHOWN_NOT_COUNTED} 行未计入 / ${notCounted.length - SHOWN_NOT_COUNTED} more rows not counted\n`,
    );
  if (rejectsFile !== undefined) {
    const { encodeCsv, rejectedRowsToCsv } = await import('shequ/io');
    await writeWholeFile(rejectsFile, encodeCsv(rejectedRowsToCsv(input.rejected, input.header)));
  }
  return counts.rejected > 0;
}

/** `--workers N`: an integer from 1 to 256, or absent (the default). */
function workerCount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const count = Number(text);
  if (!/^\d+$/.test(text) || count < 1 || count > 256)
    throw new UsageError(
      {
        zh: `shequ indicators：--workers 应为 1 到 256 之间的整数，而不是 ${echo(text)}`,
        en: `shequ indicators: --workers takes a whole number from 1 to 256, not ${echo(text)}`,
      },
      { zh: '示例：--workers 2', en: 'Example: --workers 2' },
    );
  return count;
}

/** `shequ indicators FILE`. */
export async function runIndicators(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values, positionals } = parse(
    'indicators',
    args,
    {
      ...DATA_OPTIONS,
      'group-by': { type: 'string' },
      rejects: { type: 'string' },
      workers: { type: 'string' },
      period: { type: 'string' },
    },
    1,
  );
  const options = indicatorOptions('indicators', values, messageLang(streams));
  const format = oneOf(
    'indicators',
    'format',
    values.format as string | undefined,
    ['table', 'json', 'ndjson', 'csv', 'md'] as const,
    'table',
  );
  if (options.warning !== undefined) streams.stderr.write(options.warning);
  checkDistinctPaths('indicators', positionals[0], {
    '--out': values.out as string | undefined,
    '--rejects': values.rejects as string | undefined,
  });
  await checkWritable(values.out as string | undefined);
  await checkWritable(values.rejects as string | undefined);
  const profiles = await commandProfiles('indicators', values, options.profile);
  const { rows, input } = await computeFromFile('indicators', positionals[0], streams, {
    ...options,
    profile: profiles.indicators,
    divisions: values.divisions as string | undefined,
    workers: workerCount(values.workers as string | undefined),
  });
  const output = openOutput(values.out as string | undefined, streams);
  if (isStreamFormat(format)) {
    const sink = output.sink();
    await INDICATOR_ROW_WRITERS[format](rows, sink);
    await sink.end();
  } else {
    // Tables and Markdown name the indicators and rules: loaded only for them.
    const { indicatorMarkdown, indicatorTable } = await import('./render.js');
    const render = format === 'md' ? indicatorMarkdown : indicatorTable;
    await output.write(render([...rows], options.lang));
  }
  await output.close();
  const rejected = await reportInput('indicators', input, values.rejects as string | undefined, streams);
  return rejected ? 1 : 0;
}
