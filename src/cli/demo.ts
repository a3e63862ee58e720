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
import { type CliStreams, parse } from './context.js';
import { packageFile } from './package-file.js';
import { indicatorTable, ruleTitle } from './render.js';
import { formatTable } from './table.js';

/** The bundled sample, in the package and in the repository. */
const SAMPLE = 'examples/data/sample-units.json';

export const DEMO_HELP = `Usage: shequ demo

Runs shequ on the bundled sample (real division codes and names of 正定县 and 东城区, SYNTHETIC measures): the
indicators by county against the Hebei and Beijing targets, and the findings of the rules by rule.

Options:
  -h, --help           show this help

Example:
  shequ demo
`;

/** `shequ demo`: the indicators of the bundled sample, by county, against the Hebei and Beijing targets. */
export async function runDemo(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values } = parse('demo', args, { help: { type: 'boolean', short: 'h' } }, 0);
  if (values.help === true) {
    streams.stdout.write(DEMO_HELP);
    return 0;
  }
  let raw: { units: unknown[] };
  try {
    raw = JSON.parse(await readFile(packageFile(SAMPLE), 'utf8')) as { units: unknown[] };
  } catch (error) {
    streams.stderr.write(`shequ demo: cannot read the sample data (${(error as Error).message}).\n`);
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
  streams.stdout.write('\n详见 More: shequ indicators / validate / report --help\n');
  return 0;
}
