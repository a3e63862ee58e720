/**
 * The HTML report page: a summary first (per indicator the top region against its target and how many regions are
 * met / on track / behind / not met / without a target / without data, under a legend of the status colours), a bar
 * chart per indicator, the indicator table, and the findings by rule. One self-contained file: inline CSS and SVG,
 * no script, no font or image fetched; every value escaped and masked.
 */
import { ownValue } from '../../core/own-value.js';
import type { PlanEvaluation } from '../../indicators/evaluation-types.js';
import type { IndicatorRow } from '../../indicators/rows.js';
import type { ValidationSummary } from '../../standards/validate.js';
import type { RenderContext } from '../columns.js';
import { resolveRenderContext } from '../context.js';
import { type FormatOptions, joinPieces, writePieces } from '../formats/format.js';
import { htmlTablePieces } from '../formats/html.js';
import { STATUS_LABELS, STATUS_ORDER, targetText } from '../labels.js';
import { evaluationModel, evaluationRowsByRegion } from '../models/evaluation.js';
import { INDICATOR_ROW_MODEL, regionNameOf } from '../models/indicators.js';
import { rowTarget, rowYear } from '../row-keys.js';
import type { ChunkSink } from '../sink.js';
import { barChart, statusBar } from './chart.js';
import { fileLink, htmlNumber, htmlText } from './escape.js';
import { type FindingDigest, findingsSection } from './findings.js';
import { PAGE_STYLE } from './style.js';
import { chartRegions, type IndicatorSummary, summarizeIndicators } from './summary.js';
import { rowYears, trendCharts } from './trend.js';

/**
 * What a report page shows.
 *
 * @example
 * ```ts
 * const input: ReportPageInput = { rows, findings: digest.digest(), asOf: '2025-12-31', profile: 'hebei', units: 312 };
 * ```
 */
export interface ReportPageInput {
  /** Indicator rows (any levels). */
  readonly rows: readonly IndicatorRow[];
  /** The findings, summarised ({@link createFindingDigest}). */
  readonly findings: FindingDigest;
  /** The validation summary (its tallies give each rule's share of failing units). */
  readonly validation?: ValidationSummary;
  /** The as-of date. */
  readonly asOf: string;
  /** The profile's id. */
  readonly profile: string;
  /** Units read. */
  readonly units: number;
  /** The companion CSV of every finding, when one is written beside the page (a relative file name). */
  readonly findingsFile?: string;
  /** The companion CSV of every indicator row, when the table is cut (a relative file name). */
  readonly indicatorsFile?: string;
  /** The plan period the rows were computed with (the trend charts' lines). */
  readonly period?: string;
  /** The evaluation of a plan period that has ended by the as-of date: shown on top of the page. */
  readonly evaluation?: PlanEvaluation;
  /** Rows of the input rejected by its reader (not counted): stated under the title when there are any. */
  readonly rejected?: number;
  /** Where the rejected rows were written (a file name relative to the page), when they were. */
  readonly rejectsFile?: string;
}

/**
 * Options of {@link writeReportPage}.
 *
 * @example
 * ```ts
 * const options: ReportPageOptions = { lang: 'en', tableLimit: 20_000, chartRegions: 40 };
 * ```
 */
export interface ReportPageOptions extends FormatOptions {
  /** Rows of the indicator table at most (default 20 000: a national county table fits; the rest are counted). */
  readonly tableLimit?: number;
  /** Bars of a chart at most (default 40: the regions furthest from the target beyond). */
  readonly chartRegions?: number;
}

const T = {
  zh: {
    title: '城乡社区服务体系指标报告',
    asOf: '截至',
    profile: '口径',
    units: '个单位',
    summary: '概要',
    legend: '图例',
    charts: '各地区指标',
    table: '指标明细',
    caption: '各地区指标值、目标与状态',
    regions: '个地区',
    target: '目标',
    noTarget: '无目标',
    range: '最低—最高',
    trends: '各年度趋势',
    evaluation: (e: PlanEvaluation) => `${e.period.name.zh}规划主要指标完成情况（${e.year}年）`,
  },
  en: {
    title: 'Community service indicators report',
    asOf: 'as of',
    profile: 'profile',
    units: 'units',
    summary: 'Summary',
    legend: 'Legend',
    charts: 'Indicators by region',
    table: 'Indicator table',
    caption: 'Indicator values, targets and status by region',
    regions: 'regions',
    target: 'target',
    noTarget: 'no target',
    range: 'lowest–highest',
    trends: 'Trends over the years',
    evaluation: (e: PlanEvaluation) => `${e.period.name.en}: main indicators (${e.year})`,
  },
};

/** The rows rejected by the reader, when there are any: their count, and the file that lists them. */
function rejectedNote(input: ReportPageInput, context: RenderContext): string {
  const rejected = ownValue<number>(input, 'rejected');
  if (rejected === undefined || !(rejected > 0)) return '';
  const file = ownValue<string>(input, 'rejectsFile');
  const link = file === undefined ? '' : fileLink(file);
  const zh = context.lang === 'zh';
  const words = zh
    ? `${htmlNumber(rejected)} 行被拒收（未计入）${link === '' ? '' : `，见 ${link}`}`
    : `${htmlNumber(rejected)} rows rejected (not counted)${link === '' ? '' : `: see ${link}`}`;
  return ` · <span class="rejected">${words}</span>`;
}

/** The legend of the status colours: a swatch and the status in words (colour is never the only carrier). */
function legend(context: RenderContext): string {
  const items = STATUS_ORDER.map(
    (status) =>
      `<span role="listitem" class="s-${status}"><span class="swatch" aria-hidden="true"></span>${htmlText(STATUS_LABELS[status][context.lang])}</span>`,
  ).join('');
  return `<div class="legend" id="legend" role="list" aria-label="${T[context.lang].legend}">${items}</div>`;
}

/** The headline of one indicator: its top region against the target, or the range over several top regions. */
function headline(summary: IndicatorSummary, context: RenderContext): string {
  const t = T[context.lang];
  const unit = context.indicatorUnit(summary.indicator, summary.regions[0]?.unit ?? '');
  const row = summary.top[0] as IndicatorRow;
  if (summary.top.length === 1) {
    const name = regionNameOf(row, context);
    const where = `${htmlText(name ?? row.region)}${name === undefined ? '' : ` <small>${htmlText(row.region)}</small>`}`;
    const target =
      rowTarget(row) === undefined ? t.noTarget : `${t.target} ${htmlText(targetText(rowTarget(row)))}`;
    return `${where}：<b>${row.value === null ? '—' : htmlNumber(row.value)}</b> ${htmlText(unit)} · ${target} · <span class="status s-${row.status}"><span class="swatch" aria-hidden="true"></span>${htmlText(STATUS_LABELS[row.status][context.lang])}</span>`;
  }
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const top of summary.top)
    if (top.value !== null) {
      low = Math.min(low, top.value);
      high = Math.max(high, top.value);
    }
  const range = low > high ? '—' : htmlText(`${low}–${high}`);
  const target =
    rowTarget(row) === undefined ? t.noTarget : `${t.target} ${htmlText(targetText(rowTarget(row)))}`;
  return `${summary.top.length} ${t.regions} · ${t.range} <b>${range}</b> ${htmlText(unit)} · ${target}`;
}

/** One indicator's summary block: headline, stacked status bar, counts in words. */
function summaryItem(summary: IndicatorSummary, context: RenderContext, i: number): string {
  const counts = STATUS_ORDER.map(
    (status) =>
      `<span class="s-${status}" data-status="${status}"><span class="swatch" aria-hidden="true"></span>${htmlText(STATUS_LABELS[status][context.lang])} <b>${summary.counts[status]}</b></span>`,
  ).join('');
  const data = STATUS_ORDER.map((status) => ` data-${status}="${summary.counts[status]}"`).join('');
  return `<div class="summary-item" data-indicator="${htmlText(summary.indicator)}" data-regions="${summary.regions.length}"${data}><h3>${htmlText(context.indicatorName(summary.indicator))}</h3><p class="headline">${headline(summary, context)}</p>${statusBar(summary, context, `sum${i}`)}<p class="counts">${counts}</p></div>`;
}

/** The evaluation of an ended plan period: a table per region in the plan's 主要指标 layout. */
function evaluationSection(evaluation: PlanEvaluation, context: RenderContext): string {
  const model = evaluationModel(evaluation.period, context.lang);
  const tables = evaluationRowsByRegion(evaluation)
    .map(({ label, rows }, i) =>
      joinPieces(htmlTablePieces(model, rows, context, { id: `evaluation-${i + 1}`, caption: label })),
    )
    .join('');
  return `<section id="evaluation" aria-labelledby="evaluation-title"><h2 id="evaluation-title">${htmlText(T[context.lang].evaluation(evaluation))}</h2><div class="table-wrap">${tables}</div></section>\n`;
}

/**
 * The pieces of the report page (written in order; the indicator table row by row).
 *
 * @param input - rows, findings and the run's facts
 * @param options - language, names, limits
 * @returns the pieces
 */
export function* reportPagePieces(input: ReportPageInput, options: ReportPageOptions = {}): Iterable<string> {
  const context = resolveRenderContext(options);
  // The input's and the options' optional keys read as their own (core/own-value.ts).
  const evaluation = ownValue<PlanEvaluation>(input, 'evaluation');
  const tableLimit = ownValue<number>(options, 'tableLimit') ?? 20_000;
  const indicatorsFile = ownValue<string>(input, 'indicatorsFile');
  const t = T[context.lang];
  // Rows over years: the summary and bars show the latest year (the trend charts show the path to it).
  const years = rowYears(input.rows);
  const lastYear = years[years.length - 1];
  const summaries = summarizeIndicators(
    years.length > 1 ? input.rows.filter((row) => rowYear(row) === lastYear) : input.rows,
  );
  yield `<!doctype html>
<html lang="${context.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${t.title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${PAGE_STYLE}</style></head>
<body><main>
<h1>${t.title}</h1><p class="meta">${t.asOf} ${htmlText(input.asOf)} · ${t.profile} ${htmlText(input.profile)} · ${htmlNumber(input.units)} ${t.units}${rejectedNote(input, context)}</p>
${evaluation === undefined ? '' : evaluationSection(evaluation, context)}<section id="summary" aria-labelledby="summary-title"><h2 id="summary-title">${t.summary}</h2>${legend(context)}
`;
  for (let i = 0; i < summaries.length; i++)
    yield `${summaryItem(summaries[i] as IndicatorSummary, context, i)}\n`;
  const trends = trendCharts(input.rows, context, ownValue<string>(input, 'period'));
  if (trends.length > 0)
    yield `</section>\n<section id="trends" aria-labelledby="trends-title"><h2 id="trends-title">${t.trends}</h2>\n${trends.join('\n')}\n`;
  yield `</section>\n<section id="charts" aria-labelledby="charts-title"><h2 id="charts-title">${t.charts}</h2>\n`;
  const limit = ownValue<number>(options, 'chartRegions') ?? 40;
  for (let i = 0; i < summaries.length; i++) {
    const summary = summaries[i] as IndicatorSummary;
    yield `${barChart(summary, chartRegions(summary.regions, limit), context, `chart${i}`)}\n`;
  }
  yield `</section>\n<section aria-labelledby="table-title"><h2 id="table-title">${t.table}</h2><div class="table-wrap">`;
  yield* htmlTablePieces(INDICATOR_ROW_MODEL, input.rows, context, {
    id: 'indicators',
    caption: t.caption,
    limit: tableLimit,
  });
  if (indicatorsFile !== undefined && input.rows.length > tableLimit)
    yield `<p class="note">${context.lang === 'zh' ? '全部指标行见' : 'Every indicator row is in'} ${fileLink(indicatorsFile)}</p>`;
  const byRule = ownValue<ValidationSummary>(input, 'validation')?.byRule;
  yield `</div></section>\n${findingsSection(input.findings, byRule, context, ownValue<string>(input, 'findingsFile'))}\n</main></body></html>\n`;
}

/**
 * Writes the report page into a sink (call `sink.end()` after).
 *
 * @param input - rows, findings and the run's facts
 * @param sink - where the page goes
 * @param options - language, names, limits
 * @returns when the page is in the sink
 *
 * @example
 * ```ts
 * await writeReportPage({ rows, findings: digest.digest(), asOf: '2025-12-31', profile: 'hebei', units: 312 }, sink, { lang: 'zh' });
 * ```
 */
export function writeReportPage(
  input: ReportPageInput,
  sink: ChunkSink,
  options: ReportPageOptions = {},
): Promise<void> {
  return writePieces(reportPagePieces(input, options), sink);
}

/**
 * The report page as one string.
 *
 * @param input - rows, findings and the run's facts
 * @param options - language, names, limits
 * @returns the page
 *
 * @example
 * ```ts
 * reportPage({ rows: [], findings: { total: 0, rules: [], first: [] }, asOf: '2025-12-31', profile: 'national', units: 0 }).startsWith('<!doctype html>');
 * //=> true
 * ```
 */
export function reportPage(input: ReportPageInput, options: ReportPageOptions = {}): string {
  return joinPieces(reportPagePieces(input, options));
}
