import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { ReadOptions } from '../../src/io/read.js';
import {
  type Chunk,
  expectSamePaths as expectSamePathEvents,
  expectSinkMatches,
} from '../helpers/byte-paths.js';

// The edges of a byte stream's start that byte-records.test.ts leaves out (its files open with a 64 kB title): small
// files whose decoder starts at once (a BOM, the encoding given), cut anywhere from their first byte — inside the BOM,
// the title lines, the header, a character — into chunks of one byte, empty chunks and chunks given as text; headers
// and titles longer than the 4 KiB pieces the header's chunk is read in; other encodings. The byte path, with or
// without a sink, must give the string path's events on each.

/** The byte path's events equal the string path's; with a sink, its rows are the string path's (text not read). */
async function expectSamePaths(chunks: readonly Chunk[], options: ReadOptions = {}) {
  const events = await expectSamePathEvents(chunks, options);
  return { events, sunk: await expectSinkMatches(chunks, options) };
}
const utf8 = (text: string) => new TextEncoder().encode(text);
const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `bytes` cut at `cuts`, each chunk given as text (1) when it is whole UTF-8, as bytes otherwise; empty ones kept. */
function chunked(bytes: Uint8Array, cuts: readonly number[], asText: readonly boolean[]): Chunk[] {
  const points = [...cuts.map((at) => at % (bytes.length + 1))].sort((a, b) => a - b);
  const chunks: Chunk[] = [];
  let at = 0;
  [...points, bytes.length].forEach((point, i) => {
    const piece = bytes.slice(at, point);
    at = point;
    if (asText[i] === true) {
      try {
        // Not the first chunk's BOM: a text chunk's is dropped, a byte chunk's too, but a BOM alone is not a chunk of text.
        const text = fatal.decode(piece);
        if (text !== '' && text.charCodeAt(0) !== 0xfeff) {
          chunks.push(text);
          return;
        }
      } catch {
        // not whole characters: given as bytes
      }
    }
    chunks.push(piece);
  });
  return chunks;
}

/** Cells whose bytes are odd or not UTF-8: in every kind of cell, they go to the string path, which decides. */
const ODD_CELLS: readonly ArrayLike<number>[] = [
  [],
  utf8(' '),
  utf8('\uFEFF'), // a BOM inside the file: a character (trimmed away as white space)
  utf8('\uFEFF是'),
  utf8('是\uFEFF'),
  utf8('\uFEFF12'),
  utf8('12\uFEFF'),
  utf8('\uFEFF130123100201'),
  utf8('\uFEFF居委会'),
  utf8('\uFFFD'),
  utf8('\u3000'),
  utf8('\u00A0'),
  utf8('𠀀'),
  [0xff],
  [0xe6, 0x98], // 是 cut short
  [0xe6, 0x98, 0xaf, 0xaf], // 是 and a stray continuation
  [0xed, 0xa0, 0x80], // a surrogate
  [0xc0, 0xaf], // overlong '/'
  [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
  [0x80],
  utf8('"'),
  utf8('"a\nb"'),
  utf8('x\ry'),
  utf8('1\r'),
];

const FIELDS = ['code', 'name', 'kind', 'households', 'hasFacility', 'facilityArea'] as const;
const HEADER = '统计用区划代码,名称,类型,户数,是否建有综合服务设施,综合服务设施建筑面积,备注';

/** A plain cell of each column (the last one extra data). */
const plainCell = (column: number, i: number) =>
  [
    `130123${String(100_001 + 2 * i)}`,
    ['西村', '', ' 南村 ', 'E'][i % 4] as string,
    i % 3 === 0 ? '居委会' : '村委会',
    String(i * 7),
    i % 2 === 0 ? '是' : '否',
    ['', '12.5', '3', '0.25'][i % 4] as string,
    ['', '备注', 'x'][i % 3] as string,
  ][column] as string;

const lineArbitrary = fc.record({
  odd: fc.option(fc.tuple(fc.nat({ max: FIELDS.length }), fc.nat({ max: ODD_CELLS.length - 1 })), {
    freq: 3,
  }),
  end: fc.constantFrom('\n', '\n', '\r\n', '\r'),
});

const fileArbitrary = fc.record({
  start: fc.constantFrom('bom', 'given', 'both'),
  titles: fc.array(
    fc.oneof(
      fc.constantFrom('社区统计表', '', '单位：户'),
      fc.integer({ min: 1300, max: 1500 }).map((n) => '表'.repeat(n)), // 3.9–4.5 kB: across a 4 KiB piece
    ),
    { maxLength: 3 },
  ),
  headerEnd: fc.constantFrom('\n', '\r\n', '\r'),
  lines: fc.array(lineArbitrary, { minLength: 1, maxLength: 40 }),
  lastEnd: fc.boolean(),
  cuts: fc.array(fc.nat(), { minLength: 2, maxLength: 10 }),
  ones: fc.option(fc.nat(), { freq: 4 }), // now and then a run of one-byte chunks from here
  asText: fc.array(fc.boolean(), { maxLength: 12 }).map((xs) => xs.map((x, i) => x && i % 3 === 0)),
});

function bytesOf(file: typeof fileArbitrary extends fc.Arbitrary<infer T> ? T : never): Uint8Array {
  const parts: number[] = [];
  const put = (bytes: ArrayLike<number>) => {
    for (let i = 0; i < bytes.length; i++) parts.push(bytes[i] as number);
  };
  if (file.start !== 'given') put([0xef, 0xbb, 0xbf]);
  for (const title of file.titles) put(utf8(`${title}\n`));
  put(utf8(HEADER + file.headerEnd));
  file.lines.forEach((line, i) => {
    for (let column = 0; column <= FIELDS.length; column++) {
      if (column > 0) put(utf8(','));
      if (line.odd !== null && line.odd[0] === column) put(ODD_CELLS[line.odd[1]] as ArrayLike<number>);
      else put(utf8(plainCell(column, i)));
    }
    if (i < file.lines.length - 1 || file.lastEnd) put(utf8(line.end));
  });
  return Uint8Array.from(parts);
}

describe('the byte path from a stream’s first byte', () => {
  test.prop([fileArbitrary], { numRuns: 250 })(
    'gives the string path’s events on a small file whose decoder starts at once, cut anywhere',
    async (file) => {
      const bytes = bytesOf(file);
      const cuts = [...file.cuts];
      if (file.ones !== null) {
        const from = file.ones % bytes.length;
        for (let at = from; at < Math.min(bytes.length, from + 40); at++) cuts.push(at);
      }
      const options: ReadOptions = file.start === 'bom' ? {} : { encoding: 'utf-8' };
      await expectSamePaths(chunked(bytes, cuts, file.asText), options);
    },
  );
});

describe('the header search limit (a million characters) on a chunk longer than it', () => {
  // 18 title lines of 60 000 characters (1 080 018 with their LFs, past 2^20 = 1 048 576), then the header on line 19
  // and 200 rows, all in one chunk: the string path reads the chunk, finds the header, then asks whether a header
  // was found; the byte path reads it in pieces of whole lines and once asked after the piece past the millionth
  // character, stopping with `header_not_found` before the header.
  const titles = `${'a'.repeat(60_000)}\n`.repeat(18);
  const rows = Array.from(
    { length: 200 },
    (_, i) => `130123${String(100_001 + 2 * i)},西村,村委会,${i},是,,\n`,
  ).join('');

  it('finds the header past it as the string path does, and the byte reader reads the rows after it', async () => {
    const { events, sunk } = await expectSamePaths([utf8(`${titles}${HEADER}\n${rows}`)], {
      encoding: 'utf-8',
    });
    expect(events[0]).toMatchObject({ kind: 'header', header: { line: 19 } });
    expect(events.at(-1)).toMatchObject({
      kind: 'end',
      counts: { read: 200, accepted: 200, rejected: 0, titleLines: 18 },
      issues: [],
      lines: 219,
    });
    // The header's piece ends with the first LF past 4 KiB of it (rows of 35–37 bytes: about the 110th row's); the
    // rows after it are the byte reader's, and reached the sink.
    expect(sunk).toBeGreaterThan(0);
  });

  it('still stops a chunk past it that holds no header, with the string path’s counts and lines', async () => {
    const { events } = await expectSamePaths([utf8(`${'b'.repeat(60_000)}\n`.repeat(19))], {
      encoding: 'utf-8',
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'end',
      counts: { read: 0, titleLines: 19 },
      issues: [{ code: 'header_not_found' }],
      lines: 19,
    });
  });
});

/** UTF-16LE bytes of a text. */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/** GB18030's two-byte characters, read off its decoder once: every lead 0x81–0xFE with every trail but 0x7F. */
const GB_PAIRS = (() => {
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push(lead, trail);
  const text = new TextDecoder('gb18030').decode(Uint8Array.from(pairs));
  const map = new Map<string, [number, number]>();
  for (let i = 0; i < text.length; i++)
    if (!map.has(text[i] as string))
      map.set(text[i] as string, [pairs[2 * i] as number, pairs[2 * i + 1] as number]);
  return map;
})();

/** GB18030 bytes of a text of ASCII and two-byte characters. */
function gb18030(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) out.push(char.charCodeAt(0));
    else out.push(...(GB_PAIRS.get(char) as [number, number]));
  }
  return Uint8Array.from(out);
}

describe('streams that are not UTF-8', () => {
  // The header's chunk is cut into pieces at LF bytes (0x0A) in every encoding: in UTF-16LE a 0x0A byte is half a
  // character as often as a line end (上 is U+4E0A, 0A 4E), and the decoder must hold it across the cut.
  const fileText = fc
    .record({
      titles: fc.array(
        fc.integer({ min: 1, max: 3000 }).map((n) => '上'.repeat(n)),
        { maxLength: 3 },
      ),
      rows: fc.array(
        fc.tuple(
          fc.nat({ max: 400 }),
          fc.constantFrom('居委会', '村委会', '村'),
          fc.constantFrom('是', '否', '上'),
        ),
        { minLength: 1, maxLength: 150 },
      ),
      eol: fc.constantFrom('\n', '\r\n'),
    })
    .map(({ titles, rows, eol }) =>
      [
        ...titles,
        HEADER,
        ...rows.map(([n, kind, flag], i) => `130123${String(100_001 + 2 * i)},上村,${kind},${n},${flag},,`),
      ]
        .join(eol)
        .concat(eol),
    );

  test.prop(
    [
      fileText,
      fc.constantFrom('utf-16le given', 'utf-16le BOM', 'gb18030 given', 'gb18030 detected'),
      fc.array(fc.nat(), { maxLength: 6 }),
    ],
    { numRuns: 60 },
  )('give each path the same events and encoding, cut anywhere', async (text, how, cuts) => {
    const utf16 = how.startsWith('utf-16le');
    const bytes = utf16 ? utf16le(how.endsWith('BOM') ? `\uFEFF${text}` : text) : gb18030(text);
    const options: ReadOptions = how.endsWith('given') ? { encoding: utf16 ? 'utf-16le' : 'gb18030' } : {};
    const { events } = await expectSamePaths(chunked(bytes, cuts, []), options);
    const end = events.at(-1);
    expect(end).toMatchObject({ kind: 'end', encoding: utf16 ? 'utf-16le' : 'gb18030' });
    expect(events[0]).toMatchObject({ kind: 'header' });
  });
});

describe('the header’s chunk ending inside a character that begins the next line', () => {
  // The decoder holds the character's first bytes, and the string parser, which saw the line end before them, is
  // idle: only the byte reader's `decoderClean` (the last byte given to the decoder was not ASCII) makes the string
  // path read the next chunk's first line, whose bytes begin with the rest of the character — or, for a lead byte
  // that no continuation follows, with ASCII that the byte reader alone would take for a plain line, where the string
  // path reads U+FFFD before it.
  it.each([
    ['是 (three bytes), one held', utf8('是'), 1],
    ['是, two held', utf8('是'), 2],
    ['𠀀 (four bytes), two held', utf8('𠀀'), 2],
    ['a lead byte that no continuation follows', Uint8Array.from([0xe6]), 1],
  ])('gives the string path’s events: %s', async (_, char, held) => {
    const head = utf8(`\uFEFF${HEADER}\n`);
    const line = Uint8Array.from([
      ...char,
      ...utf8('130123100001,西村,村委会,1,是,,\n130123100003,东村,村委会,2,否,,\n'),
    ]);
    const first = Uint8Array.from([...head, ...line.subarray(0, held)]);
    const { events } = await expectSamePaths([first, line.subarray(held)]);
    // Worked by hand: the first row's code is the character and 12 digits (not a code: rejected), the second row is
    // accepted on line 3.
    expect(
      events.map((event) => (event.kind === 'rejected' ? `rejected ${event.rejected.line}` : event.kind)),
    ).toEqual(['header', 'rejected 2', 'row', 'end']);
    const shown = new TextDecoder().decode(char);
    expect(events[1]).toMatchObject({
      rejected: { cells: [`${shown}130123100001`, '西村', '村委会', '1', '是', '', ''] },
    });
    expect(events[2]).toMatchObject({ accepted: { line: 3, row: { name: '东村' } } });
  });
});

describe('a lead byte alone between line starts', () => {
  // The decoder holds the byte and the parser is idle (it got no text): the next line, plain ASCII, is read by the
  // string path after U+FFFD (rejected). The byte reader must not take it: a chunk without LF, or the bytes it kept
  // (taken when a chunk of text comes), leave it to the string path's first line.
  const head = utf8(`\uFEFF${HEADER}\n130123100001,西村,村委会,1,是,,\n`);
  const row = (code: string) => `${code},东村,村委会,2,否,,\n`;
  const lone = Uint8Array.from([0xe6]);
  it.each([
    [
      'a chunk of that byte alone',
      [head, utf8(row('130123100003')), lone, utf8(row('130123100005') + row('130123100007'))],
      ['header', 'row 2', 'row 3', 'rejected 4', 'row 5', 'end'],
    ],
    [
      'the byte kept from a chunk, then a chunk of text',
      [
        head,
        Uint8Array.from([...utf8(row('130123100003')), ...lone]),
        row('130123100005'),
        utf8(row('130123100007') + row('130123100009')),
      ],
      ['header', 'row 2', 'row 3', 'row 4', 'rejected 5', 'row 6', 'end'],
    ],
  ] as [string, Chunk[], string[]][])('gives the string path’s events: %s', async (_, chunks, expected) => {
    const { events } = await expectSamePaths(chunks);
    // Worked by hand: U+FFFD before the first code after the lone byte makes its row rejected (after the row of the
    // chunk of text, which the string path reads before the byte it holds).
    expect(
      events.map((event) =>
        event.kind === 'rejected'
          ? `rejected ${event.rejected.line}`
          : event.kind === 'row'
            ? `row ${event.accepted.line}`
            : event.kind,
      ),
    ).toEqual(expected);
  });
});
