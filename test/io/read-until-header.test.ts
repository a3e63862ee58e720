import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { readUnitStatistics } from '../../src/io/index.js';
import { readStatisticsWith } from '../../src/io/read-core.js';
import { createRowReaderWith } from '../../src/io/row-reader-core.js';

// The parallel reader's plan looks for the header in a file's first 64 KiB, before the threads start: a read that
// stops at the header (parsing 4 KiB at a time) must find the header, the title lines and the issues up to it that the
// whole read finds — whatever the length of the title block, across slice boundaries.

const HEADER = '统计用区划代码,名称,类型,户数';
const untilHeader = (text: string) => readStatisticsWith(text, {}, createRowReaderWith(undefined), true);

/** A title line: text that is not a header (no column the reader knows), of any length up to past a slice. */
const titleLine = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('社', '区', '表', ' ', 'a', '1'), minLength: 3000, maxLength: 5000 }),
  fc.constant(''),
);
const row = fc
  .tuple(fc.integer({ min: 100, max: 999 }), fc.integer({ min: 0, max: 5000 }))
  .map(([village, households]) => `130123100${village},村,村委会,${households}`);

describe('readStatisticsWith, until the header', () => {
  test.prop([
    fc.array(titleLine, { maxLength: 6 }),
    fc.array(row, { maxLength: 200 }),
    fc.constantFrom('\n', '\r\n', '\r'),
  ])(
    'finds the header, its title lines and the issues up to it as the whole read does',
    (titles, rows, eol) => {
      const lines = titles.map((title) =>
        title.replace(/[\r\n"]/g, ' ').replace(/统计用区划代码|代码/g, '号'),
      );
      const text = [...lines, HEADER, ...rows].join(eol) + eol;
      const whole = readUnitStatistics(text);
      const found = untilHeader(text);
      expect(found.header).toEqual(whole.header);
      expect(found.counts.titleLines).toBe(whole.counts.titleLines);
      const line = whole.header?.line ?? Number.POSITIVE_INFINITY;
      const upTo = (issues: typeof whole.issues) => issues.filter((issue) => (issue.line ?? 0) <= line);
      expect(upTo(found.issues)).toEqual(upTo(whole.issues));
    },
  );

  it('stops parsing at the header: the rows after it in later slices are not read', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `130123100${String(100 + (i % 900))},村,村委会,${i}`);
    const text = `社区统计表\n${HEADER}\n${rows.join('\n')}\n`;
    const found = untilHeader(text);
    expect(found.header?.line).toBe(2);
    // Worked by hand: a row is at least 21 characters with its line break (`130123100100,村,村委会,0`), so the
    // first slice of 4 096 characters holds fewer than 4 096 / 21 ≈ 195 of the 2 000.
    expect(found.counts.read).toBeGreaterThan(0);
    expect(found.counts.read).toBeLessThan(4096 / 21);
    expect(readUnitStatistics(text).counts.read).toBe(2000);
  });

  it('reads the whole text when there is no header', () => {
    const found = untilHeader('一\n二\n三\n');
    expect(found.header).toBeUndefined();
    expect(found.counts.titleLines).toBe(readUnitStatistics('一\n二\n三\n').counts.titleLines);
  });
});
