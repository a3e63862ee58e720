import {
  computeIndicators,
  type Finding,
  type IndicatorRow,
  maskIdNumbersInText,
  type UnitStatistics,
  validate,
} from 'shequ';
import {
  type CliStreams,
  checkDistinctPaths,
  checkWritable,
  DATA_OPTIONS,
  messageLang,
  parse,
  UsageError,
  writeWholeFile,
} from './context.js';
import { escapeHtml } from './html.js';
import { indicatorOptions, reportInput } from './indicators.js';
import { divisionLists, readRows } from './input.js';
import { commandProfiles } from './profile-file.js';
import {
  baselineText,
  indicatorName,
  type Lang,
  ruleTitle,
  statusLabel,
  targetText,
  unitLabel,
} from './render.js';

const T = {
  zh: {
    title: '城乡社区服务体系指标报告',
    asOf: '截至',
    region: '地区',
    value: '值',
    target: '目标',
    status: '状态',
    findings: '校验发现',
    none: '无',
    units: '个单位',
    source: '出处',
    synthetic: '',
  },
  en: {
    title: 'Community service indicators report',
    asOf: 'as of',
    region: 'region',
    value: 'value',
    target: 'target',
    status: 'status',
    findings: 'Findings',
    none: 'none',
    units: 'units',
    source: 'source',
    synthetic: '',
  },
};

/** One bar chart: a bar per region, the target as a dashed line. */
function chart(indicator: string, rows: readonly IndicatorRow[], lang: Lang): string {
  const target = rows.find((row) => row.target !== undefined)?.target;
  const values = rows.map((row) => row.value ?? 0);
  // A loop, not Math.max(...values): a chart of every unit would overflow the call stack as arguments.
  let max = Math.max(1, target?.value ?? 0);
  for (const value of values) max = Math.max(max, value);
  max *= 1.1;
  const barWidth = 36;
  const gap = 14;
  const height = 160;
  const width = Math.max(240, rows.length * (barWidth + gap) + 40);
  const y = (value: number) => 10 + height - (value / max) * height;
  const bars = rows
    .map((row, i) => {
      const x = 30 + i * (barWidth + gap);
      const value = row.value ?? 0;
      const label = escapeHtml(row.name ?? row.region);
      return `<g class="bar" data-region="${row.region}" data-value="${row.value ?? ''}"><rect x="${x}" y="${y(value)}" width="${barWidth}" height="${(value / max) * height}" fill="${row.status === 'met' ? '#2e7d32' : row.status === 'on-track' ? '#558b2f' : '#c62828'}"><title>${label}: ${row.value ?? '—'} ${escapeHtml(unitLabel(row, lang))}</title></rect><text x="${x + barWidth / 2}" y="${y(value) - 3}" text-anchor="middle" font-size="10">${row.value ?? '—'}</text><text x="${x + barWidth / 2}" y="${height + 24}" text-anchor="middle" font-size="10">${label}</text></g>`;
    })
    .join('');
  const targetLine =
    target === undefined
      ? ''
      : `<line class="target" x1="20" x2="${width - 5}" y1="${y(target.value)}" y2="${y(target.value)}" stroke="#333" stroke-dasharray="4 3"/><text x="${width - 5}" y="${y(target.value) - 3}" text-anchor="end" font-size="10">${T[lang].target} ${target.value}</text>`;
  return `<figure><figcaption>${escapeHtml(indicatorName(indicator, lang))}</figcaption><svg role="img" width="${width}" height="${height + 34}" viewBox="0 0 ${width} ${height + 34}">${bars}${targetLine}</svg></figure>`;
}

/** The HTML page. */
export function reportHtml(
  rows: readonly IndicatorRow[],
  findings: readonly Finding[],
  meta: { asOf: string; profile: string; units: number },
  lang: Lang,
): string {
  const t = T[lang];
  const byIndicator = new Map<string, IndicatorRow[]>();
  for (const row of rows) byIndicator.set(row.indicator, [...(byIndicator.get(row.indicator) ?? []), row]);
  const table = rows
    .map(
      (row) =>
        `<tr data-region="${row.region}" data-indicator="${row.indicator}"><td>${escapeHtml(row.name ?? row.region)}</td><td>${escapeHtml(indicatorName(row.indicator, lang))}</td><td class="num">${row.value ?? '—'} ${escapeHtml(unitLabel(row, lang))}</td><td class="num">${row.numerator} / ${row.denominator}</td><td>${escapeHtml(baselineText(row.baseline))}</td><td>${escapeHtml(targetText(row.target))}</td><td>${escapeHtml(statusLabel(row.status, lang))}</td></tr>`,
    )
    .join('\n');
  const charts = [...byIndicator].map(([indicator, group]) => chart(indicator, group, lang)).join('\n');
  const list =
    findings.length === 0
      ? `<p>${t.none}</p>`
      : `<ul>${findings
          .map(
            (f) =>
              `<li class="${f.severity}"><b>${escapeHtml(f.unit)}</b> ${escapeHtml(ruleTitle(f.rule, lang))}：${escapeHtml(f.message[lang])} <small>${t.source}: ${escapeHtml(f.source.document)} ${escapeHtml(f.source.section)}</small></li>`,
          )
          .join('\n')}</ul>`;
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${t.title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem}.num{text-align:right}figure{display:inline-block;margin:1rem}figcaption{font-weight:bold;font-size:.9rem}li.error{color:#b71c1c}li.warning{color:#e65100}small{color:#666}</style></head>
<body><h1>${t.title}</h1><p>${t.asOf} ${meta.asOf} · profile ${escapeHtml(meta.profile)} · ${meta.units} ${t.units}</p>
<table id="indicators"><thead><tr><th>${t.region}</th><th>${lang === 'zh' ? '指标' : 'indicator'}</th><th>${t.value}</th><th>${lang === 'zh' ? '分子 / 分母' : 'numerator / denominator'}</th><th>${lang === 'zh' ? '基线' : 'baseline'}</th><th>${t.target}</th><th>${t.status}</th></tr></thead><tbody>
${table}
</tbody></table>
<section id="charts">${charts}</section>
<h2>${t.findings} (${findings.length})</h2><section id="findings">${list}</section>
</body></html>
`;
}

/** `shequ report FILE --out report.html`. */
export async function runReport(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values, positionals } = parse(
    'report',
    args,
    {
      ...DATA_OPTIONS,
      'group-by': { type: 'string' },
      rejects: { type: 'string' },
      period: { type: 'string' },
    },
    1,
  );
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
  checkDistinctPaths('report', positionals[0], {
    '--out': values.out,
    '--rejects': values.rejects as string | undefined,
  });
  await checkWritable(values.out);
  await checkWritable(values.rejects as string | undefined);
  const units: UnitStatistics[] = [];
  const input = await readRows('report', positionals[0], streams, (row) => units.push(row));
  const divisions = await divisionLists(values.divisions as string | undefined);
  const groupBy = options.groupBy ?? ['county'];
  const rows = computeIndicators(units, {
    profile: profiles.indicators,
    asOf: options.asOf,
    groupBy,
    divisions,
    ...(options.period === undefined ? {} : { period: options.period }),
  });
  const { findings } = validate(units, { profile: profiles.rules, asOf: options.asOf });
  // The whole page is masked: names, data attributes, findings (no ID number in a report).
  await writeWholeFile(
    values.out,
    maskIdNumbersInText(
      reportHtml(
        rows,
        findings,
        { asOf: options.asOf, profile: profiles.id, units: units.length },
        options.lang,
      ),
    ),
  );
  const rejected = await reportInput('report', input, values.rejects as string | undefined, streams);
  return rejected ? 1 : 0;
}
