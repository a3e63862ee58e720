import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argumentArbitrary, throwingArgument } from './hostile.js';
import { objectsIn, snapshot, snapshotDifference } from './snapshot.js';

/** What `change` does to `value`, as the fuzz would report it (`undefined`: nothing seen). */
function differenceAfter<T>(value: T, change: (value: T) => void): string | undefined {
  const before = snapshot(value, 'argument 0');
  change(value);
  return snapshotDifference(before, snapshot(value, 'argument 0'));
}

describe('argument snapshots', () => {
  it('see a write, an added or removed key, a freeze and a changed accessor, with the path', () => {
    expect(differenceAfter([] as unknown[], (out) => (out[0] = 1))).toBe('argument 0 changed');
    expect(differenceAfter({ a: { b: [1, 2] } }, (value) => value.a.b.push(3))).toBe(
      'argument 0.a.b changed',
    );
    expect(differenceAfter({ a: [1, 2] }, (value) => (value.a[1] = 5))).toBe('argument 0.a changed');
    expect(differenceAfter({ a: 1 } as { a?: number }, (value) => delete value.a)).toBe('argument 0 changed');
    expect(differenceAfter({ a: { b: 1 } }, (value) => (value.a = { b: 1 }))).toBe('argument 0.a changed');
    expect(differenceAfter({ a: 1 }, (value) => Object.freeze(value))).toBe('argument 0 changed');
    expect(
      differenceAfter(
        {
          get a() {
            return 1;
          },
        },
        (value) => Object.defineProperty(value, 'a', { get: () => 2 }),
      ),
    ).toBe('argument 0 changed');
    expect(differenceAfter(Object.create(null), (value) => Object.setPrototypeOf(value, {}))).toBe(
      'argument 0 changed',
    );
  });

  it("see the state of built-ins: a typed array's bytes, Map and Set entries, a Date's time", () => {
    expect(differenceAfter(new Float32Array(2), (out) => (out[1] = 0.5))).toBe('argument 0 changed');
    expect(differenceAfter(new Map([[1, [2]]]), (map) => map.set(3, [4]))).toBe('argument 0 changed');
    expect(differenceAfter(new Map([[1, [2]]]), (map) => map.get(1)?.push(3))).toBe(
      'argument 0<value 0> changed',
    );
    expect(differenceAfter(new Set(['a']), (set) => set.add('b'))).toBe('argument 0 changed');
    expect(differenceAfter(new Date(0), (date) => date.setTime(1))).toBe('argument 0 changed');
  });

  it("run none of the caller's code: getters, Proxy traps and iterators are not called", () => {
    let calls = 0;
    const count = () => {
      calls++;
      throw new Error('read');
    };
    const proxy = new Proxy({}, { get: count, has: count, ownKeys: count, getOwnPropertyDescriptor: count });
    const value: unknown[] = [
      {
        get code() {
          return count();
        },
      },
      { [Symbol.iterator]: count, toString: count },
      new Map([[proxy, 1]]),
    ];
    expect(differenceAfter(value, () => undefined)).toBeUndefined();
    // Only the Proxy's ownKeys trap ran (it threw, caught), once per snapshot, to find the Proxy opaque.
    expect(calls).toBe(2);
  });

  it('agree on an unchanged value (no false alarm on any fuzz argument)', () => {
    fc.assert(
      fc.property(fc.oneof(argumentArbitrary, throwingArgument), (value) => {
        expect(snapshotDifference(snapshot(value), snapshot(value))).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('see a key added anywhere in an object or array of a fuzz argument', () => {
    fc.assert(
      fc.property(
        fc.anything({
          maxDepth: 3,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withSparseArray: true,
        }),
        fc.nat(),
        (value, pick) => {
          const objects = objectsIn(value);
          fc.pre(objects.length > 0);
          const target = objects[pick % objects.length] as Record<string, unknown>;
          expect(differenceAfter(value, () => (target.addedByTheCall = 1))).toMatch(/changed$/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
