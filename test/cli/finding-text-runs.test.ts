/**
 * The CLI's sorter of findings' final text (finding-runs.ts over run-store.ts): whatever the run size, the report it
 * writes is byte for byte what the report writers write for the stable sort of the findings — texts framed by length
 * (CSV cells with line breaks, quotes), units ordered as JS orders strings (non-BMP characters, lone surrogates, whose
 * UTF-8 order differs), the source's ending kept once or, when a finding does not end with it, left in the body.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createFindingTextSorter } from '../../src/cli/finding-runs.js';
import { createValidator, type Finding, RULES } from '../../src/index.js';
import { ByteOutput } from '../../src/report/byte-output.js';
import {
  type ChunkSink,
  createByteSink,
  createChunkSink,
  findingTextFormat,
  VALIDATION_WRITERS,
} from '../../src/report/index.js';

const compare = createValidator({ profile: 'hebei', asOf: '2025-12-31' }).compare;
const RULE_IDS = [
  'facility.exists',
  'workers.disasterOfficer',
  'code.division',
  'workers.per10k',
  'not.a.rule',
];
const SOURCES = [
  RULES.facilityExists.source,
  RULES.disasterOfficer.source,
  { document: '文件, "引号"\n换行', section: '😀', quote: '=1' },
];

const piece = fc.constantFrom(
  '\ufeff',
  '"',
  ',',
  '\n',
  '\r\n',
  '\\',
  '😀',
  '\ud800',
  '\uffff',
  '社区',
  '=',
  '11010519491231002X',
);
const text = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 4 })
  .map((parts) => parts.join(''));

/** Few units, rules and severities, so that many findings compare equal (stability shows). */
const findingArbitrary: fc.Arbitrary<Finding> = fc
  .record({
    rule: fc.constantFrom(...RULE_IDS),
    severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
    unit: fc.constantFrom('130123100201', '1301', '', '\uffff', '😀', '😀a', '\ud83d', '社区', '\ufeff1'),
    index: fc.option(fc.nat(1000), { nil: null }),
    path: fc.array(fc.oneof(text, fc.nat()), { maxLength: 2 }),
    message: fc.record({ zh: text, en: text }),
    expected: fc.oneof(text, fc.integer()),
    actual: fc.oneof(text, fc.double({ noNaN: true }), fc.constant(null), fc.constant(undefined)),
    // A shared source is kept once; a fresh object each time is not remembered by identity.
    source: fc.oneof(fc.constantFrom(...SOURCES), fc.record({ document: text, section: text, quote: text })),
  })
  .map((finding) => finding as Finding);

const report = (count: number) => ({
  asOf: '2025-12-31',
  profile: 'hebei',
  summary: { units: 2, findings: count, bySeverity: { error: count, warning: 0, info: 0 }, byRule: {} },
});

async function collect(write: (sink: ChunkSink) => Promise<void>, bytes: boolean): Promise<string> {
  const parts: string[] = [];
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const sink = bytes
    ? createByteSink({ write: (chunk) => void parts.push(decoder.decode(chunk.slice())) }, 40)
    : createChunkSink({ write: (chunk) => void parts.push(chunk) }, 7);
  await write(sink);
  await sink.end();
  return parts.join('');
}

/** The report through the sorter: open, the findings' texts in order, close. */
async function sortedReport(
  findings: readonly Finding[],
  format: 'json' | 'ndjson' | 'csv',
  lang: 'zh' | 'en',
  limits: { records: number; bytes: number },
  bytes: boolean,
): Promise<string> {
  const texts = findingTextFormat(format, lang);
  const sorter = createFindingTextSorter(compare, texts, limits);
  try {
    for (const finding of findings) sorter.add(finding);
    const head = report(findings.length);
    return await collect(async (sink) => {
      sink.write(texts.open(head, sorter.size > 0));
      await sorter.write(sink, texts.separator);
      sink.write(texts.close(head, sorter.size > 0));
    }, bytes);
  } finally {
    sorter.close();
  }
}

describe('createFindingTextSorter', () => {
  test.prop(
    [
      fc.array(findingArbitrary, { maxLength: 40 }),
      fc.constantFrom('json' as const, 'ndjson' as const, 'csv' as const),
      fc.constantFrom('zh' as const, 'en' as const),
      fc.record({ records: fc.integer({ min: 1, max: 8 }), bytes: fc.integer({ min: 1, max: 2000 }) }),
      fc.boolean(),
    ],
    { numRuns: 200 },
  )(
    'writes the writers’ text of the stable sort, whatever the run size',
    async (findings, format, lang, limits, bytes) => {
      const sorted = [...findings].sort(compare);
      const expected = await collect(
        (sink) => VALIDATION_WRITERS[format]({ ...report(findings.length), findings: sorted }, sink, lang),
        false,
      );
      // Compared as the UTF-8 a file receives: a lone surrogate is U+FFFD there, whichever way it went.
      const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('utf8');
      expect(utf8(await sortedReport(findings, format, lang, limits, bytes))).toBe(utf8(expected));
    },
  );

  it('worked by hand: runs of 2, CSV cells with line breaks and quotes, units in JS string order', async () => {
    const base = {
      index: 0,
      path: [],
      expected: '≥ 1',
      actual: 0,
      source: RULES.facilityExists.source,
    } as const;
    const make = (unit: string, severity: Finding['severity'], zh: string): Finding => ({
      ...base,
      rule: 'workers.disasterOfficer',
      severity,
      unit,
      message: { zh, en: zh },
    });
    const findings = [
      make('\uffff', 'error', 'a'),
      make('😀', 'warning', 'b\r\nc'),
      make('😀', 'error', 'd "e"'),
      make('\uffff', 'error', 'f'),
      make('😀', 'warning', 'g'),
    ];
    const csv = await sortedReport(findings, 'csv', 'zh', { records: 2, bytes: 1 << 20 }, true);
    const order = ['"d ""e"""', '"b\r\nc"', ',g,', ',a,', ',f,'].map((cell) => csv.indexOf(cell));
    // '😀' (\ud83d\ude00) sorts before '\uffff' in JS, though its code point is larger; error before warning; equal
    // keys in the order added, across the runs of 2.
    expect(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] as number)))).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(8); // header, 5 lines (one split by the \r\n in its cell), the empty end
  });

  it('writes a report without findings as the writers do', async () => {
    expect(await sortedReport([], 'json', 'zh', { records: 1, bytes: 1 }, true)).toBe(
      `{"asOf":"2025-12-31","profile":"hebei","summary":${JSON.stringify(report(0).summary)},"findings":[]\n}\n`,
    );
    expect(await sortedReport([], 'csv', 'en', { records: 1, bytes: 1 }, false)).toBe(
      '\ufeffunit,rule,severity,path,message,expected,actual,document,section,quote\r\n',
    );
  });
});

describe('the CSV line of a finding as bytes', () => {
  // The sorter writes a CSV finding through the findings' column model's byte writer (createCsvByteLine): every cell
  // masked, guarded against formulas and quoted as the text line (createFindingCsvLine) does it.
  test.prop(
    [
      fc.array(findingArbitrary, { minLength: 1, maxLength: 30 }),
      fc.constantFrom('zh' as const, 'en' as const),
    ],
    {
      numRuns: 300,
    },
  )('is the UTF-8 of the text line, finding after finding', (findings, lang) => {
    const texts = findingTextFormat('csv', lang);
    const bytes = texts.bytes;
    expect(bytes).toBeDefined();
    const out = new ByteOutput(16);
    for (const finding of findings) {
      out.used = 0;
      bytes?.(finding, out);
      const utf8 = Buffer.from(texts.text(finding), 'utf8');
      expect(Buffer.from(out.bytes.subarray(0, out.used)).equals(utf8)).toBe(true);
    }
  });

  it('worked by hand: an ID number masked, a formula guarded, a comma quoted', () => {
    const texts = findingTextFormat('csv', 'zh');
    const out = new ByteOutput(16);
    texts.bytes?.(
      {
        rule: 'workers.disasterOfficer',
        severity: 'error',
        unit: '130123100201',
        index: 0,
        path: ['disasterOfficers'],
        message: { zh: '=身份证11010519491231002X', en: 'x' },
        expected: '≥ 1',
        actual: 0,
        source: { document: '规划, 2021', section: '三', quote: '引' },
      } as Finding,
      out,
    );
    expect(new TextDecoder().decode(out.bytes.subarray(0, out.used))).toBe(
      '130123100201,workers.disasterOfficer,error,disasterOfficers,\'=身份证110105********002X,≥ 1,0,"规划, 2021",三,引\r\n',
    );
  });
});
