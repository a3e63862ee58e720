import {
  createValidator,
  type Finding,
  isAtLeastSeverity,
  type Severity,
  type ValidationSummary,
} from 'shequ';
import { findingTextFormat, isStreamFormat } from 'shequ/report';
import {
  type CliStreams,
  checkDistinctPaths,
  checkWritable,
  DATA_OPTIONS,
  oneOf,
  openOutput,
  parse,
  profileAndDate,
} from './context.js';
import { createFindingTextSorter } from './finding-runs.js';
import { reportInput } from './indicators.js';
import { divisionLists, readRows } from './input.js';
import { commandProfiles } from './profile-file.js';
import { findingMarkdown, findingTable, type Lang, ruleTitle } from './render.js';

export const VALIDATE_HELP = `Usage: shequ validate FILE [options]

Checks a statistics sheet against the rules of the plans, the committee laws and the code standards; every finding
cites its source. Rules whose data are missing are counted as not checked.

Options:
  --profile NAME       national (default), hebei or beijing
  --profile-file FILE  a profile file (JSON, see 'shequ schema profile'): rules switched on or off, severities
  --as-of DATE         date the rules apply at, YYYY-MM-DD (default: today in China)
  --format FORMAT      table (default), json, ndjson, csv or md; ndjson: one finding object per line, then a
                       last line {"asOf","profile","summary"} (the report without its findings)
  --out FILE           write there instead of to standard output
  --fail-on LEVEL      error (default), warning, info or never: exit 1 when a finding is at least this serious
                       (or a row was rejected, unless never)
  --rejects FILE       write the rejected rows there (CSV: line, original cells, reason)
  --divisions FILE     a CSV of code,name: codes absent from it are reported (code.divisionKnown)
  --lang LANG          zh (default) or en
  -h, --help           show this help

Exit codes: 0 no finding at the --fail-on level; 1 findings at that level or rejected rows; 2 usage error,
unreadable file or an output that cannot be written.

Examples:
  shequ validate 正定县.csv --profile hebei --as-of 2026-01-01
  shequ validate 东城区.xlsx --profile beijing --format json --fail-on warning
`;

/** `shequ validate FILE`. */
export async function runValidate(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values, positionals } = parse(
    'validate',
    args,
    { ...DATA_OPTIONS, 'fail-on': { type: 'string' }, rejects: { type: 'string' } },
    1,
  );
  if (values.help === true) {
    streams.stdout.write(VALIDATE_HELP);
    return 0;
  }
  const { profile, asOf, warning } = profileAndDate('validate', values);
  const format = oneOf(
    'validate',
    'format',
    values.format as string | undefined,
    ['table', 'json', 'ndjson', 'csv', 'md'] as const,
    'table',
  );
  const failOn = oneOf(
    'validate',
    'fail-on',
    values['fail-on'] as string | undefined,
    ['error', 'warning', 'info', 'never'] as const,
    'error',
  );
  const lang = oneOf<Lang>('validate', 'lang', values.lang as string | undefined, ['zh', 'en'], 'zh');
  if (warning !== undefined) streams.stderr.write(warning);
  const profiles = await commandProfiles('validate', values, profile);
  checkDistinctPaths('validate', positionals[0], {
    '--out': values.out as string | undefined,
    '--rejects': values.rejects as string | undefined,
  });
  await checkWritable(values.out as string | undefined);
  await checkWritable(values.rejects as string | undefined);
  const divisions =
    values.divisions === undefined
      ? undefined
      : (await divisionLists(values.divisions as string)).slice(0, 1);
  const validator = createValidator({
    profile: profiles.rules,
    asOf,
    ...(divisions === undefined ? {} : { divisions }),
  });
  // The streaming formats turn each finding into its final text at once and put the texts in report order in sorted
  // runs (memory flat in the rows); the table and Markdown, written for people, hold the findings.
  const texts = isStreamFormat(format) ? findingTextFormat(format, lang) : undefined;
  const sorter = texts === undefined ? undefined : createFindingTextSorter(validator.compare, texts);
  const kept: Finding[] = [];
  const take = (finding: Finding) => (sorter === undefined ? kept.push(finding) : sorter.add(finding));
  try {
    const input = await readRows('validate', positionals[0], streams, (row) => {
      for (const finding of validator.add(row)) take(finding);
    });
    const end = validator.end();
    for (const finding of end.findings) take(finding);
    const { summary } = end;
    const output = openOutput(values.out as string | undefined, streams);
    if (sorter !== undefined && texts !== undefined) {
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
      await output.write(format === 'md' ? findingMarkdown(kept, lang) : findingTable(kept, lang));
      await output.write(`\n${summaryText(summary, lang)}`);
    }
    await output.close();
    const rejected = await reportInput('validate', input, values.rejects as string | undefined, streams);
    streams.stderr.write(`shequ validate: ${summary.findings} findings\n`);
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

function summaryText(summary: ValidationSummary, lang: Lang): string {
  const lines = [
    lang === 'zh'
      ? `共检查 ${summary.units} 个单位：错误 ${summary.bySeverity.error}，警告 ${summary.bySeverity.warning}，提示 ${summary.bySeverity.info}`
      : `${summary.units} units checked: ${summary.bySeverity.error} errors, ${summary.bySeverity.warning} warnings, ${summary.bySeverity.info} infos`,
  ];
  for (const [rule, tally] of Object.entries(summary.byRule)) {
    lines.push(
      lang === 'zh'
        ? `  ${ruleTitle(rule, lang)}：检查 ${tally.checked}，未通过 ${tally.failed}，数据缺失未检查 ${tally.notChecked}`
        : `  ${ruleTitle(rule, lang)}: ${tally.checked} checked, ${tally.failed} failed, ${tally.notChecked} not checked (data missing)`,
    );
  }
  return `${lines.join('\n')}\n`;
}
