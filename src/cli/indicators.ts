import type { Crosswalk, GroupLevel, IndicatorRow } from 'shequ';
import { computeIndicatorsFromSource } from 'shequ/pipeline';
import { unwrap } from '../core/result.js';
import { writeIndicatorRowsCsv } from '../report/csv.js';
import { INDICATOR_ROW_WRITERS, isStreamFormat } from '../report/index.js';
import {
  type CliStreams,
  checkDistinctPaths,
  checkWritable,
  DATA_OPTIONS,
  echo,
  oneOf,
  openOutput,
  parse,
  profileAndDate,
  UsageError,
  writeWholeFile,
} from './context.js';
import { divisionLists, type InputRows, runFileJob } from './input.js';
import { type CommandProfiles, commandProfiles } from './profile-file.js';
import type { Lang } from './render.js';

export const INDICATORS_HELP = `Usage: shequ indicators FILE... [options]

Computes the 十四五 indicators of a statistics sheet (CSV in UTF-8 or GB18030, or .xlsx), rolled up by region.
Rows with a year (a 年度 column) give rows per region and year, judged at that year's end; several files make one
series: a file without a 年度 column takes --year, else the four-digit year in its name (正定县2023.csv).

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
  --year YEAR          the year of rows without one (a file without a 年度 column)
  --crosswalk FILE     division code changes (CSV: 原代码,新代码,起始年度 / old code,new code,from year): rows of
                       the years before a change count under the new code, so every year is in the latest divisions
  --series             print the series over years instead: per region and indicator each year's value, its
                       change against the baseline, the line from baseline to target and where the value stands
                       on it, the change and the average annual change
  --lang LANG          zh (default) or en, for table and md
  -h, --help           show this help

Exit codes: 0 success; 1 some rows were rejected; 2 usage error or unreadable file.

Examples:
  shequ indicators 正定县.csv --profile hebei --group-by county,township
  shequ indicators national.csv --format json --out indicators.json --rejects rejected.csv
  shequ indicators 正定县2021.csv 正定县2022.csv 正定县2023.csv --profile hebei --group-by county --series
`;

const LEVELS = ['province', 'prefecture', 'county', 'township', 'unit'] as const;

/** Options shared by `indicators` and `report`. */
export function indicatorOptions(command: string, values: Record<string, string | boolean | undefined>) {
  const { profile, asOf, warning, period } = profileAndDate(command, values);
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
    year?: number | undefined;
    crosswalk?: Crosswalk | undefined;
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
      ...(options.year === undefined ? {} : { year: options.year }),
      ...(options.crosswalk === undefined ? {} : { crosswalk: options.crosswalk }),
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
      `shequ indicators: --workers takes a whole number from 1 to 256, not ${echo(text)}`,
      'Example: --workers 2',
    );
  return count;
}

/** `shequ indicators FILE`. */
export async function runIndicators(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values, positionals } = parse('indicators', args, {
    ...DATA_OPTIONS,
    'group-by': { type: 'string' },
    rejects: { type: 'string' },
    workers: { type: 'string' },
    period: { type: 'string' },
    year: { type: 'string' },
    series: { type: 'boolean' },
    crosswalk: { type: 'string' },
  });
  if (values.help === true) {
    streams.stdout.write(INDICATORS_HELP);
    return 0;
  }
  const options = indicatorOptions('indicators', values);
  const format = oneOf(
    'indicators',
    'format',
    values.format as string | undefined,
    ['table', 'json', 'ndjson', 'csv', 'md'] as const,
    'table',
  );
  if (options.warning !== undefined) streams.stderr.write(options.warning);
  for (const file of positionals)
    checkDistinctPaths('indicators', file, {
      '--out': values.out as string | undefined,
      '--rejects': values.rejects as string | undefined,
    });
  if (positionals.length > 1 && values.rejects !== undefined)
    throw new UsageError(
      'shequ indicators: --rejects 一次只能用于一个文件 / --rejects takes one FILE at a time',
      'Run once per file with --rejects to list each file’s rejected rows.',
    );
  await checkWritable(values.out as string | undefined);
  await checkWritable(values.rejects as string | undefined);
  const profiles = await commandProfiles('indicators', values, options.profile);
  const years = await import('./indicators-years.js');
  const fileOptions = {
    ...options,
    profile: profiles.indicators,
    divisions: values.divisions as string | undefined,
    workers: workerCount(values.workers as string | undefined),
    year: years.yearOption('indicators', values.year as string | undefined),
    crosswalk: await years.readCrosswalkFile('indicators', values.crosswalk as string | undefined),
  };
  const { rows, inputs, withYears } = await readInputs(positionals, streams, fileOptions);
  const output = openOutput(values.out as string | undefined, streams);
  if (values.series === true) {
    await output.write(await years.seriesText(rows, format, options.lang, options.period));
  } else if (format === 'csv' && withYears) {
    const sink = output.sink();
    await writeIndicatorRowsCsv(rows, sink, { year: true });
    await sink.end();
  } else if (isStreamFormat(format)) {
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
  let rejected = false;
  for (const { file, input } of inputs) {
    const label = inputs.length === 1 ? 'indicators' : `indicators ${echo(file)}`;
    if (await reportInput(label, input, values.rejects as string | undefined, streams)) rejected = true;
  }
  return rejected ? 1 : 0;
}

/** One file as ever (its `--year`, if any), or several files merged into one series. */
async function readInputs(
  files: readonly string[],
  streams: CliStreams,
  options: Parameters<typeof computeFromFile>[3],
): Promise<{
  rows: Iterable<IndicatorRow>;
  inputs: { file: string; input: InputRows }[];
  withYears: boolean;
}> {
  if (files.length > 1) {
    const { computeFromFiles } = await import('./indicators-years.js');
    const read = await computeFromFiles('indicators', files, streams, options);
    return { rows: read.rows, inputs: read.inputs, withYears: read.years.length > 0 };
  }
  const { rows, input } = await computeFromFile('indicators', files[0], streams, options);
  const years = (input as { years?: readonly number[] }).years ?? [];
  return { rows, inputs: [{ file: files[0] ?? '-', input }], withYears: years.length > 0 };
}
