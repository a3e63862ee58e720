// Generated hostile corpora against the .xlsx reader: mutated workbooks (bytes flipped, cut, inserted, repeated),
// sheets of random XML tokens, and zips written by hand with lying headers. Whatever the bytes: a result, never an
// exception; every issue with a code and a message in Chinese and English; no ID number in any issue or shown cell;
// counts that add up; the streaming reader agreeing with the whole one; work linear in the text inflated (each
// character of a tag scanned once, counted by the tokenizers: a bound no load on the machine can break, where a
// bound on the time did).

import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { maskIdNumbersInText } from '../../src/core/mask.js';
import type { ReadResult } from '../../src/io/read.js';
import { readUnitStatisticsXlsx, streamUnitStatisticsXlsx } from '../../src/io/xlsx.js';
import type { XmlWork } from '../../src/io/xlsx-xml.js';
import { rawZip, sharedStringsXml, sheetXml, workbookParts } from './xlsx-fixtures.js';
import { resetWork } from './xlsx-work.js';

const work = vi.hoisted((): XmlWork => ({ pushes: 0, pushed: 0, scanned: 0 }));
vi.mock('../../src/io/xlsx-xml.js', async (original) =>
  (await import('./xlsx-work.js')).counting(await original(), work),
);

const ID = '110105194912310021';
const STYLES =
  '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>';

/** A workbook with everything the reader handles: shared, inline and rich strings, dates, booleans, errors, IDs. */
function richParts(): Record<string, Uint8Array> {
  const rows = [
    `<row r="1"><c r="A1" t="inlineStr"><is><t>社区统计 ${ID}</t></is></c></row>`,
    '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c></row>',
    `<row r="3"><c r="A3"><v>130123100201</v></c><c r="B3" t="inlineStr"><is><r><t>vil</t></r><r><t xml:space="preserve">lage</t></r></is></c><c r="C3" t="s"><v>4</v></c><c r="D3"><v>612</v></c></row>`,
    `<row r="5"><c r="A5" t="str"><f>A3+1</f><v>130123100202</v></c><c r="B5" t="e"><v>#N/A ${ID}</v></c><c r="C5" t="b"><v>1</v></c><c r="D5" s="1"><v>45000</v></c></row>`,
    `<row r="6"><c r="A6" t="inlineStr"><is><t>${ID}</t></is></c><c r="B6" t="inlineStr"><is><t>village</t></is></c><c r="D6"><v>1.5E3</v></c></row>`,
    `<row r="7"><c r="A7"><v>1.30123100203E11</v></c><c r="B7" t="s"><v>9</v></c><c r="C7" t="d"><v>2024-05-01T00:00:00</v></c></row>`,
  ];
  return workbookParts(
    { [`表${ID}`]: sheetXml(rows.join('')), Other: sheetXml('') },
    {
      sharedStrings: sharedStringsXml(['code', 'kind', 'name', 'households', `甲社区 ${ID}`]),
      styles: STYLES,
    },
  );
}

const ISSUE_TEXTS = (result: ReadResult) => [
  ...result.issues,
  ...result.rejected.flatMap((row) => row.issues),
];

/** What every read must give, whatever its input. */
function checkResult(result: ReadResult): void {
  for (const issue of ISSUE_TEXTS(result)) {
    expect(typeof issue.code).toBe('string');
    expect(issue.message.zh.length).toBeGreaterThan(0);
    expect(issue.message.en.length).toBeGreaterThan(0);
    for (const text of [
      issue.message.zh,
      issue.message.en,
      issue.column ?? '',
      issue.value ?? '',
      ...issue.path.map(String),
    ])
      expect(text).toBe(maskIdNumbersInText(text));
  }
  // Object.values: a long run of empty cells of a rejected sheet row is left out (holes, which are no cells).
  for (const row of result.rejected)
    for (const cell of Object.values(row.cells)) expect(cell).toBe(maskIdNumbersInText(cell));
  const { read, accepted, rejected } = result.counts;
  expect(accepted + rejected).toBe(read);
  expect(result.rows).toHaveLength(accepted);
  expect(result.rejected).toHaveLength(rejected);
  expect(result.issues.some((issue) => issue.message.en.includes('unexpected error'))).toBe(false);
}

async function readBoth(bytes: Uint8Array, sheet?: string | number): Promise<void> {
  const options = sheet === undefined ? {} : { sheet };
  resetWork(work);
  const result = await readUnitStatisticsXlsx(bytes, options);
  expect(work.scanned).toBeLessThanOrEqual(work.pushed);
  checkResult(result);
  let end: unknown;
  let rows = 0;
  resetWork(work);
  for await (const event of streamUnitStatisticsXlsx(bytes, options))
    if (event.kind === 'end') end = event;
    else if (event.kind === 'row') rows++;
  expect(work.scanned).toBeLessThanOrEqual(work.pushed);
  expect(end).toMatchObject({ counts: result.counts });
  expect(rows).toBe(result.counts.accepted);
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    data: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = m.at % (bytes.length + 1);
  const before = bytes.subarray(0, at);
  const after = bytes.subarray(at);
  const join = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  };
  switch (m.kind) {
    case 'flip': {
      const out = bytes.slice();
      if (at < out.length) out[at] = (out[at] as number) ^ m.bits;
      return out;
    }
    case 'cut':
      return bytes.slice(0, at);
    case 'insert':
      return join(before, m.data, after);
    case 'delete':
      return join(before, after.subarray(m.length));
    case 'repeat':
      return join(before, after.subarray(0, m.length), after);
  }
}

describe('mutated workbooks (generated)', () => {
  it('stored or deflated, each mutated up to four times: a result, never an exception', {
    timeout: 120_000,
  }, async () => {
    const parts = richParts();
    const stored = zipSync(parts, { level: 0 });
    const deflated = zipSync(parts);
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom<string | number | undefined>(undefined, 1, 2, 3, `表${ID}`, 'other', ID),
        async (useStored, mutations, sheet) => {
          let bytes: Uint8Array = useStored ? stored : deflated;
          for (const m of mutations) bytes = mutate(bytes, m);
          await readBoth(bytes, sheet);
        },
      ),
      { numRuns: 400 },
    );
  });
});

const token = fc.oneof(
  fc.constantFrom(
    '<row>',
    '</row>',
    '<c>',
    '</c>',
    '<v>',
    '</v>',
    '<is>',
    '</is>',
    '<t>',
    '</t>',
    '<rPh>',
    '</rPh>',
  ),
  fc.constantFrom(
    '<f>',
    '</f>',
    '<r>',
    '</r>',
    '<row/>',
    '<c/>',
    '</sheetData>',
    '<sheetData>',
    '<![CDATA[',
    ']]>',
  ),
  fc.constantFrom(
    '<!--',
    '-->',
    '<?pi',
    '?>',
    '&amp;',
    '&#x0;',
    '&#1114112;',
    '&nbsp;',
    '&',
    '<',
    '>',
    '"',
    "'",
  ),
  fc
    .record({
      tag: fc.constantFrom('row', 'c', 'x:c', 'v', 't'),
      r: fc.constantFrom('', 'A1', 'XFD1048577', 'AAAA1', '0', '-1', '1e3', '1048577', ID, 'ZZ99', '  2 '),
      t: fc.constantFrom('', 's', 'n', 'b', 'e', 'd', 'str', 'inlineStr', 'zz'),
      s: fc.constantFrom('', '0', '1', '2', '-1', '99', 'x'),
    })
    .map(
      ({ tag, r, t, s }) => `<${tag}${r ? ` r="${r}"` : ''}${t ? ` t="${t}"` : ''}${s ? ` s="${s}"` : ''}>`,
    ),
  fc.constantFrom(
    ID,
    '130123100201',
    'code',
    'kind',
    'village',
    'households',
    '612',
    '-1',
    '0',
    '4',
    '1.5e300',
  ),
  fc.string({ maxLength: 6 }),
);

describe('sheets of random XML tokens (generated)', () => {
  it('with shared strings and styles: a result, counts that add up, no ID number in any issue', {
    timeout: 120_000,
  }, async () => {
    const base = richParts();
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 120 }), fc.boolean(), async (tokens, closed) => {
        // The header first and good rows among the tokens, so that the soup reaches the row reader.
        const good = (line: number) =>
          `<row><c t="inlineStr"><is><t>1301231002${10 + (line % 90)}</t></is></c><c t="inlineStr"><is><t>village</t></is></c></row>`;
        const header =
          '<row><c t="inlineStr"><is><t>code</t></is></c><c t="inlineStr"><is><t>kind</t></is></c></row>';
        const body = header + tokens.map((t, i) => (i % 10 === 0 ? good(i) + t : t)).join('');
        const sheet = closed ? sheetXml(body) : `<worksheet><sheetData>${body}`;
        const parts = { ...base, 'xl/worksheets/sheet1.xml': strToU8(sheet) };
        await readBoth(zipSync(parts, { level: 0 }));
      }),
      { numRuns: 400 },
    );
  });
});

describe('zips written by hand (generated)', () => {
  it('names with backslashes, ../, a leading slash, other case, duplicates; lying sizes; methods', {
    timeout: 120_000,
  }, async () => {
    const parts = richParts();
    const name = fc.oneof(
      fc.constantFrom(...Object.keys(parts)),
      fc.constantFrom(...Object.keys(parts)).map((n) => n.replace(/\//g, '\\')),
      fc.constantFrom(...Object.keys(parts)).map((n) => `/${n}`),
      fc.constantFrom(...Object.keys(parts)).map((n) => `../${n}`),
      fc.constantFrom(...Object.keys(parts)).map((n) => n.toUpperCase()),
      fc.constant(`xl/worksheets/${ID}.xml`),
    );
    const entry = fc.record({
      name,
      method: fc.constantFrom<0 | 8>(0, 8),
      lie: fc.constantFrom(0, 1, -1, 0xffffffff, 2 ** 31),
      source: fc.constantFrom(...Object.keys(parts)),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 8 }), async (entries) => {
        const raw = entries.map((e) => {
          const data = parts[e.source] as Uint8Array;
          const packed = e.method === 8 ? zipSync({ x: data }) : data; // a whole zip as "deflated" data: corrupt
          const size = e.lie === 0 ? data.length : (data.length + e.lie) >>> 0;
          return { name: e.name, data: packed, method: e.method, declaredSize: size };
        });
        await readBoth(rawZip(raw));
      }),
      { numRuns: 300 },
    );
  });
});
