import type { PlanEvaluation, UnitStatistics } from 'shequ';
import { evaluatePlanPeriod, STATISTICS_YEAR_RANGE } from 'shequ';
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
} from './context.js';
import { reportInput } from './indicators.js';
import { divisionLists, readRows } from './input.js';
import { commandProfiles } from './profile-file.js';
import type { Lang } from './render.js';
import { yearOfFileName } from './year-of-file.js';

export const EVALUATE_HELP = `Usage: shequ evaluate FILE… [options]

Writes the evaluation table of a plan period (终期评估), laid out like a plan's 主要指标 table: for the province and
its cities, each indicator's baseline (2020 for the 十四五, with its comparator), target (2025), 属性, the actual value
of the target year computed from the rows, and 完成情况 (met / not met / no data / no target), with the arithmetic
and the sources of the figures.

FILE…  one or more statistics sheets (CSV in UTF-8 or GB18030, or .xlsx); the rows of all of them are read. A row's
       year is its 年度 (统计年度) column; a file without one describes the year of --year, else the four-digit year
       in its name (正定县2025.csv), else the command stops and says so. Only the rows of the target year are counted.

Options:
  --period ID          the plan period, 14th or 15th (default: the latest period ended by --as-of)
  --profile NAME       national (default), hebei or beijing
  --profile-file FILE  a profile file (JSON, see 'shequ schema profile'): targets by plan period, extends a built-in
  --as-of DATE         the date of the evaluation, YYYY-MM-DD (default: today in China); before the period's end
                       the evaluation is provisional (a warning says so)
  --year YEAR          the year described by files without a 年度 column
  --group-by LEVELS    comma-separated: province, prefecture (default both), county, township, unit
  --regions CODES      comma-separated division codes (13, 1301, 130123): only these regions and those within
  --format FORMAT      table (default), json, csv, md, html (one self-contained page) or xlsx (a workbook: the
                       主要指标 table, then the arithmetic and sources; needs --out)
  --out FILE           write there instead of to standard output
  --divisions FILE     a CSV of code,name to name regions (the Beijing and Hebei lists are built in)
  --lang LANG          zh (default) or en
  -h, --help           show this help

Exit codes: 0 success; 1 some rows were rejected; 2 usage error or unreadable file.

Examples:
  shequ evaluate 2023.csv 2024.csv 2025.csv --profile hebei --period 14th
  shequ evaluate 正定县.csv --year 2025 --profile hebei --format xlsx --out 终期评估.xlsx
`;

const FORMATS = ['table', 'json', 'csv', 'md', 'html', 'xlsx'] as const;
const LEVELS = ['province', 'prefecture', 'county', 'township', 'unit'] as const;
type EvaluateFormat = (typeof FORMATS)[number];

/** `--year`: a four-digit year, or absent. */
function yearOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const { min, max } = STATISTICS_YEAR_RANGE;
  if (!/^\d{4}$/.test(text) || Number(text) < min || Number(text) > max)
    throw new UsageError(
      `shequ evaluate: --year takes a year from ${min} to ${max}, not ${echo(text)}`,
      'Example: --year 2025',
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
      `shequ evaluate: --regions takes division codes of 2 to 12 digits, not ${echo(bad)}`,
      'Example: --regions 13,1101',
    );
  return codes;
}

/**
 * Reads every file into one array of rows, each with its year: its own 年度 cell, else the file's year (`--year`, or
 * the year in its name). A file without a year column and without a year to give it stops the command.
 */
async function readFiles(
  files: readonly string[],
  year: number | undefined,
  streams: CliStreams,
): Promise<{ rows: UnitStatistics[]; rejected: boolean }> {
  const rows: UnitStatistics[] = [];
  let rejected = false;
  for (const file of files) {
    const fileYear = year ?? (file === '-' ? undefined : yearOfFileName(file));
    const start = rows.length;
    const input = await readRows('evaluate', file, streams, (row) => {
      rows.push(row);
    });
    const hasYearColumn = input.header?.columns.some((column) => column.field === 'year') === true;
    if (!hasYearColumn && fileYear === undefined)
      throw new UsageError(
        `shequ evaluate: ${echo(file)} has no 年度 (year) column and its name gives no year`,
        'Give the year with --year 2025, name the file after its year (正定县2025.csv), or add a 年度 column.',
      );
    if (fileYear !== undefined)
      for (let i = start; i < rows.length; i++)
        if ((rows[i] as UnitStatistics).year === undefined)
          rows[i] = { ...(rows[i] as UnitStatistics), year: fileYear };
    if (await reportInput('evaluate', input, undefined, streams)) rejected = true;
  }
  return { rows, rejected };
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
    const { writeWholeFile } = await import('./context.js');
    await writeWholeFile(out as string, await evaluationXlsx(evaluation, lang));
    return;
  }
  const output = openOutput(out, streams);
  if (format === 'html') {
    const { evaluationHtml } = await import('./evaluate-html.js');
    await output.write(evaluationHtml(evaluation, lang));
  } else {
    const render = await import('./evaluate-output.js');
    const text =
      format === 'json'
        ? render.evaluationJson(evaluation)
        : format === 'csv'
          ? render.evaluationCsv(evaluation, lang)
          : format === 'md'
            ? render.evaluationMarkdown(evaluation, lang)
            : render.evaluationText(evaluation, lang);
    await output.write(text);
  }
  await output.close();
}

/** The command's options, checked (every bad one is a usage error before any file is read). */
function evaluateOptions(values: Record<string, string | boolean | undefined>, files: readonly string[]) {
  const format = oneOf('evaluate', 'format', values.format as string | undefined, FORMATS, 'table');
  const lang = oneOf<Lang>('evaluate', 'lang', values.lang as string | undefined, ['zh', 'en'], 'zh');
  const out = values.out as string | undefined;
  if (format === 'xlsx' && out === undefined)
    throw new UsageError(
      'shequ evaluate: --format xlsx writes a workbook: give --out FILE',
      'Example: --out 终期评估.xlsx',
    );
  if (files.length === 0)
    throw new UsageError(
      'shequ evaluate: give one or more CSV or .xlsx files',
      'Example: shequ evaluate 2025.csv',
    );
  for (const file of files) checkDistinctPaths('evaluate', file, { '--out': out });
  const dated = profileAndDate('evaluate', values);
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

/** `shequ evaluate FILE…`. */
export async function runEvaluate(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values, positionals } = parse('evaluate', args, {
    ...DATA_OPTIONS,
    period: { type: 'string' },
    year: { type: 'string' },
    'group-by': { type: 'string' },
    regions: { type: 'string' },
  });
  if (values.help === true) {
    streams.stdout.write(EVALUATE_HELP);
    return 0;
  }
  const options = evaluateOptions(values, positionals);
  await checkWritable(options.out);
  const profiles = await commandProfiles('evaluate', values, options.profile);
  const divisions = await divisionLists(values.divisions as string | undefined);
  const { rows, rejected } = await readFiles(positionals, options.year, streams);
  const result = evaluatePlanPeriod(rows, { ...options.settings, profile: profiles.indicators, divisions });
  if (!result.success) {
    const [first] = result.error.issues;
    throw new UsageError(
      `shequ evaluate: ${first?.message.zh} / ${first?.message.en}`,
      "Run 'shequ evaluate --help'.",
    );
  }
  for (const issue of result.data.warnings ?? [])
    streams.stderr.write(`shequ evaluate: 警告 warning: ${issue.message.zh} / ${issue.message.en}\n`);
  streams.stderr.write(
    `shequ evaluate: ${result.data.period.name.zh} ${result.data.year} 年度 ${result.data.units} 行计入 rows counted · 其他年度 ${result.data.otherYears} other years\n`,
  );
  await writeEvaluation(result.data, options.format, options.lang, options.out, streams);
  return rejected ? 1 : 0;
}
