import { basename, dirname, relative } from 'node:path';
import {
  computeIndicators,
  createIndicatorAccumulator,
  createValidator,
  type DivisionDataset,
  type EvaluatePlanPeriodOptions,
  evaluatePlanPeriod,
  type Finding,
  type IndicatorRow,
  type Issue,
  type PlanEvaluation,
  planPeriodEndedBy,
  type UnitStatistics,
} from 'shequ';
import {
  createFindingDigest,
  defaultRenderContext,
  type FindingTextFormat,
  findingTextFormat,
  INDICATOR_ROW_WRITERS,
  reportPage,
  reportPagePieces,
} from 'shequ/report';
import { notCountedIssue } from '../indicators/compute.js';
import { unitKindOfTotal } from '../model/row-kind-predicates.js';
import { type CliStreams, DATA_OPTIONS, messageLang, parse, UsageError } from './context.js';
import { divisionLists } from './division-list.js';
import { checkFilesDistinct } from './evaluate.js';
import { createFindingTextSorter } from './finding-runs.js';
import { indicatorOptions, reportInput } from './indicators.js';
import { type InputRows, readRows } from './input.js';
import { addByFile, writeNotCountedByFile } from './not-counted.js';
import { checkOutputPaths, STANDARD_OUTPUT } from './output.js';
import { createOutputSet, type OutputSet } from './output-set.js';
import { commandProfiles } from './profile-file.js';
import { readYearFiles } from './read-year-files.js';
import type { Lang } from './render.js';

/** The page of rows and findings held in memory (the unit tests' and small callers' form). */
export function reportHtml(
  rows: readonly IndicatorRow[],
  findings: readonly Finding[],
  meta: { asOf: string; profile: string; units: number },
  lang: Lang,
): string {
  const digest = createFindingDigest();
  for (const finding of findings) digest.add(finding);
  return reportPage({ rows, findings: digest.digest(), ...meta }, { lang });
}

/** Rows of the page's indicator table at most (≈ 300 bytes each: the page stays under 10 MB). */
const TABLE_LIMIT = 20_000;

/** The companion CSV of every finding beside the page: `report.html` → `report.findings.csv`. */
export function findingsFileOf(out: string): string {
  return `${out.replace(/\.html?$/i, '')}.findings.csv`;
}

/** `--rejects` writes the rejected rows of one file: with several, which file each came from would be lost. */
function checkFiles(files: readonly string[], values: Record<string, string | boolean | undefined>): void {
  if (files.length > 1 && values.rejects !== undefined)
    throw new UsageError(
      {
        zh: 'shequ report：--rejects 只能与一个 FILE 同用',
        en: 'shequ report: --rejects takes one FILE at a time',
      },
      {
        zh: '分别对每个文件运行 shequ validate --rejects。',
        en: 'Run shequ validate --rejects on each file.',
      },
    );
  checkFilesDistinct('report', files);
}

/** Reads one file as before (its rows as they are), or several with each row's year (see readYearFiles). */
async function readReportFiles(
  files: readonly string[],
  streams: CliStreams,
  onRow: (row: UnitStatistics, line: number, file: string) => void,
): Promise<{ file: string; input: InputRows }[]> {
  if (files.length > 1) return readYearFiles('report', files, undefined, streams, onRow);
  const file = files[0] as string;
  return [{ file, input: await readRows('report', file, streams, (row, line) => onRow(row, line, file)) }];
}

/** The evaluation of the ended period over its target year's rows, when there are any. */
function periodEvaluation(
  units: readonly UnitStatistics[],
  period: ReturnType<typeof planPeriodEndedBy>,
  settings: Pick<EvaluatePlanPeriodOptions, 'asOf' | 'profile' | 'divisions'>,
  streams: CliStreams,
): PlanEvaluation | undefined {
  if (period === undefined || units.length === 0) return undefined;
  const result = evaluatePlanPeriod(units, { period: period.id, ...settings });
  if (!result.success) {
    for (const issue of result.error.issues)
      streams.stderr.write(`shequ report: 警告 warning: ${issue.message.zh} / ${issue.message.en}\n`);
    return undefined;
  }
  return result.data;
}

/** `shequ report FILE… --out report.html`. */
export async function runReport(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values, positionals } = parse('report', args, {
    ...DATA_OPTIONS,
    'group-by': { type: 'string' },
    rejects: { type: 'string' },
    period: { type: 'string' },
  });
  if (typeof values.out !== 'string')
    throw new UsageError(
      { zh: 'shequ report：必须给出 --out FILE', en: 'shequ report: --out FILE is required' },
      {
        zh: '示例：shequ report 正定县.csv --out 正定县.html',
        en: 'Example: shequ report 正定县.csv --out 正定县.html',
      },
    );
  const options = indicatorOptions('report', values, messageLang(streams));
  if (options.warning !== undefined) streams.stderr.write(options.warning);
  const profiles = await commandProfiles('report', values, options.profile);
  const findingsPath = findingsFileOf(values.out);
  const indicatorsPath = `${findingsPath.slice(0, -'.findings.csv'.length)}.indicators.csv`;
  checkFiles(positionals, values);
  await checkOutputPaths('report', positionals, {
    '--out': values.out,
    '--rejects': values.rejects as string | undefined,
    'the findings CSV': findingsPath,
    'the indicators CSV': indicatorsPath,
  });
  const groupBy = options.groupBy ?? ['county'];
  // One pass: each row goes into the accumulator and the validator; findings are counted per rule (a digest for the
  // page) and their CSV lines kept in sorted runs for the companion file — memory flat in the rows.
  const accumulator = createIndicatorAccumulator({ profile: profiles.indicators });
  const units: UnitStatistics[] | undefined = groupBy.includes('unit') ? [] : undefined;
  const validator = createValidator({ profile: profiles.rules, asOf: options.asOf });
  const texts = findingTextFormat('csv', options.lang);
  const sorter = createFindingTextSorter(validator.compare, texts);
  const digest = createFindingDigest({ compare: validator.compare });
  const take = (finding: Finding) => {
    digest.add(finding);
    sorter.add(finding);
  };
  // Rows of an ended period's target year are kept for its evaluation (the other years are not counted in it).
  const period = planPeriodEndedBy(options.asOf);
  const evaluated: UnitStatistics[] = [];
  // Rows not counted, by file, with their lines (said as `indicators` says them).
  const notCounted = new Map<string, Issue[]>();
  // The page and the files beside it are all written or none: a failure removes every one this run opened.
  const outputs = createOutputSet();
  try {
    const inputs = await readReportFiles(positionals, streams, (row, line, file) => {
      if (accumulator.add(row)) units?.push(row);
      // A row the reader accepted has a code of its kind's level: a total it cannot count is a repeated one.
      else
        addByFile(notCounted, file, notCountedIssue(row, unitKindOfTotal(row.kind) !== undefined, { line }));
      if (period !== undefined && row.year === period.targetYear) evaluated.push(row);
      for (const finding of validator.add(row)) take(finding);
    });
    const end = validator.end();
    for (const finding of end.findings) take(finding);
    const divisions = await divisionLists('report', values.divisions as string | undefined, streams);
    const rowOptions = {
      asOf: options.asOf,
      groupBy,
      divisions,
      ...(options.period === undefined ? {} : { period: options.period }),
    };
    const rows = [...accumulator.rows(rowOptions)];
    if (units !== undefined && units.length > 0)
      for (const row of computeIndicators(units, {
        ...rowOptions,
        profile: profiles.indicators,
        groupBy: ['unit'],
      }))
        if (row.level === 'unit') rows.push(row);
    const findings = digest.digest();
    if (findings.total > 0) await writeFindingsFile(outputs.open(findingsPath, streams), sorter, texts, end);
    // A table longer than the page holds (a national file by county under a large profile): every row beside it.
    const cut = rows.length > TABLE_LIMIT;
    if (cut) {
      const rowsOutput = outputs.open(indicatorsPath, streams);
      const sink = rowsOutput.sink();
      await INDICATOR_ROW_WRITERS.csv(rows, sink);
      await sink.end();
      await rowsOutput.close();
    }
    const names = regionNames(divisions);
    const evaluation = periodEvaluation(
      evaluated,
      period,
      { asOf: options.asOf, profile: profiles.indicators, divisions },
      streams,
    );
    const output = outputs.open(values.out, streams);
    for (const piece of reportPagePieces(
      {
        rows,
        findings,
        validation: end.summary,
        asOf: options.asOf,
        profile: profiles.id,
        units: end.summary.units,
        ...rejectedOf(inputs, values.out, values.rejects as string | undefined),
        ...(findings.total > 0 ? { findingsFile: basename(findingsPath) } : {}),
        ...(cut ? { indicatorsFile: basename(indicatorsPath) } : {}),
        ...(options.period === undefined ? {} : { period: options.period }),
        ...(evaluation === undefined ? {} : { evaluation }),
      },
      { context: defaultRenderContext(options.lang, names, profiles.rules), tableLimit: TABLE_LIMIT },
    ))
      await output.write(piece);
    await output.close();
    if (values.rejects !== STANDARD_OUTPUT) outputs.claim(values.rejects as string | undefined);
    let rejected = false;
    for (const { input } of inputs)
      if (await reportInput('report', input, values.rejects as string | undefined, streams)) rejected = true;
    writeNotCountedByFile('report', notCounted, positionals.length, streams);
    return rejected ? 1 : 0;
  } catch (error) {
    outputs.discard('report', streams);
    throw error;
  } finally {
    sorter.close();
  }
}

/**
 * The rows the readers rejected, for the page: their count, and the --rejects file relative to the page (none when
 * they go to standard output: the page writes nothing there, so `--rejects -` may).
 */
function rejectedOf(
  inputs: readonly { input: InputRows }[],
  out: string,
  rejects: string | undefined,
): { rejected?: number; rejectsFile?: string } {
  let rejected = 0;
  for (const { input } of inputs) rejected += input.counts.rejected;
  if (rejected === 0) return {};
  return rejects === undefined || rejects === STANDARD_OUTPUT
    ? { rejected }
    : { rejected, rejectsFile: relative(dirname(out), rejects) };
}

/** Writes every finding, in report order, to the companion CSV (masked by construction, as `validate --format csv`). */
async function writeFindingsFile(
  output: ReturnType<OutputSet['open']>,
  sorter: ReturnType<typeof createFindingTextSorter>,
  texts: FindingTextFormat,
  end: Parameters<FindingTextFormat['open']>[0],
): Promise<void> {
  const sink = output.sink();
  const open = sink.write(texts.open(end, true));
  if (open !== undefined) await open;
  await sorter.write(sink, texts.separator);
  await sink.end();
  await output.close();
}

/** Region and unit names from the division lists (the shipped ones load on the first code of their province). */
function regionNames(divisions: readonly DivisionDataset[]): (code: string) => string | undefined {
  return (code) => {
    for (const list of divisions) {
      const name = list.divisions.get(code)?.name;
      if (name !== undefined) return name;
    }
    return undefined;
  };
}
