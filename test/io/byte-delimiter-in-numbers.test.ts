import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type StreamEvent, streamBatches } from '../../src/io/stream-read.js';

// The byte reader reads a count or an area in one pass to its end (byte-cells.ts readPlainAt), which stops at the
// first byte that is not a digit (or the area's point). A delimiter that is a digit or a point ('.' is a valid
// delimiter: one character, not a quote nor a line break) ends a cell there for the string path, not for that pass:
// '12.34' with '.' as delimiter is two cells, 12 and 34, never the area 12.34.

/** A title longer than the 64 kB the stream holds to detect the encoding: the byte reader reads what follows. */
const PADDING = `${'社区统计表'.repeat(4400)}\n`;

/** The row and rejected events of a file, its rows in a chunk after the header's (where the byte reader reads). */
async function events(head: string, body: string, delimiter: string, bytePath: boolean) {
  async function* source() {
    yield new TextEncoder().encode(`${PADDING}${head}\n`);
    yield new TextEncoder().encode(body);
  }
  const out: StreamEvent[] = [];
  for await (const batch of streamBatches(source(), { delimiter }, bytePath))
    for (const event of batch) if (event.kind === 'row' || event.kind === 'rejected') out.push(event);
  return out;
}

describe('a delimiter that can stand in a number', () => {
  it("reads '12.34.5' with '.' as three cells: area 12, households 34, an extra 5", async () => {
    const head = ['统计用区划代码', '类型', '综合服务设施建筑面积', '户数'].join('.');
    const body = '130123100201.村委会.12.34.5\n';
    const fast = await events(head, body, '.', true);
    // toEqual: a row's and an extra's prototypes are the reader's own (the string path's, compared strictly below).
    expect(fast).toEqual([
      {
        kind: 'row',
        accepted: {
          line: 3,
          row: { code: '130123100201', kind: 'village', households: 34, facilityArea: 12 },
          extra: { '#5': '5' },
        },
      },
    ]);
    expect(fast).toStrictEqual(await events(head, body, '.', false));
  });

  test.prop(
    [
      fc.constantFrom('.', '0', '1', '5', '9'),
      fc.array(
        fc.tuple(
          fc.constantFrom('12', '12.5', '3.25', '105', '90', '7', '0.5', ''),
          fc.constantFrom('4', '10', '99', '1.5', ''),
          fc.constantFrom('', '5', '0', '12.34'),
        ),
        { minLength: 1, maxLength: 12 },
      ),
    ],
    { numRuns: 150 },
  )('gives the string path’s rows, whatever the cells', async (delimiter, lines) => {
    const head = ['统计用区划代码', '类型', '综合服务设施建筑面积', '户数'].join(delimiter);
    // A code and a kind that hold no digit delimiter: the line may hold one only in its numbers.
    const body = lines
      .map(([area, households, more], n) => {
        const code = `13012310020${n % 10}`.replaceAll(delimiter, '8');
        return [code, '村委会', area, households, ...(more === '' ? [] : [more])].join(delimiter);
      })
      .join('\n');
    const fast = await events(head, `${body}\n`, delimiter, true);
    expect(fast).toStrictEqual(await events(head, `${body}\n`, delimiter, false));
  });
});
