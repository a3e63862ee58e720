/**
 * The shipped division lists are read from their compact text by binary search (no map built on import): the text
 * must be sorted and every code valid, and a lookup must answer exactly what a map of every record answers.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { beijingDivisions } from '../../src/divisions/beijing.js';
import { text as beijingText } from '../../src/divisions/data/beijing.js';
import { text as hebeiText } from '../../src/divisions/data/hebei.js';
import { hebeiDivisions } from '../../src/divisions/hebei.js';
import { parseDivisionCode } from '../../src/index.js';

const LISTS = [
  { name: 'beijing', text: beijingText, dataset: beijingDivisions },
  { name: 'hebei', text: hebeiText, dataset: hebeiDivisions },
] as const;

/** The records of a shipped text, read the plain way: a reference independent of the binary search. */
function referenceMap(text: string): Map<string, string> {
  return new Map(
    text.split('\n').map((line) => {
      const [code, name] = line.split('\t');
      return [code as string, name as string];
    }),
  );
}

describe.each(LISTS)('the shipped $name list', ({ text, dataset }) => {
  const reference = referenceMap(text);
  const codes = [...reference.keys()];

  it('is sorted by code, strictly, and every code is a valid 12-digit division code', () => {
    // One assertion over the list (an expect per code is ~100 000 matcher calls: slow on a loaded machine).
    const unsorted = codes.filter((code, i) => i > 0 && (codes[i - 1] as string) >= code);
    expect(unsorted).toEqual([]);
    const invalid = codes.filter((code) => {
      const parsed = parseDivisionCode(code);
      return !parsed.success || parsed.data.code !== code;
    });
    expect(invalid).toEqual([]);
  });

  test.prop([fc.nat({ max: codes.length - 1 })])('finds every code it holds, with its name', (i) => {
    const code = codes[i] as string;
    expect(dataset.divisions.get(code)).toEqual({ code, name: reference.get(code) });
    expect(dataset.divisions.has(code)).toBe(true);
  });

  test.prop([fc.stringMatching(/^[0-9]{12}$/)])('answers a code it does not hold with undefined', (code) => {
    expect(dataset.divisions.get(code)?.name).toBe(reference.get(code));
  });

  it('finds the first and last codes and nothing beyond them, nor codes of other shapes', () => {
    const first = codes[0] as string;
    const last = codes.at(-1) as string;
    expect(dataset.divisions.get(first)?.code).toBe(first);
    expect(dataset.divisions.get(last)?.code).toBe(last);
    expect(dataset.divisions.get('000000000000')).toBeUndefined();
    expect(dataset.divisions.get('999999999999')).toBeUndefined();
    expect(dataset.divisions.get(first.slice(0, 6))).toBeUndefined();
    expect(dataset.divisions.get(`${first}\t`)).toBeUndefined();
  });

  it('iterates every record in code order, and its size is the number of lines', () => {
    expect([...dataset.divisions.keys()]).toEqual(codes);
    expect(dataset.divisions.size).toBe(codes.length);
    let seen = 0;
    dataset.divisions.forEach((record, key) => {
      expect(record.code).toBe(key);
      seen++;
    });
    expect(seen).toBe(codes.length);
    // After the map is built, lookups answer the same.
    expect(dataset.divisions.get(codes[1] as string)?.name).toBe(reference.get(codes[1] as string));
  });
});
