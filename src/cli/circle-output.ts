import type { ResidentialPoint, ServiceCircles, ServicePoint, UnitCircleVerdict } from 'shequ/geo';
import type { CellValue } from '../io/write.js';
import { createCsvCells } from '../report/csv.js';
import { writeJsonArray } from '../report/json.js';
import { createJsonSerializer } from '../report/json-text.js';
import { writeJsonLines } from '../report/ndjson.js';
import type { ChunkSink } from '../report/sink.js';
import { escapeHtml } from './html.js';
import type { Output } from './output.js';
import type { Lang } from './render.js';

/** What `shequ circle` writes: a row per unit (verdict) or per residential point. */
export type CircleLevel = 'unit' | 'estate';

/** The output formats of `shequ circle`. */
export type CircleFormat = 'table' | 'json' | 'ndjson' | 'csv' | 'md' | 'html';

/** Everything the writers need. */
export interface CircleResults {
  readonly circles: ServiceCircles;
  readonly estates: readonly ResidentialPoint[];
  readonly services: readonly ServicePoint[];
  readonly verdicts: readonly UnitCircleVerdict[];
  /** Per unit, the statistics fields the verdict fills (`inQuarterHourCircle`, `basicCommerce`). */
  readonly patches: ReadonlyMap<string, Readonly<Record<string, boolean | string | undefined>>>;
  readonly fields: readonly string[];
  /** Names of the units the shipped division lists know. */
  readonly unitNames: ReadonlyMap<string, string>;
}

/** One output row: the object written as JSON, and its cells for the tabular formats. */
interface Row {
  readonly object: Record<string, unknown>;
  readonly cells: readonly CellValue[];
}

const YES = { zh: '是', en: 'yes' };
const NO = { zh: '否', en: 'no' };
const VERDICT = {
  covered: { zh: '覆盖', en: 'covered' },
  partly: { zh: '部分覆盖', en: 'partly' },
  not: { zh: '未覆盖', en: 'not covered' },
};

const FIELD_HEADER: Record<string, { zh: string; en: string }> = {
  inQuarterHourCircle: { zh: '纳入一刻钟社区服务圈', en: 'inQuarterHourCircle' },
  basicCommerce: { zh: '基本便民商业网点全覆盖', en: 'basicCommerce' },
};

/** The header of the unit rows. */
function unitHeader(results: CircleResults, lang: Lang): string[] {
  const zh = ['代码', '名称', '判定', '户数', '覆盖户数', '覆盖比例', '居住点', '覆盖居住点', '无户数居住点'];
  const en = [
    'unit',
    'name',
    'verdict',
    'households',
    'coveredHouseholds',
    'coveredShare',
    'points',
    'coveredPoints',
    'unweightedPoints',
  ];
  return [
    ...(lang === 'zh' ? zh : en),
    ...results.fields.map((field) => FIELD_HEADER[field]?.[lang] ?? field),
  ];
}

/** The unit rows: one per unit code, in order of first appearance. */
function* unitRows(results: CircleResults, lang: Lang, text: boolean): Generator<Row> {
  for (const v of results.verdicts) {
    const name = results.unitNames.get(v.unit);
    const patch = results.patches.get(v.unit) ?? {};
    const { unit, ...rest } = v;
    const object: Record<string, unknown> = { unit, ...(name === undefined ? {} : { name }), ...rest };
    for (const field of results.fields) object[field] = patch[field];
    const flags = results.fields.map((field) => (patch[field] === true ? YES : NO)[lang]);
    const cells: CellValue[] = [
      v.unit,
      name ?? '',
      text ? VERDICT[v.verdict][lang] : v.verdict,
      v.households,
      v.coveredHouseholds,
      text ? `${(v.coveredShare * 100).toFixed(1)} %` : round(v.coveredShare, 6),
      v.points,
      v.coveredPoints,
      v.unweightedPoints,
      ...(text ? flags : results.fields.map((field) => patch[field] as boolean | undefined)),
    ];
    yield { object, cells };
  }
}

const round = (value: number, digits: number) => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

/**
 * The header of the residential-point rows: one distance column per kind. Tables and Markdown leave out the index
 * and put a word between any two numbers (distances end in "m"): the output's ID filter reads digits with spaces
 * between them as one run, and columns of bare numbers could pass for an ID number.
 */
function estateHeader(results: CircleResults, lang: Lang, text: boolean): string[] {
  const fixed = text
    ? lang === 'zh'
      ? ['名称', '代码', '覆盖', '户数', '缺少']
      : ['name', 'unit', 'covered', 'households', 'missing']
    : lang === 'zh'
      ? ['序号', '名称', '代码', '户数', '覆盖', '缺少']
      : ['index', 'name', 'unit', 'households', 'covered', 'missing'];
  const suffix = text ? '' : lang === 'zh' ? '（米）' : ' (m)';
  return [...fixed, ...results.circles.kinds.map((kind) => `${kind}${suffix}`)];
}

/** The residential-point rows, in input order: nearest service of each kind with its name and distance. */
function* estateRows(results: CircleResults, lang: Lang, text: boolean): Generator<Row> {
  const { circles, estates, services } = results;
  const width = circles.kinds.length;
  for (let i = 0; i < circles.count; i++) {
    const point = estates[i] as ResidentialPoint;
    const nearest: [string, { metres: number; name?: string }][] = [];
    const missing: string[] = [];
    const distances: CellValue[] = [];
    circles.kinds.forEach((kind, k) => {
      const at = circles.nearestService[i * width + k] as number;
      const metres = circles.nearestDistance[i * width + k] as number;
      if (k < circles.requiredKinds.length && !(metres <= circles.reachMetres)) missing.push(kind);
      distances.push(at < 0 ? undefined : text ? `${Math.round(metres)} m` : Math.round(metres));
      if (at < 0) return;
      const name = services[at]?.name;
      nearest.push([kind, { metres: round(metres, 1), ...(name === undefined ? {} : { name }) }]);
    });
    const covered = circles.covered[i] === 1;
    const object: Record<string, unknown> = {
      index: i,
      name: point.name,
      unit: point.unit,
      households: point.households,
      covered,
      missing,
      // Defined, not assigned: a kind named `__proto__` is a key like any other, not the object's prototype.
      nearest: Object.fromEntries(nearest),
    };
    const cells: CellValue[] = text
      ? [
          point.name,
          point.unit,
          (covered ? YES : NO)[lang],
          point.households,
          missing.join('、'),
          ...distances,
        ]
      : [i, point.name, point.unit, point.households, covered, missing.join(';'), ...distances];
    yield { object, cells };
  }
}

function rowsOf(results: CircleResults, level: CircleLevel, lang: Lang, text: boolean) {
  return level === 'unit'
    ? { header: unitHeader(results, lang), rows: unitRows(results, lang, text) }
    : { header: estateHeader(results, lang, text), rows: estateRows(results, lang, text) };
}

function* objects(rows: Iterable<Row>): Generator<Record<string, unknown>> {
  for (const row of rows) yield row.object;
}

async function writeCsv(header: readonly string[], rows: Iterable<Row>, sink: ChunkSink): Promise<void> {
  const cell = createCsvCells();
  let wait = sink.write(`\ufeff${header.map(cell).join(',')}\r\n`);
  if (wait !== undefined) await wait;
  for (const row of rows) {
    wait = sink.write(`${row.cells.map(cell).join(',')}\r\n`);
    if (wait !== undefined) await wait;
  }
}

/** The rows as an HTML table (cells escaped). */
function htmlTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = (row: readonly string[], tag: 'th' | 'td') =>
    `<tr>${row.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`;
  const body = rows.map((row) => cells(row, 'td')).join('\n');
  return `<table id="circles"><thead>${cells(header, 'th')}</thead><tbody>\n${body}\n</tbody></table>`;
}

/** Writes the rows in a format: the streaming formats through the output's sink, tables and Markdown as text. */
export async function writeCircleResults(
  results: CircleResults,
  level: CircleLevel,
  format: CircleFormat,
  lang: Lang,
  output: Output,
): Promise<void> {
  const text = format === 'table' || format === 'md' || format === 'html';
  const { header, rows } = rowsOf(results, level, lang, text);
  if (!text) {
    const sink = output.sink();
    if (format === 'csv') await writeCsv(header, rows, sink);
    else if (format === 'json') await writeJsonArray(objects(rows), sink, createJsonSerializer());
    else await writeJsonLines(objects(rows), sink, createJsonSerializer());
    await sink.end();
    return;
  }
  const cellText = (value: CellValue) => (value === undefined || value === null ? '' : String(value));
  const table = [...rows].map((row) => row.cells.map(cellText));
  if (format === 'html') {
    const { circleHtml } = await import('./circle-html.js');
    await output.write(circleHtml(results, htmlTable(header, table), lang));
    return;
  }
  if (format === 'md') {
    const { mdCell } = await import('./render.js');
    const lines = [`| ${header.map(mdCell).join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
    for (const row of table) lines.push(`| ${row.map(mdCell).join(' | ')} |`);
    await output.write(`${lines.join('\n')}\n`);
    return;
  }
  const { formatTable } = await import('./table.js');
  const numeric = level === 'unit' ? [3, 4, 5, 6, 7, 8] : [3, ...header.slice(5).map((_, k) => 5 + k)];
  await output.write(formatTable(header, table, new Set(numeric)));
}
