import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  createIssue,
  findingsTable,
  indicatorRowsTable,
  neutralizeFormula,
  readUnitStatistics,
  rejectedRowsToCsv,
  ShequError,
  toCsv,
  unitStatisticsTable,
} from '../../src/index.js';
import { csvLine, unitStatisticsToCsv } from '../../src/io/index.js';
import { findIdNumbers, ID_VARIANTS } from '../helpers/id-leaks.js';

const FORMULA_LEADS = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];
const LEADING_SPACE = fc.string({ unit: fc.constantFrom(' ', '\t', '\u3000'), maxLength: 3 });
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const LIBRARY_TARGET = /^(?:>=|<=|=|≥|≤) -?\d+(?:\.\d+)?$/;

describe('neutralizeFormula: what a spreadsheet would run is neutralised, numbers are not', () => {
  test.prop([LEADING_SPACE, fc.constantFrom(...FORMULA_LEADS), fc.string()])(
    'text a spreadsheet would evaluate (a formula lead after optional white space) gets an apostrophe',
    (space, lead, rest) => {
      const text = space + lead + rest;
      fc.pre(!PLAIN_NUMBER.test(text) && !LIBRARY_TARGET.test(text) && findIdNumbers(text).length === 0);
      expect(neutralizeFormula(text)).toBe(`'${text}`);
    },
  );

  test.prop([fc.constantFrom('\t', '\r'), fc.string()])(
    'a tab or CR at the start is neutralised',
    (lead, rest) => {
      fc.pre(findIdNumbers(rest).length === 0);
      expect(neutralizeFormula(lead + rest)).toBe(`'${lead}${rest}`);
    },
  );

  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true })])(
    'any finite number, as a number or as its text, comes back unchanged',
    (n) => {
      fc.pre(findIdNumbers(String(n)).length === 0);
      expect(neutralizeFormula(n)).toBe(String(n));
      expect(neutralizeFormula(String(n))).toBe(String(n));
      expect(neutralizeFormula(n.toFixed(2))).toBe(n.toFixed(2));
      if (n > 0) expect(neutralizeFormula(`+${n}`)).toBe(`+${n}`);
    },
  );

  test.prop([
    fc.constantFrom('>=', '<=', '=', '≥', '≤'),
    fc.integer({ min: -1000, max: 1000 }),
    fc.boolean(),
  ])('a target as the library writes it stays plain', (comparator, value, fraction) => {
    const text = `${comparator} ${fraction ? value + 0.5 : value}`;
    expect(neutralizeFormula(text)).toBe(text);
  });

  it.each([
    ['-5', '-5'],
    ['-0.5', '-0.5'],
    ['+3', '+3'],
    ['= 100', '= 100'],
    ['≥ 98', '≥ 98'],
    ['=1+1', "'=1+1"],
    ['=  100', "'=  100"],
    ['-5+1', "'-5+1"],
    [' =1', "' =1"],
    ['\t=1', "'\t=1"],
    ['＝SUM(A1)', "'＝SUM(A1)"],
    ['－5', "'－5"],
    ['-Infinity', "'-Infinity"],
    ['@cmd', "'@cmd"],
    ['西上泽村', '西上泽村'],
  ])('%j → %j', (input, output) => {
    expect(neutralizeFormula(input)).toBe(output);
  });
});

describe('writers and issues never hold a full ID number', () => {
  it('createIssue masks the message, the value, the column and the path', () => {
    for (const id of ID_VARIANTS) {
      const issue = createIssue(
        'invalid_value',
        { zh: `未知列「${id}」`, en: `Unknown column "${id}"` },
        {
          value: id,
          column: id,
          path: ['units', id],
        },
      );
      expect(findIdNumbers(JSON.stringify(issue))).toEqual([]);
    }
    const plain = { zh: '不是数字', en: 'Not a number' };
    expect(createIssue('invalid_type', plain).message).toBe(plain);
  });

  it('ShequError masks a hand-built issue', () => {
    const issue = {
      code: 'x',
      path: [],
      severity: 'error',
      message: { zh: '', en: '身份证11010519491231002X' },
    } as const;
    expect(findIdNumbers(new ShequError([issue]).message)).toEqual([]);
  });

  it('the rejects file masks the header, every cell and the reason', () => {
    const csv = [
      '统计用区划代码,名称,类型,户数,１１０１０５１９４９１２３１００２Ｘ',
      '130123100201,西上泽村11010519491231002X,村委会,很多 110105 19491231 002X,x',
      '11010519491231002X,身份证11010519491231002X,村委会,5,x',
    ].join('\n');
    const read = readUnitStatistics(csv);
    expect(read.rejected.length).toBe(2);
    for (const lang of ['zh', 'en'] as const) {
      const out = rejectedRowsToCsv(read.rejected, read.header, { lang });
      expect(out).toContain('110105********002X');
      expect(findIdNumbers(out)).toEqual([]);
    }
    expect(findIdNumbers(JSON.stringify({ issues: read.issues, rejected: read.rejected }))).toEqual([]);
  });

  it('every table of the writers masks its cells', () => {
    const id = '身份证 110105 19491231 002X';
    const units = [...unitStatisticsTable([{ code: '130123100201', kind: 'village', name: id }]).rows];
    const indicators = [
      ...indicatorRowsTable([{ region: '130123100201', level: 'unit', name: id } as never]).rows,
    ];
    const findings = [
      ...findingsTable([
        {
          unit: '130123100201',
          rule: 'r',
          severity: 'error',
          path: [],
          message: { zh: id, en: id },
          source: { document: '', section: '', quote: '' },
        } as never,
      ]).rows,
    ];
    const all = JSON.stringify([units, indicators, findings]);
    expect(all).toContain('110105 ******** 002X');
    expect(findIdNumbers(all)).toEqual([]);
    expect(findIdNumbers(toCsv([id], [[id]]))).toEqual([]);
  });
});

describe('numbers long enough to hold an ID-shaped run', () => {
  it('are masked by every CSV writer of the library, as the command line masks them', () => {
    // 110105 491231 002: a first-generation ID number's shape, accepted as a count of households
    const csv = unitStatisticsToCsv([{ code: '130123100201', kind: 'village', households: 110105491231002 }]);
    expect(csv).not.toContain('110105491231002');
    expect(csvLine([110105491231002, 26.5])).toBe('110105******002,26.5\r\n');
  });
});
