/**
 * Every output of the report layer and the CLI's own renderers is the same when `Object.prototype` has been given
 * keys (prototype pollution by a dependency's bug in the user's process, e.g. a JSON merge): a row's key it lacks is
 * not the row's. Every format × every report kind is written from representative inputs (rows lacking every optional
 * key, and rows with them), then `Object.prototype` is given every key a model, writer or row could read — the column
 * keys of every model, every key of an indicator row, finding, evaluation row, rejected row, target and baseline, the
 * field catalogue's keys, the options' keys and generic names — set to a marker, and everything is written again: the bytes must
 * be identical and hold no marker. `Object.prototype` is restored in `finally`.
 */
import { describe, expect, it } from 'vitest';
import { evaluationHtml } from '../../src/cli/evaluate-html.js';
import { evaluationMarkdown, evaluationText } from '../../src/cli/evaluate-output.js';
import { evaluationXlsx } from '../../src/cli/evaluate-xlsx.js';
import { findingMarkdown, findingTable, indicatorMarkdown, indicatorTable } from '../../src/cli/render.js';
import {
  computeIndicators,
  describeIndicatorProfiles,
  describeRules,
  evaluatePlanPeriod,
  type Finding,
  type IndicatorRow,
  validate,
} from '../../src/index.js';
import { INDICATOR_ROW_KEYS } from '../../src/indicators/row-builder.js';
import { readUnitStatistics, rejectedRowsToCsv } from '../../src/io/index.js';
import { STATISTICS_FIELD_KEYS } from '../../src/model/fields.js';
import {
  createByteSink,
  createChunkSink,
  createFindingCsvLine,
  createFindingDigest,
  EVALUATION_MODEL,
  evaluationModel,
  FINDING_MODEL,
  findingCells,
  findingsTable,
  findingsToCsv,
  findingTextFormat,
  INDICATOR_ROW_MODEL,
  INDICATOR_ROW_MODEL_WITH_YEAR,
  INDICATOR_ROW_WRITERS,
  indicatorRowsTable,
  indicatorRowsToCsv,
  OUTPUT_FORMATS,
  type OutputFormatId,
  rejectedRowModel,
  renderRows,
  reportPage,
  summarizeIndicators,
  VALIDATION_WRITERS,
  writeRows,
} from '../../src/report/index.js';
import { findingsToXlsx, indicatorRowsToXlsx } from '../../src/report/xlsx.js';
import { REPORT_UNITS } from '../fixtures/report-units.js';
import { readBackWorkbook } from './xlsx-read-back.js';

const MARKER = 'POLLUTED-7d1f';

const units = REPORT_UNITS;

/** Inputs built before any pollution: what the writers are given. */
function inputs() {
  const rows = [
    ...computeIndicators(units, { profile: 'hebei', asOf: '2025-12-31', groupBy: ['county', 'unit'] }),
    ...computeIndicators(units, { profile: 'national', asOf: '2025-12-31', groupBy: ['province'] }),
  ];
  // Rows over years, and a bare row lacking every optional key (no year, name, property, target, baseline …).
  const yearRows: IndicatorRow[] = [2024, 2025].flatMap((year) =>
    rows.slice(0, 4).map((row) => ({ ...row, year })),
  );
  const bare: IndicatorRow = {
    region: '130123000000',
    level: 'county',
    indicator: 'facilityAreaPer100Households',
    numerator: 0,
    denominator: 0,
    missing: 1,
    value: null,
    unit: 'm2',
    status: 'no-data',
    expected: null,
    gap: null,
    asOf: '2025-12-31',
  };
  const report = validate(units, { profile: 'hebei', asOf: '2025-12-31' });
  const evaluated = evaluatePlanPeriod(units, {
    profile: 'hebei',
    period: '14th',
    asOf: '2026-01-01',
    groupBy: ['province', 'county'],
  });
  if (!evaluated.success) throw new Error('expected an evaluation');
  const read = readUnitStatistics(
    '统计用区划代码,类型,户数\n130123100201,村委会,很多\n130123100202,居委会,1,,extra\n1301,,\n',
  );
  return { rows: [...rows, bare], yearRows, report, evaluation: evaluated.data, read };
}

type Inputs = ReturnType<typeof inputs>;
type Content = string | Uint8Array;
type Output = readonly [name: string, content: Content];
/** An output to make: its name and how (a throw is recorded as its content: a crash is a change too). */
type Make = readonly [name: string, make: () => Content | Promise<Content>];

const FORMATS = Object.keys(OUTPUT_FORMATS) as OutputFormatId[];

async function sinkText(write: (sink: ReturnType<typeof createChunkSink>) => Promise<void>, bytes: boolean) {
  const parts: string[] = [];
  const decoder = new TextDecoder();
  const sink = bytes
    ? createByteSink({ write: (chunk) => void parts.push(decoder.decode(chunk)) })
    : createChunkSink({ write: (chunk) => void parts.push(chunk) });
  await write(sink);
  await sink.end();
  return parts.join('');
}

/** Every output of every kind in every format. */
function outputs(input: Inputs): Make[] {
  const { rows, yearRows, report, evaluation, read } = input;
  const findings: readonly Finding[] = report.findings;
  const out: Make[] = [];
  const models = [
    ['indicators', INDICATOR_ROW_MODEL, rows],
    ['indicators-years', INDICATOR_ROW_MODEL_WITH_YEAR, [...yearRows, ...rows]],
    ['findings', FINDING_MODEL, findings],
    ['evaluation', EVALUATION_MODEL, evaluation.rows],
    ['evaluation-en', evaluationModel(evaluation.period, 'en'), evaluation.rows],
    ['rejected', rejectedRowModel(read.rejected, read.header), read.rejected],
  ] as const;
  for (const [kind, model, list] of models)
    for (const format of FORMATS)
      for (const lang of ['zh', 'en'] as const) {
        out.push([
          `${kind}.${format}.${lang}`,
          () => renderRows(format, model as never, list as never, { lang }),
        ]);
        for (const bytes of [false, true])
          out.push([
            `${kind}.${format}.${lang}.sink${bytes}`,
            () => sinkText((sink) => writeRows(format, model as never, list as never, sink, { lang }), bytes),
          ]);
      }
  for (const [format, write] of Object.entries(INDICATOR_ROW_WRITERS))
    for (const bytes of [false, true]) {
      out.push([`writer.${format}.${bytes}`, () => sinkText((sink) => write(rows, sink), bytes)]);
      out.push([`writer.${format}.years.${bytes}`, () => sinkText((sink) => write(yearRows, sink), bytes)]);
    }
  for (const [format, write] of Object.entries(VALIDATION_WRITERS))
    for (const lang of ['zh', 'en'] as const)
      for (const bytes of [false, true])
        out.push([
          `validation.${format}.${lang}.${bytes}`,
          () => sinkText((sink) => write(report, sink, lang), bytes),
        ]);
  for (const format of ['json', 'ndjson', 'csv'] as const)
    for (const lang of ['zh', 'en'] as const) {
      out.push([
        `findingText.${format}.${lang}`,
        () => {
          const pieces = findingTextFormat(format, lang);
          const body = findings.map((f) => pieces.text(f)).join(pieces.separator);
          return pieces.open(report, true) + body + pieces.close(report, true);
        },
      ]);
    }
  out.push(['indicatorRowsToCsv', () => indicatorRowsToCsv(rows)]);
  out.push([
    'indicatorRowsTable',
    () => JSON.stringify([...indicatorRowsTable(yearRows, { year: true }).rows]),
  ]);
  out.push(['findingsToCsv', () => findingsToCsv(findings, { lang: 'en' })]);
  out.push(['findingsTable', () => JSON.stringify([...findingsTable(findings).rows])]);
  out.push(['findingCells', () => JSON.stringify(findings.map((f) => findingCells(f, 'zh')))]);
  out.push(['findingCsvLine', () => findings.map(createFindingCsvLine('zh')).join('')]);
  out.push(['rejectedRowsToCsv', () => rejectedRowsToCsv(read.rejected, read.header, { lang: 'en' })]);
  out.push(['summary', () => JSON.stringify(summarizeIndicators(rows))]);
  const digest = () => {
    const digester = createFindingDigest();
    for (const finding of findings) digester.add(finding);
    return digester.digest();
  };
  for (const lang of ['zh', 'en'] as const)
    for (const [name, pageRows] of [
      ['page', rows],
      ['page-years', [...yearRows, ...rows]],
    ] as const)
      out.push([
        `${name}.${lang}`,
        () =>
          reportPage(
            {
              rows: pageRows,
              findings: digest(),
              validation: report.summary,
              asOf: '2025-12-31',
              profile: 'hebei',
              units: units.length,
              evaluation,
            },
            { lang },
          ),
      ]);
  for (const lang of ['zh', 'en'] as const) {
    out.push([`xlsx.indicators.${lang}`, () => indicatorRowsToXlsx(rows, { lang })]);
    out.push([`xlsx.indicators.years.${lang}`, () => indicatorRowsToXlsx(yearRows, { lang })]);
    out.push([`xlsx.findings.${lang}`, () => findingsToXlsx(findings, { lang, summary: report.summary })]);
    out.push([`cli.evaluation.xlsx.${lang}`, () => evaluationXlsx(evaluation, lang)]);
    out.push([`cli.evaluation.html.${lang}`, () => evaluationHtml(evaluation, lang)]);
    out.push([`cli.evaluation.md.${lang}`, () => evaluationMarkdown(evaluation, lang)]);
    out.push([`cli.evaluation.text.${lang}`, () => evaluationText(evaluation, lang)]);
    out.push([`cli.indicators.table.${lang}`, () => indicatorTable(rows, lang)]);
    out.push([`cli.indicators.md.${lang}`, () => indicatorMarkdown(rows, lang)]);
    out.push([`cli.findings.table.${lang}`, () => findingTable(findings, lang)]);
    out.push([`cli.findings.md.${lang}`, () => findingMarkdown(findings, lang)]);
  }
  out.push(['describeIndicatorProfiles', () => describeIndicatorProfiles()]);
  out.push(['describeRules', () => describeRules()]);
  return out;
}

/** The keys of an object and of the objects in it (targets, baselines, sources, messages, issues …), deep. */
function keysOf(value: unknown, into: Set<string>, seen = new Set<unknown>()): Set<string> {
  if (typeof value !== 'object' || value === null || seen.has(value)) return into;
  seen.add(value);
  for (const key of Object.keys(value)) {
    if (!Array.isArray(value)) into.add(key);
    keysOf((value as Record<string, unknown>)[key], into, seen);
  }
  return into;
}

/** Every key a model, writer or row could read where a row lacks it. */
function pollutedKeys(input: Inputs): string[] {
  const keys = new Set<string>([
    ...INDICATOR_ROW_KEYS,
    ...STATISTICS_FIELD_KEYS,
    // Optional keys of targets, baselines, facts, definitions, rules, plan documents and issues.
    ...['comparator', 'quote', 'note', 'approximate', 'scope', 'confidence', 'source', 'column', 'value'],
    ...[
      'from',
      'to',
      'kinds',
      'level',
      'facts',
      'number',
      'warnings',
      'property',
      'rounding',
      'places',
      'mode',
    ],
    // Optional parts of a column and a model.
    ...['text', 'numeric', 'cellClass', 'dataHeader', 'rowHeader', 'rowData', 'wholeRowJson', 'constantKeys'],
    // Options of the formats, the HTML table and page, the digest, the render context, sinks.
    ...[
      'lang',
      'context',
      'regionName',
      'id',
      'caption',
      'limit',
      'tableLimit',
      'chartRegions',
      'units',
      'list',
    ],
    ...[
      'compare',
      'evaluation',
      'validation',
      'period',
      'findingsFile',
      'indicatorsFile',
      'summary',
      'encoding',
    ],
    // Generic names (array indices are left out: see below).
    ...['name', 'title', 'label', 'type', 'kind', 'code', 'key', 'format', 'zh', 'en', 'toJSON', 'then'],
  ]);
  const models = [
    INDICATOR_ROW_MODEL,
    INDICATOR_ROW_MODEL_WITH_YEAR,
    FINDING_MODEL,
    EVALUATION_MODEL,
    rejectedRowModel(input.read.rejected, input.read.header),
  ];
  for (const model of models) for (const column of model.columns) keys.add(column.key);
  keysOf(input, keys);
  return [...keys];
}

/**
 * Runs `body` with `Object.prototype` given every key (the marker as each value), restored whatever happens:
 * enumerable as a JSON merge's assignment makes them, or not (seen by reads, not by `for…in`).
 */
async function polluted<T>(keys: readonly string[], enumerable: boolean, body: () => Promise<T>): Promise<T> {
  const added = keys.filter((key) => !(key in Object.prototype));
  try {
    for (const key of added)
      Object.defineProperty(Object.prototype, key, {
        value: MARKER,
        enumerable,
        writable: true,
        configurable: true,
      });
    return await body();
  } finally {
    for (const key of added) delete (Object.prototype as Record<string, unknown>)[key];
  }
}

/** An output as text; a workbook as its sheets read back (its zip holds the time it was written). */
/** An output as text; a workbook as its sheets read back (its zip holds the time it was written). */
const text = (content: Content) =>
  typeof content === 'string' ? content : JSON.stringify(readBackWorkbook(content));

/** Makes every output, a throw recorded as its content. */
async function make(list: readonly Make[]): Promise<Output[]> {
  const made: Output[] = [];
  for (const [name, how] of list) {
    try {
      made.push([name, await how()]);
    } catch (error) {
      made.push([name, `threw: ${String(error)}`]);
    }
  }
  return made;
}

/** Makes the outputs clean, then polluted, and returns the names of those that changed or hold the marker. */
async function compare(list: readonly Make[], keys: readonly string[], enumerable: boolean) {
  const clean = await make(list);
  expect(clean.filter(([, content]) => text(content).startsWith('threw')).map(([name]) => name)).toEqual([]);
  const before = Object.getOwnPropertyNames(Object.prototype);
  const dirty = await polluted(keys, enumerable, () => make(list));
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(before);
  expect(dirty.map(([name]) => name)).toEqual(clean.map(([name]) => name));
  return {
    changed: dirty
      .filter(([, content], i) => text(content) !== text((clean[i] as Output)[1]))
      .map(([name]) => name),
    marked: dirty.filter(([, content]) => text(content).includes(MARKER)).map(([name]) => name),
  };
}

describe('outputs under a polluted Object.prototype', () => {
  // Array indices are left out: a key `0` on Object.prototype is every array's missing element in any code (decimal.js
  // loops forever on its digits then).
  it('are byte for byte the same and hold no polluted value (keys as a JSON merge sets them: enumerable)', async () => {
    const input = inputs();
    const keys = pollutedKeys(input);
    expect(keys.length).toBeGreaterThan(100);
    // The .xlsx workbooks are left out: write-excel-file reads its style options through Object.prototype and its zip
    // (fflate) walks its files with `for…in`, recursing into any enumerable key of Object.prototype until the stack
    // overflows — a dependency's defects, out of reach here (shequ's own .xlsx columns read rows as the models do).
    const list = outputs(input).filter(([name]) => !name.includes('xlsx'));
    expect(await compare(list, keys, true)).toEqual({ changed: [], marked: [] });
  }, 120_000);
});
