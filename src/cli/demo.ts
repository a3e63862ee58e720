import { readFile } from 'node:fs/promises';
import {
  computeIndicators,
  type IndicatorProfileName,
  parseUnitStatistics,
  type UnitStatistics,
  validate,
} from 'shequ';
import { beijingDivisions } from 'shequ/divisions/beijing';
import { hebeiDivisions } from 'shequ/divisions/hebei';
import { type CliStreams, messageLang, oneOf, parse } from './context.js';
import { openOutput } from './output.js';
import { packageFile } from './package-file.js';
import { indicatorTable, ruleTitle } from './render.js';
import { formatTable } from './table.js';

/** A file of the bundled sample, examples/data/ at the package root (in the package and in the repository). */
function sampleFile(name: string): string {
  return packageFile(`examples/data/${name}`);
}

/** `shequ demo`: the indicators of the bundled sample, by county, against the Hebei and Beijing targets. */
export async function runDemo(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values } = parse(
    'demo',
    args,
    { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    0,
    { zh: '不带参数（示例数据已随附）', en: 'takes no arguments (the sample data is bundled)', example: '' },
  );
  oneOf('demo', 'lang', values.lang as string | undefined, ['zh', 'en'], 'zh');
  let raw: { units: unknown[] };
  try {
    raw = JSON.parse(await readFile(sampleFile('sample-units.json'), 'utf8')) as { units: unknown[] };
  } catch (error) {
    const reason = (error as Error).message;
    streams.stderr.write(
      messageLang(streams) === 'zh'
        ? `shequ demo：无法读取示例数据（${reason}）。\n`
        : `shequ demo: cannot read the sample data (${reason}).\n`,
    );
    return 2;
  }
  const accepted: UnitStatistics[] = [];
  for (const row of raw.units) {
    const parsed = parseUnitStatistics(row);
    if (parsed.success) accepted.push(parsed.data);
  }
  streams.stdout.write(
    'shequ demo — 示例数据：真实区划代码与名称，统计数值为合成数据 (real codes, SYNTHETIC measures)\n',
  );
  streams.stdout.write(
    `读取 ${raw.units.length} 行 rows read · 有效 ${accepted.length} accepted · 拒收 ${raw.units.length - accepted.length} rejected\n`,
  );
  const runs: [string, IndicatorProfileName, string][] = [
    ['河北省 Hebei (profile hebei)', 'hebei', '13'],
    ['北京市 Beijing (profile beijing)', 'beijing', '11'],
  ];
  for (const [title, profile, province] of runs) {
    const units = accepted.filter((unit) => unit.code.startsWith(province));
    const rows = computeIndicators(units, {
      profile,
      asOf: '2025-12-31',
      groupBy: ['county'],
      divisions: [hebeiDivisions, beijingDivisions],
    });
    streams.stdout.write(
      `\n${title} — 截至 as of 2025-12-31, ${units.length} units\n\n${indicatorTable(rows, 'zh')}`,
    );
    const report = validate(units, { profile, asOf: '2025-12-31' });
    const byRule = Object.entries(report.summary.byRule)
      .filter(([, tally]) => tally.findings > 0)
      .sort(([, a], [, b]) => b.findings - a.findings)
      .map(([rule, tally]) => [
        ruleTitle(rule, 'zh'),
        rule,
        String(tally.findings),
        String(tally.checked),
        String(tally.notChecked),
      ]);
    const { error, warning, info } = report.summary.bySeverity;
    streams.stdout.write(
      `\n校验 validation — 错误 ${error} errors · 警告 ${warning} warnings · 提示 ${info} infos\n\n`,
    );
    streams.stdout.write(
      formatTable(
        ['规则 rule', 'id', '发现 findings', '已检查 checked', '数据缺失 not checked'],
        byRule,
        new Set([2, 3, 4]),
      ),
    );
  }
  await circleDemo(streams);
  streams.stdout.write('\n详见 More: shequ indicators / validate / report / circle --help\n');
  return 0;
}

/** The circles of 东四街道 from the bundled synthetic points: a verdict per community, and the coverage in one line. */
async function circleDemo(streams: CliStreams): Promise<void> {
  const { computeCircles, summaryLine } = await import('./circle.js');
  const { writeCircleResults } = await import('./circle-output.js');
  streams.stdout.write(
    '\n一刻钟社区服务圈 15-minute service circles — 北京市东城区东四街道: 真实社区代码，合成坐标 (real community codes, SYNTHETIC points, GCJ-02)\n' +
      'shequ circle examples/data/dongsi-estates.csv examples/data/dongsi-services.csv --crs gcj02 --minutes 15\n\n',
  );
  const { results } = await computeCircles(
    sampleFile('dongsi-estates.csv'),
    sampleFile('dongsi-services.csv'),
    {
      crs: 'gcj02',
      compute: { minutes: 15 },
    },
  );
  const output = openOutput(undefined, streams);
  await writeCircleResults(results, 'unit', 'table', 'zh', output);
  await output.close();
  streams.stdout.write(`\n${summaryLine(results, '')}`);
  // The verdicts as patches of statistics rows, through the usual accumulator: the street's two coverage indicators.
  const units: UnitStatistics[] = [];
  for (const patch of results.patches.values()) units.push({ kind: 'community', ...patch } as UnitStatistics);
  const rows = computeIndicators(units, {
    profile: 'beijing',
    asOf: '2025-12-31',
    groupBy: ['township'],
    divisions: [beijingDivisions],
  }).filter(
    (row) => row.indicator === 'quarterHourCircleCoverage' || row.indicator === 'basicCommerceCoverage',
  );
  streams.stdout.write(`\n${indicatorTable(rows, 'zh')}`);
}
