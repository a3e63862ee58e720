import { statSync } from 'node:fs';
import type { Crosswalk, DivisionDataset, GroupLevel, IndicatorRow } from 'shequ';
import { computeIndicatorsFromSource } from 'shequ/pipeline';
import {
  INDICATOR_ROW_WRITERS,
  isStreamFormat,
  rejectedRowModel,
  writeIndicatorRowsCsv,
  writeRows,
} from 'shequ/report';
import { unwrap } from '../core/result.js';
import { COLLECT_AFTER_READING_FROM, collectGarbage } from './collect-garbage.js';
import {
  type CliStreams,
  echo,
  echoPath,
  INDICATORS_OPTIONS,
  messageLang,
  oneOf,
  parse,
  profileAndDate,
  UsageError,
} from './context.js';
import { readCrosswalkFile } from './crosswalk-file.js';
import { divisionLists } from './division-list.js';
import { workersOption } from './early-workers.js';
import { type InputRows, runFileJob } from './input.js';
import type { Lang } from './lang.js';
import { writeNotCounted } from './not-counted.js';
import { checkOutputPaths, checkStandardOutput, openOutput, RESULTS, writeWholeFile } from './output.js';
import { type CommandProfiles, commandProfiles } from './profile-file.js';
import { xlsxOutFile } from './xlsx-output.js';

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
    /** The shipped lists and `--divisions`, read once by the command (its lines left out reported once). */
    divisions: DivisionDataset[];
    workers?: number | undefined;
    year?: number | undefined;
    crosswalk?: Crosswalk | undefined;
  },
): Promise<{ rows: Iterable<IndicatorRow>; input: InputRows }> {
  const { divisions } = options;
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
    const read = unwrap(
      await computeIndicatorsFromFile(path, {
        ...settings,
        ...(options.workers === undefined ? {} : { workers: options.workers }),
      }),
    );
    // Before the output's buffers fill: what the reading of a large file left (collect-garbage.ts).
    if ((statSync(path, { throwIfNoEntry: false })?.size ?? 0) >= COLLECT_AFTER_READING_FROM)
      collectGarbage();
    return read;
  });
  return { rows: job.rows(), input: job };
}

/**
 * Reports what was read on stderr and writes the rejects file (`-`: standard output); returns whether rows were
 * rejected.
 */
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
  writeNotCounted(
    command,
    input.issues.filter((issue) => issue.code === 'duplicate_total'),
    streams,
  );
  if (rejectsFile !== undefined) {
    // The rejected rows' column model in the csv format (BOM, line, original cells, reason), as a file of its own.
    const output = openOutput(rejectsFile, streams);
    const sink = output.sink();
    await writeRows('csv', rejectedRowModel(input.rejected, input.header), input.rejected, sink);
    await sink.end();
    await output.close();
  }
  return counts.rejected > 0;
}

/** `--workers N`: an integer from 1 to 256, or absent (the default); `command` names the command in the message. */
export function workerCount(text: string | undefined, command = 'indicators'): number | undefined {
  const count = workersOption(text);
  if (count === null)
    throw new UsageError(
      {
        zh: `shequ ${command}：--workers 应为 1 到 256 之间的整数，而不是 ${echo(text as string)}`,
        en: `shequ ${command}: --workers takes a whole number from 1 to 256, not ${echo(text as string)}`,
      },
      { zh: '示例：--workers 2', en: 'Example: --workers 2' },
    );
  return count;
}

/** `shequ indicators FILE`. */
export async function runIndicators(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values, positionals } = parse('indicators', args, INDICATORS_OPTIONS);
  const options = indicatorOptions('indicators', values, messageLang(streams));
  const format = oneOf(
    'indicators',
    'format',
    values.format as string | undefined,
    ['table', 'json', 'ndjson', 'csv', 'md', 'xlsx'] as const,
    'table',
  );
  const xlsxFile = format === 'xlsx' ? xlsxOutFile('indicators', values.out) : undefined;
  if (options.warning !== undefined) streams.stderr.write(options.warning);
  const rejects = { '--rejects': values.rejects as string | undefined };
  checkStandardOutput('indicators', rejects, values.out === undefined ? RESULTS : undefined);
  if (positionals.length > 1 && values.rejects !== undefined)
    throw new UsageError(
      {
        zh: 'shequ indicators：--rejects 一次只能用于一个文件',
        en: 'shequ indicators: --rejects takes one FILE at a time',
      },
      {
        zh: '每个文件分别运行一次并加 --rejects，即可列出各文件被拒收的行。',
        en: 'Run once per file with --rejects to list each file’s rejected rows.',
      },
    );
  if (values.series === true && xlsxFile !== undefined)
    throw new UsageError(
      {
        zh: 'shequ indicators：--series 输出 table、md、json、ndjson 或 csv，不输出 xlsx',
        en: 'shequ indicators: --series writes table, md, json, ndjson or csv, not xlsx',
      },
      {
        zh: '示例：--series --format csv --out 序列.csv',
        en: 'Example: --series --format csv --out series.csv',
      },
    );
  await checkOutputPaths('indicators', positionals, {
    '--out': values.out as string | undefined,
    '--rejects': values.rejects as string | undefined,
  });
  const profiles = await commandProfiles('indicators', values, options.profile);
  const years = await import('./indicators-years.js');
  const fileOptions = {
    ...options,
    profile: profiles.indicators,
    workers: workerCount(values.workers as string | undefined),
    year: years.yearOption('indicators', values.year as string | undefined),
    crosswalk: await readCrosswalkFile('indicators', values.crosswalk as string | undefined),
    divisions: await divisionLists('indicators', values.divisions as string | undefined, streams),
  };
  const { rows, inputs, withYears } = await readInputs(positionals, streams, fileOptions);
  if (format === 'xlsx') {
    const { indicatorRowsToXlsx } = await import('shequ/report/xlsx');
    await writeWholeFile(
      xlsxFile as string,
      await indicatorRowsToXlsx(rows, { lang: options.lang }),
      streams,
    );
  } else
    await writeIndicatorOutput(rows, format, values.out as string | undefined, streams, {
      ...options,
      withYears,
      series: values.series === true,
    });
  let rejected = false;
  for (const { file, input } of inputs) {
    const label = inputs.length === 1 ? 'indicators' : `indicators ${echoPath(file)}`;
    if (await reportInput(label, input, values.rejects as string | undefined, streams)) rejected = true;
  }
  return rejected ? 1 : 0;
}

/** Writes the rows (or, with `--series`, the series over years) in a text format. */
async function writeIndicatorOutput(
  rows: Iterable<IndicatorRow>,
  format: 'table' | 'json' | 'ndjson' | 'csv' | 'md',
  out: string | undefined,
  streams: CliStreams,
  options: { lang: Lang; period?: string | undefined; withYears: boolean; series: boolean },
): Promise<void> {
  const output = openOutput(out, streams);
  if (options.series) {
    const years = await import('./indicators-years.js');
    await output.write(await years.seriesText(rows, format, options.lang, options.period));
  } else if (format === 'csv' && options.withYears) {
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
    await output.write(render(rows, options.lang, { year: options.withYears }));
  }
  await output.close();
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
