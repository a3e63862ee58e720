import type { Issue, PlanEvaluation, UnitStatistics } from 'shequ';
import { evaluatePlanPeriod, STATISTICS_YEAR_RANGE } from 'shequ';
import {
  type CliStreams,
  DATA_OPTIONS,
  echo,
  messageLang,
  oneOf,
  parse,
  profileAndDate,
  UsageError,
} from './context.js';
import { divisionLists } from './division-list.js';
import { reportInput } from './indicators.js';
import { addByFile, writeNotCountedByFile } from './not-counted.js';
import { checkDistinctPaths, checkWritable, fileIdentity, openOutput } from './output.js';
import { type CommandProfiles, commandProfiles } from './profile-file.js';
import { readYearFiles } from './read-year-files.js';
import type { Lang } from './render.js';

const FORMATS = ['table', 'json', 'csv', 'md', 'html', 'xlsx'] as const;
const LEVELS = ['province', 'prefecture', 'county', 'township', 'unit'] as const;
type EvaluateFormat = (typeof FORMATS)[number];

/** `--year`: a four-digit year, or absent. */
function yearOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const { min, max } = STATISTICS_YEAR_RANGE;
  if (!/^\d{4}$/.test(text) || Number(text) < min || Number(text) > max)
    throw new UsageError(
      {
        zh: `shequ evaluate：--year 应为 ${min} 至 ${max} 的年份，而不是 ${echo(text)}`,
        en: `shequ evaluate: --year takes a year from ${min} to ${max}, not ${echo(text)}`,
      },
      { zh: '示例：--year 2025', en: 'Example: --year 2025' },
    );
  return Number(text);
}

/** `--regions`: comma-separated division codes of 2 to 12 digits, or absent. */
function regionsOption(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const codes = text.split(',').map((code) => code.trim());
  const bad = codes.find((code) => !/^\d{2,12}$/.test(code));
  if (bad !== undefined)
    throw new UsageError(
      {
        zh: `shequ evaluate：--regions 应为 2 至 12 位的区划代码，而不是 ${echo(bad)}`,
        en: `shequ evaluate: --regions takes division codes of 2 to 12 digits, not ${echo(bad)}`,
      },
      { zh: '示例：--regions 13,1101', en: 'Example: --regions 13,1101' },
    );
  return codes;
}

/**
 * Reads every file into one array of rows, each with its year (see {@link readYearFiles}), and where each row came
 * from (its file and line: the rows the evaluation does not count are said with them).
 */
async function readFiles(
  files: readonly string[],
  year: number | undefined,
  streams: CliStreams,
): Promise<{
  rows: UnitStatistics[];
  rejected: boolean;
  files: string[];
  fileOf: number[];
  lineOf: number[];
}> {
  const rows: UnitStatistics[] = [];
  const read: string[] = [];
  const fileOf: number[] = [];
  const lineOf: number[] = [];
  const inputs = await readYearFiles('evaluate', files, year, streams, (row, line, file) => {
    if (read[read.length - 1] !== file) read.push(file);
    rows.push(row);
    fileOf.push(read.length - 1);
    lineOf.push(line);
  });
  let rejected = false;
  for (const { input } of inputs)
    if (await reportInput('evaluate', input, undefined, streams)) rejected = true;
  return { rows, rejected, files: read, fileOf, lineOf };
}

/** The rows the evaluation did not count, by file and with their lines (their paths are indices of the rows read). */
function notCountedByFile(
  skipped: readonly Issue[],
  read: Awaited<ReturnType<typeof readFiles>>,
): Map<string, Issue[]> {
  const byFile = new Map<string, Issue[]>();
  for (const issue of skipped) {
    const index = issue.path[0];
    const file = typeof index === 'number' ? read.fileOf[index] : undefined;
    if (file === undefined) addByFile(byFile, read.files[0] ?? '-', issue);
    else
      addByFile(byFile, read.files[file] as string, {
        ...issue,
        line: read.lineOf[index as number] as number,
      });
  }
  for (const issues of byFile.values()) issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return byFile;
}

/** Writes the evaluation in the format asked for (each renderer is loaded only when used). */
async function writeEvaluation(
  evaluation: PlanEvaluation,
  format: EvaluateFormat,
  lang: Lang,
  out: string | undefined,
  streams: CliStreams,
): Promise<void> {
  if (format === 'xlsx') {
    const { evaluationXlsx } = await import('./evaluate-xlsx.js');
    const { writeWholeFile } = await import('./output.js');
    await writeWholeFile(out as string, await evaluationXlsx(evaluation, lang), streams);
    return;
  }
  const output = openOutput(out, streams);
  if (format === 'html') {
    const { evaluationHtml } = await import('./evaluate-html.js');
    await output.write(evaluationHtml(evaluation, lang));
  } else {
    const render = await import('./evaluate-output.js');
    if (format === 'json') await render.writeEvaluationJson(evaluation, output);
    else if (format === 'csv') await render.writeEvaluationCsv(evaluation, lang, output);
    else
      await output.write(
        format === 'md'
          ? render.evaluationMarkdown(evaluation, lang)
          : render.evaluationText(evaluation, lang),
      );
  }
  await output.close();
}

/** A file listed twice (under any name: a symlink, a hard link, `./`) would have each of its rows counted twice. */
export function checkFilesDistinct(command: string, files: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    if (file === '-') continue;
    const earlier = seen.get(fileIdentity(file));
    if (earlier !== undefined)
      throw new UsageError(
        {
          zh: `shequ ${command}：${echo(earlier)} 与 ${echo(file)} 是同一个文件，其各行会被计入两次`,
          en: `shequ ${command}: ${echo(earlier)} and ${echo(file)} are the same file: its rows would be counted twice`,
        },
        { zh: '每个文件只给一次。', en: 'Give each file once.' },
      );
    seen.set(fileIdentity(file), file);
  }
}

/** The command's options, checked (every bad one is a usage error before any file is read). */
function evaluateOptions(
  values: Record<string, string | boolean | undefined>,
  files: readonly string[],
  messages: Lang,
) {
  const format = oneOf('evaluate', 'format', values.format as string | undefined, FORMATS, 'table');
  const lang = oneOf<Lang>('evaluate', 'lang', values.lang as string | undefined, ['zh', 'en'], 'zh');
  const out = values.out as string | undefined;
  if (format === 'xlsx' && out === undefined)
    throw new UsageError(
      {
        zh: 'shequ evaluate：--format xlsx 写出工作簿，须给出 --out FILE',
        en: 'shequ evaluate: --format xlsx writes a workbook: give --out FILE',
      },
      { zh: '示例：--out 终期评估.xlsx', en: 'Example: --out 终期评估.xlsx' },
    );
  if (files.length === 0)
    throw new UsageError(
      {
        zh: 'shequ evaluate：请给出一个或多个 CSV 或 .xlsx 文件',
        en: 'shequ evaluate: give one or more CSV or .xlsx files',
      },
      { zh: '示例：shequ evaluate 2025.csv', en: 'Example: shequ evaluate 2025.csv' },
    );
  checkFilesDistinct('evaluate', files);
  for (const file of files) checkDistinctPaths('evaluate', file, { '--out': out });
  const dated = profileAndDate('evaluate', values, messages);
  const groupBy = (values['group-by'] as string | undefined)
    ?.split(',')
    .map((level) => oneOf('evaluate', 'group-by', level.trim(), LEVELS, 'province'));
  const year = yearOption(values.year as string | undefined);
  const regions = regionsOption(values.regions as string | undefined);
  const settings = {
    ...(dated.period === undefined ? {} : { period: dated.period }),
    // Without --as-of the evaluation is made today (the API's default), not at the period's end: a final
    // evaluation made before the end is provisional, and says so.
    ...(values['as-of'] === undefined ? {} : { asOf: dated.asOf }),
    ...(groupBy === undefined ? {} : { groupBy }),
    ...(year === undefined ? {} : { year }),
    ...(regions === undefined ? {} : { regions }),
  };
  return { format, lang, out, profile: dated.profile, year, settings };
}

/**
 * An empty table is said, with its reason, not printed as if all were well: a profile with no indicators (whatever
 * the regions), or `--regions` that names no region of the rows. (No rows at all: the evaluation's own warning.)
 */
function warnEmptyTable(
  regions: string | undefined,
  indicators: CommandProfiles['indicators'],
  evaluation: PlanEvaluation,
  streams: CliStreams,
): void {
  if (evaluation.rows.length > 0) return;
  // The built-in profiles have indicators; a profile file may list none.
  if (typeof indicators !== 'string' && indicators.indicators.length === 0) {
    const id = echo(evaluation.profile);
    streams.stderr.write(
      `shequ evaluate: 警告 warning: 指标方案 ${id} 没有任何指标：评估表为空 / the profile ${id} has no indicators: the evaluation table is empty\n`,
    );
    return;
  }
  if (regions === undefined || evaluation.units + evaluation.otherYears === 0) return;
  streams.stderr.write(
    `shequ evaluate: 警告 warning: --regions ${echo(regions)} 不含数据中的任何地区：评估表为空 / --regions ${echo(regions)} holds none of the regions of the rows: the evaluation table is empty\n`,
  );
}

/** `shequ evaluate FILE…`. */
export async function runEvaluate(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values, positionals } = parse('evaluate', args, {
    ...DATA_OPTIONS,
    period: { type: 'string' },
    year: { type: 'string' },
    'group-by': { type: 'string' },
    regions: { type: 'string' },
  });
  const options = evaluateOptions(values, positionals, messageLang(streams));
  await checkWritable(options.out);
  const profiles = await commandProfiles('evaluate', values, options.profile);
  const divisions = await divisionLists('evaluate', values.divisions as string | undefined, streams);
  const read = await readFiles(positionals, options.year, streams);
  const result = evaluatePlanPeriod(read.rows, {
    ...options.settings,
    profile: profiles.indicators,
    divisions,
  });
  if (!result.success) {
    const [first] = result.error.issues;
    throw new UsageError(
      { zh: `shequ evaluate：${first?.message.zh}`, en: `shequ evaluate: ${first?.message.en}` },
      { zh: "运行 'shequ evaluate --help' 查看用法。", en: "Run 'shequ evaluate --help'." },
    );
  }
  for (const issue of result.data.warnings ?? [])
    streams.stderr.write(`shequ evaluate: 警告 warning: ${issue.message.zh} / ${issue.message.en}\n`);
  // Rows of the year it did not count (a region's second total of a kind): said, as `indicators` says them.
  writeNotCountedByFile('evaluate', notCountedByFile(result.data.skipped, read), positionals.length, streams);
  warnEmptyTable(values.regions as string | undefined, profiles.indicators, result.data, streams);
  streams.stderr.write(
    `shequ evaluate: ${result.data.period.name.zh} ${result.data.year} 年度 ${result.data.units} 行计入 rows counted · 其他年度 ${result.data.otherYears} other years\n`,
  );
  await writeEvaluation(result.data, options.format, options.lang, options.out, streams);
  return read.rejected ? 1 : 0;
}
