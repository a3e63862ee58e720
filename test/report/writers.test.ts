/**
 * The report writers (src/report) against the path they replace: JSON.stringify with the masking replacer, csvLine
 * over indicatorRowsTable / findingsTable, and the CLI's whole-text ID filter over the result. Equal byte for byte on
 * generated rows with hostile names (quotes, backslashes, control characters, lone surrogates, CJK, ID numbers in
 * every written form, an ID number that only escaping joins), 16-digit ID-shaped sums, absent optional fields, a
 * shared target mutated between rows — so consumers of the old output see no change, and nothing the writers skip
 * of the filter could have been caught by it.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/core/mask.js';
import type { IndicatorRow } from '../../src/indicators/rows.js';
import { csvLine } from '../../src/io/write.js';
import { writeFindingsCsv, writeIndicatorRowsCsv } from '../../src/report/csv.js';
import { writeIndicatorRowsJson, writeValidationJson } from '../../src/report/json.js';
import { createJsonSerializer } from '../../src/report/json-text.js';
import { writeIndicatorRowsNdjson, writeValidationNdjson } from '../../src/report/ndjson.js';
import { type ChunkSink, createChunkSink } from '../../src/report/sink.js';
import { findingsTable, indicatorRowsTable } from '../../src/report/tables.js';
import type { Finding } from '../../src/standards/validate.js';

const maskStrings = (_key: string, value: unknown) =>
  typeof value === 'string' ? maskIdNumbersInText(value) : value;
/** What the CLI wrote before: JSON.stringify with the replacer, then the output filter. */
const oldJson = (value: unknown) => maskIdNumbersInText(JSON.stringify(value, maskStrings));

/** Text pieces that break naive serialisers or hide ID numbers. */
const hostilePiece = fc.constantFrom(
  '"',
  '\\',
  '\n',
  '\t',
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u2028',
  '\ud800',
  '\udc00',
  '😀',
  '社区',
  '西上泽村',
  ',',
  '=',
  '-',
  ' ',
  '11010519491231002X',
  '110105\t19491231\t002X',
  '１１０１０５１９４９１２３１００２Ｘ',
  '10105194912310021', // joined into an ID-shaped run by the digits of a preceding \u0001 escape
  '110105491231002',
);
const hostileText = fc.oneof(
  fc
    .array(fc.oneof(hostilePiece, fc.string({ maxLength: 4 })), { maxLength: 6 })
    .map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const idShapedNumber = fc.constantFrom(1101054912310021, 110105491231002, 4.2e21, 1e-7, -0, 0.1 + 0.2);
const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), idShapedNumber);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const target = fc.record({
  comparator: fc.constantFrom('>=', '=', '<='),
  value: number,
  year: fc.integer({ min: 2020, max: 2035 }),
  confidence: fc.constantFrom('seed', 'national', 'local-consensus', 'unverified'),
  source: hostileText,
});

/** A row built as regionRows builds it: optional keys present only when set, in the same order. */
const row = (targets: readonly object[]) =>
  fc
    .record({
      region: fc.oneof(fc.constant('130123000000'), hostileText),
      level: fc.constantFrom('province', 'prefecture', 'county', 'township', 'unit'),
      name: optional(hostileText),
      indicator: fc.oneof(fc.constant('facilityAreaPer100Households'), hostileText),
      numerator: number,
      denominator: number,
      missing: fc.nat(),
      value: fc.option(number, { nil: null }),
      unit: fc.constantFrom('%', 'm²', 'persons', '人'),
      externalDenominator: optional(fc.constant(true)),
      target: fc.option(fc.nat({ max: Math.max(0, targets.length - 1) }), { nil: undefined }),
      status: fc.constantFrom('met', 'on-track', 'behind', 'not-met', 'no-target', 'no-data'),
      expected: fc.option(number, { nil: null }),
      gap: fc.option(number, { nil: null }),
      asOf: fc.constantFrom('2025-12-31', '2026-01-01'),
    })
    .map((r) => {
      const out: Record<string, unknown> = { region: r.region, level: r.level };
      if (r.name !== undefined) out.name = r.name;
      Object.assign(out, {
        indicator: r.indicator,
        numerator: r.numerator,
        denominator: r.denominator,
        missing: r.missing,
        value: r.value,
      });
      if (r.value === null) out.reason = 'zero-denominator';
      out.unit = r.unit;
      if (r.externalDenominator) out.externalDenominator = true;
      if (r.target !== undefined && targets.length > 0) out.target = targets[r.target];
      Object.assign(out, { status: r.status, expected: r.expected, gap: r.gap, asOf: r.asOf });
      // An optional field set to undefined (JSON.stringify leaves it out) in some rows.
      if (r.missing % 5 === 0) out.name = undefined;
      return out as unknown as IndicatorRow;
    });

const rowsWithSharedTargets = fc
  .array(target, { minLength: 1, maxLength: 4 })
  .chain((targets) => fc.tuple(fc.constant(targets), fc.array(row(targets), { maxLength: 30 })));

/** Collects what a writer puts into a small-chunk sink (so chunk boundaries fall everywhere). */
async function written(write: (sink: ChunkSink) => Promise<void>, chunkSize = 7): Promise<string> {
  const chunks: string[] = [];
  const sink = createChunkSink({ write: (chunk) => void chunks.push(chunk) }, chunkSize);
  await write(sink);
  await sink.end();
  return chunks.join('');
}

function oldJsonArray(items: readonly unknown[]): string {
  let out = '[';
  items.forEach((item, i) => {
    out += `${i === 0 ? '\n' : ',\n'}${JSON.stringify(item, maskStrings)}`;
  });
  return maskIdNumbersInText(`${out}${items.length === 0 ? ']\n' : '\n]\n'}`);
}

describe('the JSON serialiser', () => {
  test.prop([rowsWithSharedTargets], { numRuns: 300 })(
    'equals JSON.stringify + the filter on every row, and is a fixpoint of the filter',
    ([, rows]) => {
      const serialize = createJsonSerializer({ constantKeys: ['target'] });
      for (const r of rows) {
        const text = serialize(r);
        expect(text).toBe(oldJson(r));
        expect(maskIdNumbersInText(text)).toBe(text);
      }
    },
  );

  test.prop([fc.jsonValue(), fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true })])(
    'equals JSON.stringify + the filter on any JSON value and on exotic objects',
    (json, anything) => {
      const serialize = createJsonSerializer({ constantKeys: ['a', ''] });
      for (const value of [{ a: json }, { value: anything }, json]) {
        if (JSON.stringify(value) === undefined) continue;
        expect(serialize(value)).toBe(oldJson(value));
      }
    },
  );

  it('re-serialises a constant object that was mutated between rows', () => {
    const shared = { comparator: '>=', value: 30, year: 2025, confidence: 'seed', source: 'a' };
    const serialize = createJsonSerializer({ constantKeys: ['target'] });
    expect(serialize({ target: shared })).toBe(
      '{"target":{"comparator":">=","value":30,"year":2025,"confidence":"seed","source":"a"}}',
    );
    shared.value = 40;
    (shared as Record<string, unknown>).extra = '身份证11010519491231002X';
    expect(serialize({ target: shared })).toBe(
      '{"target":{"comparator":">=","value":40,"year":2025,"confidence":"seed","source":"a","extra":"身份证110105********002X"}}',
    );
  });

  it('masks by hand-worked examples: a name, a 16-digit sum, an ID joined by an escape', () => {
    const serialize = createJsonSerializer();
    expect(serialize({ name: '张三11010519491231002X' })).toBe('{"name":"张三110105********002X"}');
    expect(serialize({ numerator: 1101054912310021 })).toBe('{"numerator":110105******0021}');
    // "\u0001" + 17 digits: escaping writes 0001, which joins an 18-digit ID-shaped run in the text.
    expect(serialize({ name: '\u000110105194912310021' })).toBe('{"name":"\\u000110105********0021"}');
  });
});

describe('the writers', () => {
  test.prop([rowsWithSharedTargets], { numRuns: 150 })(
    'indicator rows: JSON, NDJSON and CSV equal the old output, in any chunking',
    async ([, rows]) => {
      expect(await written((sink) => writeIndicatorRowsJson(rows, sink))).toBe(oldJsonArray(rows));
      expect(await written((sink) => writeIndicatorRowsNdjson(rows, sink), 1 << 20)).toBe(
        rows.map((r) => `${oldJson(r)}\n`).join(''),
      );
      const table = indicatorRowsTable(rows);
      let csv = `\ufeff${csvLine(table.header)}`;
      for (const cells of table.rows) csv += csvLine(cells);
      expect(await written((sink) => writeIndicatorRowsCsv(rows, sink))).toBe(maskIdNumbersInText(csv));
    },
  );

  const finding = fc.record({
    rule: fc.constantFrom('plan.facilityCoverage', 'law.committeeSize'),
    severity: fc.constantFrom('error', 'warning', 'info'),
    unit: fc.oneof(fc.constant('130123100201'), hostileText),
    index: fc.option(fc.nat(), { nil: null }),
    path: fc.array(fc.oneof(hostileText, fc.nat()), { maxLength: 3 }),
    message: fc.record({ zh: hostileText, en: hostileText }),
    expected: fc.oneof(hostileText, number),
    actual: fc.oneof(hostileText, number, fc.constant(null)),
    source: fc.record({ document: hostileText, section: hostileText, quote: hostileText }),
  }) as unknown as fc.Arbitrary<Finding>;

  test.prop([fc.array(finding, { maxLength: 20 }), fc.constantFrom('zh', 'en' as const)], { numRuns: 150 })(
    'findings: the validation JSON and CSV equal the old output; NDJSON ends with the summary line',
    async (findings, lang) => {
      const summary = {
        units: 3,
        findings: findings.length,
        bySeverity: { error: 1, warning: 0, info: 0 },
        byRule: {},
      };
      const report = { asOf: '2025-12-31', profile: 'national', summary, findings };
      const head = `{"asOf":${JSON.stringify(report.asOf)},"profile":${JSON.stringify(report.profile)},"summary":${JSON.stringify(summary)},"findings":`;
      expect(await written((sink) => writeValidationJson(report, sink))).toBe(
        `${maskIdNumbersInText(head) + oldJsonArray(findings)}}\n`,
      );
      const lines = (await written((sink) => writeValidationNdjson(report, sink))).split('\n');
      expect(lines.pop()).toBe('');
      expect(JSON.parse(lines.pop() as string)).toEqual({ asOf: '2025-12-31', profile: 'national', summary });
      expect(lines).toEqual(findings.map(oldJson));
      const table = findingsTable(findings, { lang });
      let csv = `\ufeff${csvLine(table.header)}`;
      for (const cells of table.rows) csv += csvLine(cells);
      expect(await written((sink) => writeFindingsCsv(findings, sink, lang))).toBe(maskIdNumbersInText(csv));
    },
  );

  it('writes an empty array and an empty CSV as before', async () => {
    expect(await written((sink) => writeIndicatorRowsJson([], sink))).toBe('[]\n');
    expect(await written((sink) => writeIndicatorRowsNdjson([], sink))).toBe('');
    expect(await written((sink) => writeIndicatorRowsCsv([], sink))).toBe(
      '\ufeffregion,level,name,indicator,numerator,denominator,missing,value,unit,target,status,expected,gap,asOf,baseline\r\n',
    );
  });
});
