import { type Finding, INDICATORS, type IndicatorRow, maskIdNumbersInText, RULES } from 'shequ';
import { formatTable } from './table.js';

export type Lang = 'zh' | 'en';

const STATUS: Record<IndicatorRow['status'], { zh: string; en: string }> = {
  met: { zh: '达标', en: 'met' },
  'on-track': { zh: '进度正常', en: 'on track' },
  behind: { zh: '滞后', en: 'behind' },
  'not-met': { zh: '未达标', en: 'not met' },
  'no-target': { zh: '无目标', en: 'no target' },
  'no-data': { zh: '无数据', en: 'no data' },
};

const SEVERITY: Record<Finding['severity'], { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

/** An indicator's name in a language (the id for a caller's own indicator). */
export function indicatorName(id: string, lang: Lang): string {
  return (INDICATORS as Record<string, { name: { zh: string; en: string } }>)[id]?.name[lang] ?? id;
}

/** A rule's title in a language. */
export function ruleTitle(id: string, lang: Lang): string {
  for (const rule of Object.values(RULES).flat()) if (rule.id === id) return rule.title[lang];
  return id;
}

export function statusLabel(status: IndicatorRow['status'], lang: Lang): string {
  return STATUS[status][lang];
}

const comparator = (c: string) => (c === '>=' ? '≥' : c === '<=' ? '≤' : c);

/** A baseline as the reports show it: its comparator where the text gives one (`≥ 98`), else the figure. */
export function baselineText(baseline: IndicatorRow['baseline']): string {
  if (baseline === undefined) return '—';
  return baseline.comparator === undefined
    ? String(baseline.value)
    : `${comparator(baseline.comparator)} ${baseline.value}`;
}

/** A target as the reports show it (`≥ 30`, `> 18`, `= 100`). */
export function targetText(target: IndicatorRow['target']): string {
  return target === undefined ? '—' : `${comparator(target.comparator)} ${target.value}`;
}

/** The unit of a row's value in a language: the catalogue's (`人`, `个`) for its indicators, else the row's. */
export function unitLabel(row: IndicatorRow, lang: Lang): string {
  return (
    (INDICATORS as Record<string, { unit: { zh: string; en: string } }>)[row.indicator]?.unit[lang] ??
    row.unit
  );
}

function indicatorCells(row: IndicatorRow, lang: Lang): string[] {
  return [
    row.name ?? row.region,
    indicatorName(row.indicator, lang),
    row.value === null ? '—' : `${row.value} ${unitLabel(row, lang)}`,
    `${row.numerator} / ${row.denominator}`,
    String(row.missing),
    baselineText(row.baseline),
    targetText(row.target),
    statusLabel(row.status, lang),
  ];
}

const INDICATOR_HEADER: Record<Lang, string[]> = {
  zh: ['地区', '指标', '值', '分子 / 分母', '缺失', '基线', '目标', '状态'],
  en: ['region', 'indicator', 'value', 'numerator / denominator', 'missing', 'baseline', 'target', 'status'],
};

/** The header and cells of rows, with a year column after the region when some row has a year. */
function indicatorGrid(rows: readonly IndicatorRow[], lang: Lang) {
  const withYear = rows.some((row) => row.year !== undefined);
  const [first, ...rest] = INDICATOR_HEADER[lang];
  const header = withYear
    ? [first as string, lang === 'zh' ? '年度' : 'year', ...rest]
    : INDICATOR_HEADER[lang];
  const cells = rows.map((row) => {
    const [region, ...others] = indicatorCells(row, lang);
    return withYear
      ? [region as string, row.year === undefined ? '—' : String(row.year), ...others]
      : [region as string, ...others];
  });
  return { header, cells, right: withYear ? new Set([2, 3, 5]) : new Set([2, 4]) };
}

/** Indicator rows as an aligned terminal table (CJK double width). */
export function indicatorTable(rows: readonly IndicatorRow[], lang: Lang): string {
  const { header, cells, right } = indicatorGrid(rows, lang);
  return maskIdNumbersInText(formatTable(header, cells, right));
}

/** A Markdown table cell: `|` escaped, line breaks as `<br>` (a raw one would end the row), ID numbers masked. */
export const mdCell = (text: string) =>
  maskIdNumbersInText(text)
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>');

/** Indicator rows as a Markdown table. */
export function indicatorMarkdown(rows: readonly IndicatorRow[], lang: Lang): string {
  const { header, cells } = indicatorGrid(rows, lang);
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of cells) lines.push(`| ${row.map(mdCell).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

function findingCells(finding: Finding, lang: Lang): string[] {
  return [
    finding.unit,
    SEVERITY[finding.severity][lang],
    finding.rule,
    finding.message[lang],
    `${finding.source.document} ${finding.source.section}`,
  ];
}

const FINDING_HEADER: Record<Lang, string[]> = {
  zh: ['单位', '级别', '规则', '问题', '出处'],
  en: ['unit', 'severity', 'rule', 'finding', 'source'],
};

/** Findings as an aligned terminal table. */
export function findingTable(findings: readonly Finding[], lang: Lang): string {
  return maskIdNumbersInText(
    formatTable(
      FINDING_HEADER[lang],
      findings.map((f) => findingCells(f, lang)),
    ),
  );
}

/** Findings as a Markdown table. */
export function findingMarkdown(findings: readonly Finding[], lang: Lang): string {
  const header = FINDING_HEADER[lang];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const finding of findings) lines.push(`| ${findingCells(finding, lang).map(mdCell).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

/**
 * A JSON.stringify replacer that masks every string before it is escaped: a tab inside an ID number becomes `\t` in
 * JSON, which a reader turns back into a tab, so masking the JSON text alone would not be enough.
 */
export const maskStrings = (_key: string, value: unknown) =>
  typeof value === 'string' ? maskIdNumbersInText(value) : value;
