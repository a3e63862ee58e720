/**
 * The evaluation table (终期评估) the page offers once a plan period has ended by the as-of date: the sheet's rows are
 * read again (only when the download is asked for, so a run keeps no rows), evaluated by the library's
 * `evaluatePlanPeriod` for the province and its cities, and written as the command line writes it (.xlsx laid out
 * like a plan's 主要指标 table, or the report layer's CSV).
 */
import { evaluationXlsx } from '../../src/cli/evaluate-xlsx.js';
import { yearOfFileName } from '../../src/cli/year-of-file.js';
import type { DivisionDataset } from '../../src/codes/division-dataset.js';
import { evaluatePlanPeriod } from '../../src/indicators/evaluation.js';
import { planPeriodEndedBy } from '../../src/indicators/periods.js';
import type { UnitStatistics } from '../../src/model/unit-statistics.js';
import { readSource } from '../../src/pipeline/index.js';
import { renderRows } from '../../src/report/index.js';
import { evaluationModel } from '../../src/report/models/evaluation.js';
import type { Lang } from './protocol.js';

/** The latest plan period whose last day is on or before `asOf` (its evaluation is offered). */
export const periodEndedBy = planPeriodEndedBy;

/** What the evaluation of a kept run needs. */
export interface EvaluationInput {
  readonly file: Blob;
  readonly name: string;
  readonly base: string;
  readonly asOf: string;
  readonly profile: 'national' | 'hebei' | 'beijing';
  readonly divisions: DivisionDataset;
}

/**
 * The evaluation table of the period ended by the run's as-of date, as a file to download. Rows without a 年度 take
 * the year in the file's name (正定县2025.csv), else the period's target year — as `shequ evaluate` does.
 */
export async function evaluationDownload(
  kind: 'evaluation-xlsx' | 'evaluation-csv',
  lang: Lang,
  input: EvaluationInput,
): Promise<{ name: string; mime: string; bytes: Uint8Array }> {
  const period = periodEndedBy(input.asOf);
  if (period === undefined) throw new Error('No plan period has ended by the as-of date');
  const rows: UnitStatistics[] = [];
  await readSource(input.file, {}, (row) => {
    rows.push(row);
  });
  const year = yearOfFileName(input.name);
  const result = evaluatePlanPeriod(rows, {
    period: period.id,
    asOf: input.asOf,
    profile: input.profile,
    divisions: input.divisions,
    ...(year === undefined ? {} : { year }),
  });
  if (!result.success) throw new Error(result.error.issues.map((issue) => issue.message.en).join('; '));
  const name = `${input.base}-evaluation-${period.id}`;
  return kind === 'evaluation-xlsx'
    ? {
        name: `${name}.xlsx`,
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes: await evaluationXlsx(result.data, lang),
      }
    : {
        name: `${name}.csv`,
        mime: 'text/csv',
        // The report layer's CSV (with its BOM, for Excel), as `shequ evaluate --format csv` writes it.
        bytes: new TextEncoder().encode(
          renderRows('csv', evaluationModel(result.data.period, lang), result.data.rows, { lang }),
        ),
      };
}
