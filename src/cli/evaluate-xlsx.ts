import type { PlanEvaluation } from 'shequ';
import { type CellValue, type Table, xlsxCellText } from 'shequ/io';
import { dataCells, dataHeader, viewColumns } from 'shequ/report';
import { evaluationModel } from '../report/models/evaluation.js';
import type { Lang } from './render.js';

/** Column widths (in characters) of the 主要指标 sheet: 地区, 序号, 指标, 单位, 基线, 目标, 属性, 实际, 完成情况. */
const PLAN_WIDTHS = [24, 6, 40, 10, 10, 12, 8, 12, 10];
const DETAIL_WIDTH = 14;
const DETAIL_WIDE: Readonly<Record<number, number>> = { 1: 20, 5: 36, 18: 48, 19: 48, 21: 48 };

/** A cell: a number stays a number; text is masked and neutralised against formula injection; empty is null. */
function cell(value: CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  return xlsxCellText(value);
}

function sheet(name: string, table: Table, widths: readonly number[]) {
  return {
    sheet: name,
    data: [
      table.header.map((value) => ({ value: xlsxCellText(value), fontWeight: 'bold' as const })),
      ...[...table.rows].map((row) => row.map(cell)),
    ],
    columns: widths.map((width) => ({ width })),
    stickyRowsCount: 1,
  };
}

/**
 * The evaluation as an .xlsx workbook laid out like a plan's 主要指标 table: a first sheet with one line per region
 * and indicator (地区, 序号, 指标, 单位, baseline year, target, 属性, actual, 完成情况; the years from the period),
 * a frozen header, column widths, numbers as numbers; a second sheet with the arithmetic and the sources.
 */
export async function evaluationXlsx(evaluation: PlanEvaluation, lang: Lang): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const model = evaluationModel(evaluation.period, lang);
  // The plan sheet: the region, then the people view's columns (the plan's layout) with their data cells.
  const planColumns = [
    ...model.columns.filter((column) => column.key === 'place'),
    ...viewColumns(model, 'people'),
  ];
  const plan: Table = {
    header: planColumns.map((column) => column.header[lang]),
    rows: evaluation.rows.map((row) => dataCells(planColumns, row, lang)),
  };
  const detailColumns = viewColumns(model, 'data');
  const detail: Table = {
    header: dataHeader(detailColumns),
    rows: evaluation.rows.map((row) => dataCells(detailColumns, row, lang)),
  };
  const detailWidths = detail.header.map((_, i) => DETAIL_WIDE[i] ?? DETAIL_WIDTH);
  const workbook = [
    sheet(lang === 'zh' ? '主要指标' : 'Main indicators', plan, PLAN_WIDTHS),
    sheet(lang === 'zh' ? '计算与来源' : 'Arithmetic and sources', detail, detailWidths),
  ];
  const blob = await writeXlsxFile(workbook as never).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
