import { maskIdNumbersInText, type PlanEvaluation } from 'shequ';
import { toCsv } from 'shequ/io';
import {
  evaluationCells,
  evaluationDetailTable,
  evaluationHeader,
  rowsByRegion,
} from '../report/evaluation-table.js';
import { type Lang, maskStrings, mdCell } from './render.js';
import { formatTable } from './table.js';

const T = {
  zh: {
    title: (e: PlanEvaluation) => `${e.period.name.zh}规划主要指标完成情况（${e.profile}，截至 ${e.asOf}）`,
    provisional: (e: PlanEvaluation) => `初步评估：规划期至 ${e.period.end} 结束`,
  },
  en: {
    title: (e: PlanEvaluation) => `${e.period.name.en}: main indicators (${e.profile}, as of ${e.asOf})`,
    provisional: (e: PlanEvaluation) => `Provisional: the period ends on ${e.period.end}`,
  },
};

const text = (value: unknown) => (value === null || value === undefined ? '—' : String(value));

/** The heading lines of a text rendering: the title, and the provisional notice when there is one. */
function heading(evaluation: PlanEvaluation, lang: Lang): string[] {
  const lines = [T[lang].title(evaluation)];
  if (evaluation.provisional) lines.push(T[lang].provisional(evaluation));
  return lines;
}

/** The evaluation as aligned terminal tables, one per region as the plans print them. */
export function evaluationText(evaluation: PlanEvaluation, lang: Lang): string {
  const header = evaluationHeader(evaluation, lang);
  const blocks = [`${heading(evaluation, lang).join('\n')}\n`];
  for (const { label, rows } of rowsByRegion(evaluation)) {
    const cells = rows.map((row) => evaluationCells(row, evaluation, lang).map(text));
    blocks.push(`${label}\n${formatTable(header, cells, new Set([0, 3, 6]))}`);
  }
  return maskIdNumbersInText(blocks.join('\n'));
}

/** The evaluation as Markdown: a heading and a table per region. */
export function evaluationMarkdown(evaluation: PlanEvaluation, lang: Lang): string {
  const header = evaluationHeader(evaluation, lang);
  const parts = heading(evaluation, lang).map((line, i) =>
    i === 0 ? `# ${mdCell(line)}` : `> ${mdCell(line)}`,
  );
  for (const { label, rows } of rowsByRegion(evaluation)) {
    const lines = [
      `## ${mdCell(label)}`,
      '',
      `| ${header.join(' | ')} |`,
      `|${header.map(() => '---').join('|')}|`,
    ];
    for (const row of rows)
      lines.push(
        `| ${evaluationCells(row, evaluation, lang)
          .map((cell) => mdCell(text(cell)))
          .join(' | ')} |`,
      );
    parts.push(lines.join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

/** The evaluation as CSV (UTF-8 with a BOM, for Excel): every column, the arithmetic and the sources included. */
export function evaluationCsv(evaluation: PlanEvaluation, lang: Lang): string {
  const { header, rows } = evaluationDetailTable(evaluation, lang);
  return `\uFEFF${toCsv(header, rows)}`;
}

/** The evaluation as JSON: the result of `evaluatePlanPeriod` as it is, every string masked before it is escaped. */
export function evaluationJson(evaluation: PlanEvaluation): string {
  return `${JSON.stringify(evaluation, maskStrings, 1)}\n`;
}
