// How the engine reads a profile's optional keys (an entry's `target` and `baseline`, a definition's `property`).
// A key given to Object.prototype — by a dependency's bug or an attacker's prototype pollution — is not the profile's:
// read through the prototype chain it became every row's own target (judged, and written out). A class's getter or a
// template an entry inherits from (Object.create) is the profile's, as it always was. Every reader goes through here,
// so that no path (rows, the period views, evaluation, the shape check) sees a profile differently from another.

/**
 * The value of `object[key]` when the key is the object's own or given by a prototype of its own chain other than
 * `Object.prototype`; else undefined.
 *
 * @param object - a profile entry, a definition or a row
 * @param key - the key to read
 * @returns the value, or undefined when only Object.prototype (or nothing) gives one
 *
 * @example
 * ```ts
 * class Entry { get target() { return 80; } }
 * [profileValue({ target: 1 }, 'target'), profileValue(new Entry(), 'target'), profileValue({}, 'toString')];
 * //=> [1, 80, undefined]
 * ```
 */
export function profileValue<T>(object: object, key: string): T | undefined {
  for (let at: object | null = object; at !== null && at !== Object.prototype; at = Object.getPrototypeOf(at))
    if (Object.hasOwn(at, key)) return Reflect.get(object, key) as T;
  return undefined;
}
