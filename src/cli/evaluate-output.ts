import { maskIdNumbersInText, type PlanEvaluation } from 'shequ';
import { createJsonSerializer, renderRows, writeRows } from 'shequ/report';
import { evaluationModel, evaluationRowsByRegion } from '../report/models/evaluation.js';
import type { Output } from './output.js';
import { type Lang, mdCell } from './render.js';

// The text outputs of `shequ evaluate`: the rows go through the report layer's formats with the evaluation's column
// model; this file adds only what a table of rows lacks — the title, the provisional notice, a table per region.

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

/** The heading lines of a text rendering: the title, and the provisional notice when there is one. */
function heading(evaluation: PlanEvaluation, lang: Lang): string[] {
  const lines = [T[lang].title(evaluation)];
  if (evaluation.provisional) lines.push(T[lang].provisional(evaluation));
  return lines;
}

/** The evaluation as aligned terminal tables, one per region as the plans print them. */
export function evaluationText(evaluation: PlanEvaluation, lang: Lang): string {
  const model = evaluationModel(evaluation.period, lang);
  const blocks = [`${heading(evaluation, lang).join('\n')}\n`];
  for (const { label, rows } of evaluationRowsByRegion(evaluation))
    blocks.push(`${label}\n${renderRows('table', model, rows, { lang })}`);
  return maskIdNumbersInText(blocks.join('\n'));
}

/** The evaluation as Markdown: a heading and a table per region. */
export function evaluationMarkdown(evaluation: PlanEvaluation, lang: Lang): string {
  const model = evaluationModel(evaluation.period, lang);
  const parts = heading(evaluation, lang).map((line, i) =>
    i === 0 ? `# ${mdCell(line)}\n` : `> ${mdCell(line)}\n`,
  );
  for (const { label, rows } of evaluationRowsByRegion(evaluation))
    parts.push(`## ${mdCell(label)}\n\n${renderRows('md', model, rows, { lang })}`);
  return parts.join('\n');
}

/** The evaluation as CSV (UTF-8 with a BOM, for Excel): every column, the arithmetic and the sources included. */
export async function writeEvaluationCsv(evaluation: PlanEvaluation, lang: Lang, output: Output) {
  const sink = output.sink();
  await writeRows('csv', evaluationModel(evaluation.period, lang), evaluation.rows, sink, { lang });
  await sink.end();
}

/**
 * The evaluation as JSON: the result of `evaluatePlanPeriod` with its keys in its order — its rows through the json
 * format (streamed, one per line, each as `JSON.stringify` writes it) — every string masked before it is escaped.
 */
export async function writeEvaluationJson(evaluation: PlanEvaluation, output: Output) {
  const { rows, skipped, warnings, ...before } = evaluation;
  const serialize = createJsonSerializer();
  const after = serialize({ skipped, warnings });
  const sink = output.sink();
  await writePiece(sink, `${serialize(before).slice(0, -1)},"rows":`);
  await writeRows('json', evaluationModel(evaluation.period), rows, sink);
  await writePiece(sink, `,${after.slice(1)}\n`);
  await sink.end();
}

async function writePiece(sink: ReturnType<Output['sink']>, text: string) {
  const wait = sink.write(text);
  if (wait !== undefined) await wait;
}
