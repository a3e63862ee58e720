import type { IndicatorRow, IndicatorSeriesEntry } from 'shequ';
import type { IndicatorsFromSource } from 'shequ/pipeline';
import { maskIdNumbersInText } from '../core/mask.js';
import { type CliStreams, echo, UsageError } from './context.js';
import { computeFromFile } from './indicators.js';
import type { InputRows } from './input.js';
import { indicatorName, type Lang, mdCell } from './render.js';
import { formatTable } from './table.js';

// `shequ indicators 2021.csv 2022.csv …`: each file is read by the pipeline job (on several cores when large), its
// rows taking their year from a year column, else from --year, else from a four-digit year in the file's name; the
// parts of every file merge into one accumulator (exactly, year by year), whose rows make one series.

/** The year a file's name gives (one reading for every command: year-of-file.ts). */
export { yearOfFileName } from './year-of-file.js';

import { yearOfFileName } from './year-of-file.js';

/** `--year YEAR`: a year from 1949 to 2100, or absent. */
export function yearOption(command: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 1949 || year > 2100)
    throw new UsageError(
      `shequ ${command}: --year 应为 1949–2100 的四位年份 / --year takes a four-digit year from 1949 to 2100, not ${echo(text)}`,
      'Example: --year 2023',
    );
  return year;
}

type FileOptions = Parameters<typeof computeFromFile>[3];

/** Whether a file's parts hold rows without a year (no 年度 column, or blank cells in it). */
function hasRowsWithoutYear(parts: ReturnType<IndicatorsFromSource['parts']>): boolean {
  return Object.keys(parts.townships).length > 0 || parts.totals !== undefined;
}

/** The error of a file whose rows have no year (several files make a series: each row needs its year). */
function noYearError(command: string, file: string): UsageError {
  return new UsageError(
    `shequ ${command}: ${echo(file)} 有的行没有“年度”，文件名中也没有年份：没有年度的文件一次只能给一个 / ${echo(file)} has rows without a year and no year in its name: without a year, one FILE at a time`,
    'Fill a 年度 column, put the year in the file name (正定县2023.csv), or give --year YEAR (the year of every row without one).',
  );
}

/**
 * Reads several statistics files into one series: each file read as `shequ indicators FILE` reads it, with its
 * rows' year from its year column, else `--year`, else its name; the parts merged into one accumulator.
 */
export async function computeFromFiles(
  command: string,
  files: readonly string[],
  streams: CliStreams,
  options: FileOptions,
): Promise<{ rows: Iterable<IndicatorRow>; inputs: { file: string; input: InputRows }[]; years: number[] }> {
  // The files' parts are already in the latest divisions (each job applied the crosswalk); the master only sums.
  // Loaded here, not with the module: every `indicators` run imports this module, and the library's index loads zod.
  const { createIndicatorAccumulator } = await import('shequ');
  const master = createIndicatorAccumulator({ profile: options.profile });
  const jobs: IndicatorsFromSource[] = [];
  const inputs: { file: string; input: InputRows }[] = [];
  for (const file of files) {
    const year = options.year ?? yearOfFileName(file);
    const { input } = await computeFromFile(command, file, streams, {
      ...options,
      ...(year === undefined ? {} : { year }),
    });
    const job = input as IndicatorsFromSource;
    const parts = job.parts();
    if (year === undefined && hasRowsWithoutYear(parts)) throw noYearError(command, file);
    const merged = master.merge(parts);
    if (!merged.success) {
      const issue = merged.error.issues[0];
      throw new UsageError(
        `shequ ${command}: ${echo(file)}: ${issue?.message.zh ?? ''} / ${issue?.message.en ?? ''}`,
        'A region total of a year is given once in all the files together.',
      );
    }
    jobs.push(job);
    inputs.push({ file, input });
  }
  const rowOptions = {
    asOf: options.asOf,
    divisions: options.divisions,
    ...(options.groupBy === undefined ? {} : { groupBy: options.groupBy }),
    ...(options.period === undefined ? {} : { period: options.period }),
  };
  function* rows(): Generator<IndicatorRow> {
    yield* master.rows(rowOptions);
    if (options.groupBy?.includes('unit') !== true) return;
    for (const job of jobs) for (const row of job.rows()) if (row.level === 'unit') yield row;
  }
  return { rows: rows(), inputs, years: [...master.years] };
}

const STANDING: Record<IndicatorSeriesEntry['points'][number]['standing'], { zh: string; en: string }> = {
  ahead: { zh: '快于规划线', en: 'ahead' },
  'on-line': { zh: '在规划线上', en: 'on the line' },
  behind: { zh: '慢于规划线', en: 'behind' },
  'no-line': { zh: '无基线', en: 'no baseline' },
  'no-target': { zh: '无目标', en: 'no target' },
  'no-data': { zh: '无数据', en: 'no data' },
};

const SERIES_HEADER: Record<Lang, string[]> = {
  zh: ['地区', '指标', '年度', '值', '较基线', '较基线年', '规划线', '位置', '变化', '年均变化'],
  en: [
    'region',
    'indicator',
    'year',
    'value',
    'vs baseline',
    'vs baseline year',
    'line',
    'standing',
    'change',
    'average annual change',
  ],
};

const shown = (value: number | null) => (value === null ? '—' : String(value));

/** One line per entry and year; the entry's change and average on its last year's line. */
function seriesCells(entries: readonly IndicatorSeriesEntry[], lang: Lang): string[][] {
  const lines: string[][] = [];
  for (const entry of entries) {
    entry.points.forEach((point, i) => {
      const last = i === entry.points.length - 1;
      lines.push([
        entry.name ?? entry.region,
        indicatorName(entry.indicator, lang),
        String(point.year),
        shown(point.value),
        shown(point.changeFromBaseline),
        shown(point.changeFromBaselineYear),
        shown(point.line),
        STANDING[point.standing][lang],
        last ? shown(entry.change) : '',
        last ? shown(entry.averageAnnualChange) : '',
      ]);
    });
  }
  return lines;
}

const CSV_COLUMNS = [
  'region',
  'level',
  'name',
  'indicator',
  'unit',
  'year',
  'numerator',
  'denominator',
  'missing',
  'value',
  'period',
  'changeFromBaseline',
  'changeFromBaselineYear',
  'line',
  'standing',
  'change',
  'averageAnnualChange',
];

/** The CSV of a series: one line per entry and year (the entry's change and average on every line). */
async function seriesCsv(entries: readonly IndicatorSeriesEntry[]): Promise<string> {
  const { toCsv } = await import('shequ/io');
  const lines = entries.flatMap((entry) =>
    entry.points.map((p) => [
      entry.region,
      entry.level,
      entry.name,
      entry.indicator,
      entry.unit,
      p.year,
      p.numerator,
      p.denominator,
      p.missing,
      p.value,
      p.period,
      p.changeFromBaseline,
      p.changeFromBaselineYear,
      p.line,
      p.standing,
      entry.change,
      entry.averageAnnualChange,
    ]),
  );
  return toCsv(CSV_COLUMNS, lines);
}

/**
 * The text of `--series` in a format: per region and indicator, each year's value, its change against the baseline
 * and the baseline year, the line and the standing on it, and the change and average annual change.
 */
export async function seriesText(
  rows: Iterable<IndicatorRow>,
  format: 'table' | 'md' | 'json' | 'ndjson' | 'csv',
  lang: Lang,
  period: string | undefined,
): Promise<string> {
  const { indicatorSeriesFromRows } = await import('shequ');
  const entries = indicatorSeriesFromRows(rows, period === undefined ? {} : { period });
  if (format === 'json') return maskIdNumbersInText(`${JSON.stringify(entries, null, 1)}\n`);
  if (format === 'ndjson')
    return maskIdNumbersInText(entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
  if (format === 'csv') return seriesCsv(entries);
  const cells = seriesCells(entries, lang);
  const header = SERIES_HEADER[lang];
  if (format === 'table') return maskIdNumbersInText(formatTable(header, cells, new Set([3, 4, 5, 6, 8, 9])));
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const line of cells) lines.push(`| ${line.map(mdCell).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}
