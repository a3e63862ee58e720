import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { displayWidth, formatTable } from '../../src/cli/table.js';

describe('terminal tables', () => {
  it('count East Asian wide characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('正定县')).toBe(6);
    expect(displayWidth('２６．５')).toBe(8);
    expect(displayWidth('m² 社区')).toBe(7);
  });

  it('align columns by display width, numbers to the right', () => {
    const text = formatTable(
      ['地区', 'value'],
      [
        ['正定县', '26.5'],
        ['东城区', '100'],
      ],
      new Set([1]),
    );
    expect(text.split('\n')).toEqual([
      '地区    value',
      '──────  ─────',
      '正定县   26.5',
      '东城区    100',
      '',
    ]);
  });

  test.prop([
    fc.array(
      fc.tuple(
        fc.string({ unit: fc.constantFrom('a', '社', '区', '1', ' '), maxLength: 6 }),
        fc.string({ unit: fc.constantFrom('x', '村'), maxLength: 4 }),
      ),
      { maxLength: 6 },
    ),
  ])('the second column starts at the same display column on every line', (rows) => {
    const lines = formatTable(['h1', 'h2'], rows).split('\n');
    const first = Math.max(2, ...rows.map(([cell]) => displayWidth(cell)));
    for (const [i, [cell1, cell2]] of [['h1', 'h2'], ...rows].entries()) {
      const line = lines[i === 0 ? 0 : i + 1] as string;
      expect(line).toBe(`${cell1}${' '.repeat(first - displayWidth(cell1 as string))}  ${cell2}`.trimEnd());
    }
  });
});
