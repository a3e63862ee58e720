import { type EvaluationRow, maskIdNumbersInText, type PlanEvaluation } from 'shequ';
import { defaultRenderContext, FONT_STACK, htmlTablePieces, STATUS_COLOURS } from 'shequ/report';
import { ownValue } from '../core/own-value.js';
import { evaluationModel, evaluationRowsByRegion } from '../report/models/evaluation.js';
import { rowBaseline, rowTarget } from '../report/row-keys.js';
import { escapeHtml } from './html.js';
import type { Lang } from './render.js';

const T = {
  zh: {
    title: (e: PlanEvaluation) => `${e.period.name.zh}规划主要指标完成情况`,
    meta: (e: PlanEvaluation) =>
      `评估日期 ${e.asOf} · 指标方案 ${e.profile} · ${e.year} 年度计入 ${e.units} 行（其他年度 ${e.otherYears} 行）`,
    provisional: (e: PlanEvaluation) => `初步评估：规划期至 ${e.period.end} 结束，数据可能仍会变化。`,
    warnings: '提示',
    sources: '计算方法与来源',
    indicator: '指标',
    formula: '公式',
    baseline: '基线来源',
    target: '目标来源',
    documents: '规划文件',
    confidence: '可信度',
  },
  en: {
    title: (e: PlanEvaluation) => `${e.period.name.en}: main indicators`,
    meta: (e: PlanEvaluation) =>
      `Evaluated ${e.asOf} · profile ${e.profile} · ${e.units} rows of ${e.year} counted (${e.otherYears} of other years)`,
    provisional: (e: PlanEvaluation) =>
      `Provisional: the period ends on ${e.period.end}; the figures may change.`,
    warnings: 'Notes',
    sources: 'Arithmetic and sources',
    indicator: 'indicator',
    formula: 'formula',
    baseline: 'baseline source',
    target: 'target source',
    documents: 'Plan documents',
    confidence: 'confidence',
  },
};

/** The 完成情况 cells: a swatch of the report's status colour (grey, never red, for no target or no data) before the word. */
const STATUS_STYLE = (['met', 'not-met', 'no-data', 'no-target'] as const)
  .map((status) => `td.${status}::before{background:${STATUS_COLOURS[status]}}`)
  .join('');

const STYLE =
  `body{font-family:${FONT_STACK};margin:2rem;color:#222}` +
  'table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.25rem .5rem}' +
  'caption{text-align:left;font-weight:bold;font-size:1.2rem;padding:.5rem 0}' +
  'th{background:#f3f3f3}.num{text-align:right}' +
  'td.met::before,td.not-met::before,td.no-data::before,td.no-target::before{content:"";display:inline-block;' +
  'width:.8em;height:.8em;margin-right:.35em;border-radius:2px;border:1px solid #0003;vertical-align:-.05em;' +
  'print-color-adjust:exact;-webkit-print-color-adjust:exact}' +
  STATUS_STYLE +
  '.provisional{border-left:4px solid #e65100;padding-left:.5rem}small{color:#666}';

const cell = (value: unknown) => (value === null || value === undefined ? '—' : escapeHtml(String(value)));

/** A table per region: the plan's 主要指标 layout (the evaluation's column model), the region as its caption. */
function regionTables(evaluation: PlanEvaluation, lang: Lang): string {
  const model = evaluationModel(evaluation.period, lang);
  const context = defaultRenderContext(lang);
  return evaluationRowsByRegion(evaluation)
    .map(({ label, rows }, i) =>
      [...htmlTablePieces(model, rows, context, { id: `region-${i + 1}`, caption: label })].join(''),
    )
    .join('');
}

/** Per indicator (the same in every region): its formula and the sources of its baseline and target. */
function sourcesTable(evaluation: PlanEvaluation, lang: Lang): string {
  const t = T[lang];
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const row of evaluation.rows) {
    if (seen.has(row.indicator)) continue;
    seen.add(row.indicator);
    const source = (figure: EvaluationRow['baseline'] | EvaluationRow['target']) =>
      figure === undefined
        ? '—'
        : `${cell(figure.source)} <small>(${t.confidence}: ${cell(figure.confidence)})</small>`;
    lines.push(
      `<tr><td class="num">${row.serial}</td><td>${cell(row.indicatorName[lang])}</td><td>${cell(row.formula[lang])}</td><td>${source(rowBaseline(row))}</td><td>${source(rowTarget(row))}</td></tr>`,
    );
  }
  const head = ['', t.indicator, t.formula, t.baseline, t.target].map((h) => `<th>${cell(h)}</th>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${lines.join('')}</tbody></table>`;
}

/**
 * The evaluation as one self-contained HTML page (no script, nothing fetched): a table per region laid out like the
 * plan's 主要指标 table, the statuses coloured and written, the warnings, the arithmetic and sources, the plan
 * documents. Every text is escaped, and the page is masked (no full ID number) as a whole.
 */
export function evaluationHtml(evaluation: PlanEvaluation, lang: Lang): string {
  const t = T[lang];
  const warnings = ownValue<PlanEvaluation['warnings']>(evaluation, 'warnings') ?? [];
  const notes =
    warnings.length === 0
      ? ''
      : `<h2>${t.warnings}</h2><ul>${warnings.map((issue) => `<li>${cell(issue.message[lang])}</li>`).join('')}</ul>`;
  const documents = evaluation.period.documents
    .map((d) => {
      const number = ownValue<string>(d, 'number');
      return `<li>${cell(d.title)}${number === undefined ? '' : ` ${cell(number)}`}</li>`;
    })
    .join('');
  const page = `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${cell(t.title(evaluation))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><h1>${cell(t.title(evaluation))}</h1><p>${cell(t.meta(evaluation))}</p>
${evaluation.provisional ? `<p class="provisional">${cell(t.provisional(evaluation))}</p>` : ''}
${regionTables(evaluation, lang)}
${notes}
<h2>${t.sources}</h2>${sourcesTable(evaluation, lang)}
${documents === '' ? '' : `<h2>${t.documents}</h2><ul>${documents}</ul>`}
</body></html>
`;
  return maskIdNumbersInText(page);
}
