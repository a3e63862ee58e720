import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { INPUT_THREW } from '../../src/core/guard.js';
import {
  createDivisionDataset,
  type DivisionRecord,
  parseDivisionCode,
  ShequError,
} from '../../src/index.js';
import { findIdNumbers, ID_VARIANTS } from '../helpers/id-leaks.js';

// createDivisionDataset takes outside data (a list read from a file): every record is used or left out with one
// issue (code, path, message in both languages), and nothing of the result holds a full ID number.

const INFO = {
  id: 'demo',
  name: { zh: '示例', en: 'demo' },
  source: 'generated',
  referenceDate: '2025-06-30',
};

/** Valid codes of a few regions, each in its short form and its 12-digit form. */
const REGIONS = ['110105', '110105001', '130123100201', '1301', '13', '130629400'];
const spelling = fc
  .constantFrom(...REGIONS)
  .chain((code) => fc.constantFrom(code, (parseDivisionCode(code) as { data: { code: string } }).data.code));
/** Names, some holding an ID number (a message quoting one masks it, also where the quote is cut at 30 characters). */
const names = fc.constantFrom(
  '朝阳区',
  '建外街道',
  '西上泽村委会',
  '',
  ' 空格 ',
  '两行\n名称',
  ...ID_VARIANTS,
  `${'某'.repeat(20)}11010519491231002X`,
  `${'某'.repeat(20)}110105\n19491231002X`,
);

/** One record of a caller's list: valid, an invalid code, an ID number as code, not a record, a non-text name. */
const record: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ code: spelling, name: names }) },
  {
    weight: 1,
    arbitrary: fc.record({ code: spelling, name: names, parent: fc.constantFrom('110105', null) }),
  },
  // Parents and urban-rural codes of every kind: valid in either spelling, at the wrong level, not codes, ID numbers.
  {
    weight: 2,
    arbitrary: fc.record(
      {
        code: spelling,
        name: names,
        parent: fc.oneof(spelling, fc.constantFrom(null, 'oops', 42, {}, '', ...ID_VARIANTS)),
        urbanRural: fc.constantFrom('111', '220', '999', '', 111, null, ...ID_VARIANTS),
      },
      { requiredKeys: ['code', 'name'] },
    ),
  },
  { weight: 2, arbitrary: fc.record({ code: fc.constantFrom(...ID_VARIANTS), name: names }) },
  {
    weight: 1,
    arbitrary: fc.record({ code: fc.constantFrom('oops', '', '1101x5', '00', '1234567'), name: names }),
  },
  { weight: 1, arbitrary: fc.record({ code: fc.constantFrom(42, null, undefined, {}), name: names }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 42, 'text', true) },
  {
    weight: 1,
    arbitrary: fc.record({ code: spelling, name: fc.constantFrom(7, null, undefined, {}, ['x']) }),
  },
  { weight: 1, arbitrary: fc.record({ code: spelling }) },
);
const list = fc.array(record, { maxLength: 30 });

/** How deep a 12-digit code is: the number of its segments (2·2·2·3·3 digits) up to the last one not all zeros. */
function depthOf(code: string): number {
  const ends = [2, 4, 6, 9, 12];
  let depth = 0;
  ends.forEach((end, i) => {
    if (!/^0+$/.test(code.slice(i === 0 ? 0 : (ends[i - 1] as number), end))) depth = i + 1;
  });
  return depth;
}

/** What the list should give, worked out the plain way: the records used (first of a region kept) and left out. */
function expected(records: readonly unknown[]) {
  const kept = new Map<string, DivisionRecord>();
  const leftOut: { index: number; path: (string | number)[]; code: string }[] = [];
  for (const [index, value] of records.entries()) {
    if (value === null || typeof value !== 'object') {
      leftOut.push({ index, path: [index], code: 'invalid_type' });
      continue;
    }
    const { code, name, ...given } = value as {
      code: unknown;
      name: unknown;
      parent?: unknown;
      urbanRural?: unknown;
    };
    // A blank parent or urban-rural code (an empty cell) is absent.
    const blank = (field: unknown) => typeof field === 'string' && field.trim() === '';
    const parent = blank(given.parent) ? undefined : given.parent;
    const urbanRural = blank(given.urbanRural) ? undefined : given.urbanRural;
    const parsed = parseDivisionCode(code);
    const parsedParent = parseDivisionCode(parent);
    if (!parsed.success)
      leftOut.push({ index, path: [index, 'code'], code: parsed.error.issues[0]?.code as string });
    else if (typeof name !== 'string') leftOut.push({ index, path: [index, 'name'], code: 'invalid_type' });
    else if (parent !== undefined && parent !== null && !parsedParent.success)
      leftOut.push({ index, path: [index, 'parent'], code: parsedParent.error.issues[0]?.code as string });
    else if (parsedParent.success && depthOf(parsedParent.data.code) >= depthOf(parsed.data.code))
      leftOut.push({ index, path: [index, 'parent'], code: 'invalid_value' });
    else if (
      urbanRural !== undefined &&
      !['111', '112', '121', '122', '123', '210', '220'].includes(urbanRural as string)
    )
      leftOut.push({ index, path: [index, 'urbanRural'], code: 'invalid_format' });
    else {
      const { parent: _parent, urbanRural: _urbanRural, ...rest } = value as DivisionRecord;
      const record = {
        ...rest,
        code: parsed.data.code,
        ...(parent === undefined ? {} : { parent: parsedParent.success ? parsedParent.data.code : null }),
        ...(urbanRural === undefined ? {} : { urbanRural: urbanRural as string }),
      };
      const first = kept.get(parsed.data.code);
      if (first === undefined) kept.set(parsed.data.code, record);
      else if (first.name !== name || first.parent !== record.parent || first.urbanRural !== urbanRural)
        leftOut.push({ index, path: [index, 'code'], code: 'duplicate_code' });
    }
  }
  return { kept, leftOut };
}

describe('createDivisionDataset over generated lists', () => {
  test.prop([list])('every record is used or left out with one issue; counts add up', (records) => {
    const dataset = createDivisionDataset(INFO, records as DivisionRecord[]);
    const { kept, leftOut } = expected(records);
    expect([...dataset.divisions]).toEqual([...kept]);
    expect(
      dataset.issues.map((issue) => ({ index: issue.path[0], path: issue.path, code: issue.code })),
    ).toEqual(leftOut);
    // One issue per record left out: used + left out = records.
    expect(new Set(dataset.issues.map((issue) => issue.path[0])).size).toBe(dataset.issues.length);
    const used = records.length - dataset.issues.length;
    expect(used).toBeGreaterThanOrEqual(dataset.divisions.size);
    for (const issue of dataset.issues) {
      expect(issue.severity).toBe('error');
      expect(issue.message.zh).toMatch(/未采用/);
      expect(issue.message.en).toMatch(/left out/);
      // One line each (a name with a line break is quoted on one line).
      expect(`${issue.message.zh}${issue.message.en}`).not.toMatch(/[\r\n]/);
    }
    // `rejected` keeps its meaning: the codes that are not division codes, as text.
    expect(dataset.rejected).toHaveLength(
      leftOut.filter((out) => out.path[1] === 'code' && out.code !== 'duplicate_code').length,
    );
  });

  test.prop([list])('no full ID number in the issues, the rejected codes or the keys', (records) => {
    const dataset = createDivisionDataset(INFO, records as DivisionRecord[]);
    const text = JSON.stringify({
      issues: dataset.issues,
      rejected: dataset.rejected,
      keys: [...dataset.divisions.keys()],
    });
    expect(findIdNumbers(text)).toEqual([]);
  });

  test.prop([fc.array(fc.record({ code: spelling, name: names }), { maxLength: 30 })])(
    'a list of valid records gives what it always gave (the later of an identical repeat changes nothing)',
    (records) => {
      const unique = new Map<string, string>();
      const valid = records.filter(({ code, name }) => {
        const key = (parseDivisionCode(code) as { data: { code: string } }).data.code;
        if (unique.has(key) && unique.get(key) !== name) return false;
        unique.set(key, name);
        return true;
      });
      const dataset = createDivisionDataset(INFO, valid);
      // The dataset as the first implementation built it: Map.set of every record, in order.
      const before = new Map<string, DivisionRecord>();
      for (const one of valid) {
        const code = (parseDivisionCode(one.code) as { data: { code: string } }).data.code;
        before.set(code, { ...one, code });
      }
      expect([...dataset.divisions]).toEqual([...before]);
      for (const [code, division] of dataset.divisions) expect(division.name).toBe(before.get(code)?.name);
      expect(dataset.rejected).toEqual([]);
      expect(dataset.issues).toEqual([]);
      expect(dataset).toMatchObject(INFO);
    },
  );
});

describe('createDivisionDataset: what it says of each record left out', () => {
  it('an ID number as a code: rejected masked, an issue at [index, "code"]', () => {
    const dataset = createDivisionDataset(INFO, [
      { code: '110105', name: '朝阳区' },
      { code: '11010519491231002X', name: '某人' },
    ]);
    expect(dataset.rejected).toEqual(['110105********002X']);
    expect(dataset.issues).toEqual([
      expect.objectContaining({ code: 'invalid_format', path: [1, 'code'], severity: 'error' }),
    ]);
    expect(JSON.stringify(dataset.issues)).not.toContain('11010519491231002X');
  });

  it('one region in two spellings with two names: the first stays, the later is left out', () => {
    const dataset = createDivisionDataset(INFO, [
      { code: '110105', name: '朝阳区' },
      { code: '110105000000', name: '朝阳' },
      { code: '110105000000', name: '朝阳区' },
    ]);
    expect([...dataset.divisions.values()]).toEqual([{ code: '110105000000', name: '朝阳区' }]);
    expect(dataset.rejected).toEqual([]);
    expect(dataset.issues).toHaveLength(1);
    expect(dataset.issues[0]).toMatchObject({ code: 'duplicate_code', path: [1, 'code'] });
    expect(dataset.issues[0]?.message.zh).toContain('110105000000');
    expect(dataset.issues[0]?.message.en).toContain('"朝阳区"');
  });

  it('null, a number, a record without a text name: left out with their issues, not a TypeError', () => {
    const dataset = createDivisionDataset(INFO, [
      null,
      42,
      { code: '110105', name: 3 },
      { code: '110105' },
      { code: '110105', name: '朝阳区' },
    ] as unknown as DivisionRecord[]);
    expect([...dataset.divisions.keys()]).toEqual(['110105000000']);
    expect(dataset.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_type', [0]],
      ['invalid_type', [1]],
      ['invalid_type', [2, 'name']],
      ['invalid_type', [3, 'name']],
    ]);
  });

  it('a record whose reading throws is left out with the input-threw issue; the rest is read', () => {
    const hostile = {
      get code(): string {
        throw new Error('getter');
      },
      name: 'x',
    };
    const dataset = createDivisionDataset(INFO, [hostile, { code: '13', name: '河北省' }]);
    expect([...dataset.divisions.keys()]).toEqual(['130000000000']);
    expect(dataset.issues).toEqual([expect.objectContaining({ path: [0], message: INPUT_THREW })]);
  });

  it('records that are not iterable: a ShequError with an issue at ["records"]', () => {
    for (const records of [null, undefined, 42, {}, 'code,name'])
      try {
        createDivisionDataset(INFO, records as unknown as DivisionRecord[]);
        expect.unreachable(String(records));
      } catch (error) {
        expect(error).toBeInstanceOf(ShequError);
        expect((error as ShequError).issues).toEqual([
          expect.objectContaining({ code: 'invalid_type', path: ['records'] }),
        ]);
      }
    const throwing = {
      *[Symbol.iterator]() {
        yield { code: '13', name: '河北省' };
        throw new Error('iterator');
      },
    };
    let thrown: unknown;
    try {
      createDivisionDataset(INFO, throwing);
    } catch (error) {
      thrown = error;
    }
    // As its @throws says: an invalid_value issue when its iterator throws.
    expect(thrown).toBeInstanceOf(ShequError);
    expect((thrown as ShequError).issues).toEqual([expect.objectContaining({ code: 'invalid_value' })]);
  });
});
