import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isIterableObject } from '../../src/core/iterable.js';
import { SOURCE_ROOT, sourceFiles } from '../helpers/source-files.js';

// Whether a value is a list shequ can iterate is decided in one place (core/iterable.ts): the safe functions that take
// units, records or rows (computeIndicatorTable, evaluatePlanPeriod, validate, createDivisionDataset, divisionChanges)
// held four copies of it that disagreed — a function with an iterator was a list for one and not for the others, and
// a string was a list of characters for divisionChanges.
const root = SOURCE_ROOT;

describe('isIterableObject', () => {
  it('worked examples: lists and iterators are lists; text, records and nothing are not', () => {
    const generator = (function* () {
      yield 1;
    })();
    const callable = Object.assign(() => undefined, { [Symbol.iterator]: () => [][Symbol.iterator]() });
    expect([[], new Set(), new Map(), generator, callable, new Uint8Array(1)].map(isIterableObject)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['abc', new String('abc'), {}, null, undefined, 5, { [Symbol.iterator]: 5 }].map(isIterableObject),
    ).toEqual([
      false,
      true, // a String object is an object with an iterator, as it always was for every copy
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  test.prop([fc.anything({ withMap: true, withSet: true, withTypedArray: true, withBoxedValues: true })])(
    'is whether a value is an object or a function whose Symbol.iterator is a function',
    (value) => {
      const expected =
        ((typeof value === 'object' && value !== null) || typeof value === 'function') &&
        typeof (value as Record<symbol, unknown>)[Symbol.iterator] === 'function';
      expect(isIterableObject(value)).toBe(expected);
    },
  );

  it('is the only test of iterability in the source (no copy of it elsewhere)', () => {
    const copies = sourceFiles(root)
      .filter((file) => !file.endsWith(join('core', 'iterable.ts')))
      .filter((file) => /\[Symbol\.iterator\]\?: unknown/.test(readFileSync(file, 'utf8')))
      .map((file) => file.slice(root.length + 1));
    expect(copies).toEqual([]);
  });
});
