import { stat } from 'node:fs/promises';
import type { Finding, Severity, ValidationSummary } from 'shequ';
import { findingTextFormat, isStreamFormat, type ReportHead } from 'shequ/report';
// The validator and the severity order from their own modules, not the library's index: the index loads every
// module, zod's among them (68–108 ms in a timed import after the report and pipeline entries, on a loaded machine),
// while a large file's worker, started early, waits for this thread's plan.
import { isAtLeastSeverity } from '../core/severity.js';
import { createValidator } from '../standards/validator.js';
import { type CliStreams, messageLang, oneOf, parse, profileAndDate, VALIDATE_OPTIONS } from './context.js';
import { divisionLists } from './division-list.js';
import { validateRanges } from './early-workers.js';
import { createFindingTextSorter } from './finding-runs.js';
import { reportInput, workerCount } from './indicators.js';
import { type InputRows, readRows, runFileJob } from './input.js';
import { checkOutputPaths, checkStandardOutput, openOutput, RESULTS, writeWholeFile } from './output.js';
import { type CommandProfiles, commandProfiles } from './profile-file.js';
import { findingMarkdown, findingTable, type Lang, ruleTitle } from './render.js';
import type { ParallelValidation, SortedFindings } from './validate-parallel.js';
import type { RangeValidation } from './validate-range.js';
import { xlsxOutFile } from './xlsx-output.js';

/** `shequ validate FILE`. */
export async function runValidate(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values, positionals } = parse('validate', args, VALIDATE_OPTIONS, 1);
  const { profile, asOf, warning } = profileAndDate('validate', values, messageLang(streams));
  const format = oneOf(
    'validate',
    'format',
    values.format as string | undefined,
    ['table', 'json', 'ndjson', 'csv', 'md', 'xlsx'] as const,
    'table',
  );
  const xlsxFile = format === 'xlsx' ? xlsxOutFile('validate', values.out) : undefined;
  const failOn = oneOf(
    'validate',
    'fail-on',
    values['fail-on'] as string | undefined,
    ['error', 'warning', 'info', 'never'] as const,
    'error',
  );
  const lang = oneOf<Lang>('validate', 'lang', values.lang as string | undefined, ['zh', 'en'], 'zh');
  const workers = workerCount(values.workers as string | undefined, 'validate');
  if (warning !== undefined) streams.stderr.write(warning);
  const profiles = await commandProfiles('validate', values, profile);
  // With a workbook, the summary is printed on standard output.
  checkStandardOutput(
    'validate',
    { '--rejects': values.rejects as string | undefined },
    xlsxFile !== undefined ? SUMMARY : values.out === undefined ? RESULTS : undefined,
  );
  await checkOutputPaths('validate', [positionals[0]], {
    '--out': values.out as string | undefined,
    '--rejects': values.rejects as string | undefined,
  });
  const divisions =
    values.divisions === undefined
      ? undefined
      : (await divisionLists('validate', values.divisions as string, streams)).slice(0, 1);
  const validator = createValidator({
    profile: profiles.rules,
    asOf,
    ...(divisions === undefined ? {} : { divisions }),
  });
  // The streaming formats turn each finding into its final text at once and put the texts in report order in sorted
  // runs (memory flat in the rows); the table and Markdown, written for people, hold the findings.
  const texts = isStreamFormat(format) ? findingTextFormat(format, lang) : undefined;
  // A large file in a streaming format is validated on several cores when it can be (validate-parallel.ts).
  const parallel =
    texts === undefined || typeof profiles.rules !== 'string'
      ? undefined
      : await validateFileInParallel(positionals[0], streams, workers, {
          profile: profiles.rules,
          asOf: validator.asOf,
          ...(values.divisions === undefined ? {} : { divisions: values.divisions as string }),
          format: format as 'json' | 'ndjson' | 'csv',
          lang,
        });
  let sorter: SortedFindings | undefined = parallel?.findings;
  const kept: Finding[] = [];
  try {
    let input: InputRows;
    let end: ReportHead;
    if (parallel !== undefined) ({ input, head: end } = parallel);
    else {
      const serial = texts === undefined ? undefined : createFindingTextSorter(validator.compare, texts);
      sorter = serial;
      const take = (finding: Finding) => (serial === undefined ? kept.push(finding) : serial.add(finding));
      input = await readRows('validate', positionals[0], streams, (row) => {
        for (const finding of validator.add(row)) take(finding);
      });
      const report = validator.end();
      for (const finding of report.findings) take(finding);
      end = report;
    }
    const { summary } = end;
    if (xlsxFile !== undefined) {
      kept.sort(validator.compare);
      const { findingsToXlsx } = await import('shequ/report/xlsx');
      await writeWholeFile(
        xlsxFile,
        await findingsToXlsx(kept, { lang, summary, rules: profiles.rules }),
        streams,
      );
    }
    const output = openOutput(
      xlsxFile === undefined ? (values.out as string | undefined) : undefined,
      streams,
    );
    if (xlsxFile !== undefined) {
      // The workbook is written; the terminal gets the summary.
      await output.write(summaryText(summary, lang, profiles.rules));
    } else if (sorter !== undefined && texts !== undefined) {
      // The summary is known before the findings are written: the JSON's head still comes first.
      const sink = output.sink();
      const any = sorter.size > 0;
      const open = sink.write(texts.open(end, any));
      if (open !== undefined) await open;
      await sorter.write(sink, texts.separator);
      const close = sink.write(texts.close(end, any));
      if (close !== undefined) await close;
      await sink.end();
    } else {
      kept.sort(validator.compare);
      await output.write(
        format === 'md'
          ? findingMarkdown(kept, lang, profiles.rules)
          : findingTable(kept, lang, profiles.rules),
      );
      await output.write(`\n${summaryText(summary, lang, profiles.rules)}`);
    }
    await output.close();
    const rejected = await reportInput('validate', input, values.rejects as string | undefined, streams);
    streams.stderr.write(
      messageLang(streams) === 'zh'
        ? `shequ validate：共 ${summary.findings} 条发现\n`
        : `shequ validate: ${summary.findings} findings\n`,
    );
    if (failOn === 'never') return 0;
    // A rejected row was not checked at all: it fails the run like an error-level finding.
    if (rejected) return 1;
    return SEVERITIES.some(
      (severity) => summary.bySeverity[severity] > 0 && isAtLeastSeverity(severity, failOn as Severity),
    )
      ? 1
      : 0;
  } finally {
    sorter?.close();
  }
}

const SEVERITIES = ['error', 'warning', 'info'] as const;

/** What a workbook's run prints on standard output, as checkStandardOutput's message names it. */
const SUMMARY = { zh: '汇总', en: 'the summary' };

/** The summary for people: the counts, then each rule (titled as the profile in force states it) with its tally. */
function summaryText(summary: ValidationSummary, lang: Lang, rules: CommandProfiles['rules']): string {
  const title = (rule: string) => ruleTitle(rule, lang, rules);
  const lines = [
    lang === 'zh'
      ? `共检查 ${summary.units} 个单位：错误 ${summary.bySeverity.error}，警告 ${summary.bySeverity.warning}，提示 ${summary.bySeverity.info}`
      : `${summary.units} units checked: ${summary.bySeverity.error} errors, ${summary.bySeverity.warning} warnings, ${summary.bySeverity.info} infos`,
  ];
  for (const [rule, tally] of Object.entries(summary.byRule)) {
    lines.push(
      lang === 'zh'
        ? `  ${title(rule)}：检查 ${tally.checked}，未通过 ${tally.failed}，数据缺失未检查 ${tally.notChecked}`
        : `  ${title(rule)}: ${tally.checked} checked, ${tally.failed} failed, ${tally.notChecked} not checked (data missing)`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The parallel validate of a file (not standard input) in the ranges {@link validateRanges} gives; `undefined` for the
 * one-thread path.
 */
async function validateFileInParallel(
  file: string | undefined,
  streams: CliStreams,
  workers: number | undefined,
  validation: Omit<RangeValidation, 'dir'>,
): Promise<ParallelValidation | undefined> {
  if (file === undefined || file === '-' || workers === 1) return undefined;
  const size = await stat(file).then(
    (stats) => (stats.isFile() ? stats.size : 0),
    () => 0,
  );
  const ranges = validateRanges(size, workers);
  if (ranges < 2) return undefined;
  const { validateInParallel } = await import('./validate-parallel.js');
  let parallel: ParallelValidation | undefined;
  // The steps of every data command around the job: progress, and a file that cannot be read ends it (exit 2).
  await runFileJob('validate', file, streams, async (_source, onProgress) => {
    parallel = await validateInParallel(file, ranges, validation, onProgress);
    return parallel?.input ?? { issues: [] };
  });
  return parallel;
}
