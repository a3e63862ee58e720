/**
 * Deep freezing of built-in data (the indicator profiles): a caller who edits a built-in object would change every
 * later computation in the process — and the pipeline chooses its fast paths by knowing the built-in profiles'
 * measures, so an edited one would be computed wrongly. Frozen, an edit throws in strict code and does nothing else.
 */

/**
 * Freezes `value` and every object and function reachable from it through its own properties (cycles and shared
 * parts are visited once).
 *
 * @param value - built-in data
 * @returns the same value, frozen all the way down
 *
 * @example
 * ```ts
 * const profile = deepFreeze({ id: 'national', indicators: [{ target: { value: 80 } }] });
 * Object.isFrozen(profile.indicators[0]?.target);
 * //=> true
 * ```
 */
export function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if ((typeof next !== 'object' && typeof next !== 'function') || next === null || seen.has(next)) continue;
    seen.add(next);
    for (const key of Reflect.ownKeys(next)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(next, key);
      if (descriptor !== undefined && 'value' in descriptor) pending.push(descriptor.value);
    }
    Object.freeze(next);
  }
  return value;
}
