/**
 * Whether `value` is a list the library can iterate: an object (or a function) whose `Symbol.iterator` is a method —
 * an array, a Set, a Map, a generator, a caller's own iterable. A string is text, not a list of characters: it is
 * not one. The one test of the safe functions that take a list (units, records, rows, profiles).
 *
 * @param value - anything a caller passed as a list
 * @returns whether it can be iterated as a list
 *
 * @example
 * ```ts
 * [isIterableObject([]), isIterableObject(new Set()), isIterableObject('abc'), isIterableObject({})];
 * //=> [true, true, false, false]
 * ```
 */
export function isIterableObject(value: unknown): value is Iterable<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
  );
}
