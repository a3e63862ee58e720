// How shequ reads an optional key of an object it is given or built: a profile's entry (`target`, `baseline`), a
// definition's `property`, a row's optional keys (`name`, `year`, `target` …) in every report model and writer, a
// column's or a model's optional parts, an options object. A key given to Object.prototype — by a dependency's bug or
// an attacker's prototype pollution (a JSON merge) — is not the object's: read through the prototype chain it became
// every row's own target (judged, and written out) and every report's cells. A class's getter or a template an object
// inherits from (Object.create) is the object's, as it always was. Every reader goes through here, so that no path
// (rows, the period views, evaluation, the shape check, the report models and formats) sees an object differently.

/**
 * The value of `object[key]` when the key is the object's own or given by a prototype of its own chain other than
 * `Object.prototype`; else undefined. The one way shequ reads a key an object may lack: a key given to
 * `Object.prototype` (prototype pollution) is never read as a row's, a profile's, a model's or an option.
 *
 * @param object - a profile entry, a definition, a row, a column, a model or options
 * @param key - the key to read
 * @returns the value, or undefined when only Object.prototype (or nothing) gives one
 *
 * @example
 * ```ts
 * class Entry { get target() { return 80; } }
 * [ownValue({ target: 1 }, 'target'), ownValue(new Entry(), 'target'), ownValue({}, 'toString')];
 * //=> [1, 80, undefined]
 * ```
 */
export function ownValue<T>(object: object, key: string): T | undefined {
  for (let at: object | null = object; at !== null && at !== Object.prototype; at = Object.getPrototypeOf(at))
    if (Object.hasOwn(at, key)) return Reflect.get(object, key) as T;
  return undefined;
}
