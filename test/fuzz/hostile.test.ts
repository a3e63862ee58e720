import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argumentArbitrary, throwingArgument } from './hostile.js';
import { objectsIn } from './snapshot.js';

/** The objects found in more than one of `values` (each value's own objects counted once). */
function sharedObjects(values: readonly unknown[]): unknown[] {
  const owner = new Map<unknown, number>();
  const shared = new Set<unknown>();
  for (const [index, value] of values.entries()) {
    for (const object of objectsIn(value)) {
      const first = owner.get(object);
      if (first === undefined) owner.set(object, index);
      else if (first !== index) shared.add(object);
    }
  }
  return [...shared];
}

// The fuzz of every export runs thousands of calls in one process. An object shared by two runs carries whatever
// one call wrote into it (an export's `out` argument) to the next run — CI once saw a non-hostile run meet a throwing
// getter that way. So the hostile arbitraries make every object anew, for every run.
describe('the fuzz arguments', () => {
  it('share no object between runs (ordinary and throwing arguments)', () => {
    const values = fc.sample(fc.oneof(argumentArbitrary, throwingArgument), 3_000);
    expect(sharedObjects(values)).toEqual([]);
  });

  it('would show a constant object as shared (the check can fail)', () => {
    const values = fc.sample(fc.oneof(fc.constant([]), fc.integer()), 50);
    expect(sharedObjects(values)).toEqual([[]]);
    expect(sharedObjects([{ a: [1] }, { b: 2 }])).toEqual([]);
    const inner = new Map([[1, 2]]);
    expect(sharedObjects([[inner], { x: inner }])).toEqual([inner]);
  });
});
