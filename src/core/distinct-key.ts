// One key per value where a file's headers name the keys: the headers are the file's, and may repeat.

/**
 * `name` if it is not taken, else the first of `name (2)`, `name (3)` … that is free. The one way shequ names the keys
 * a file's headers give (a row's extra data, rejected rows as JSON), so that no cell overwrites another.
 *
 * @param name - the name wanted
 * @param taken - whether a key is taken already
 * @returns a key not taken
 *
 * @example
 * ```ts
 * const taken = new Set(['备注', '备注 (2)']);
 * [distinctKey('备注', (key) => taken.has(key)), distinctKey('户数', (key) => taken.has(key))];
 * //=> ['备注 (3)', '户数']
 * ```
 */
export function distinctKey(name: string, taken: (key: string) => boolean): string {
  let key = name;
  for (let n = 2; taken(key); n++) key = `${name} (${n})`;
  return key;
}

/**
 * Puts a cell of a file into a row's extra data (an object without prototype) under its column's header, or under
 * `header (2)` … when a cell of the same row is there under it already (a repeated header): no cell overwrites another.
 *
 * @param extra - the row's extra data (no prototype: `__proto__` is a key like any other)
 * @param name - the column's header (`#7` past the header's last column)
 * @param cell - the cell
 *
 * @example
 * ```ts
 * const extra = Object.create(null);
 * putExtraCell(extra, '备注', 'a');
 * putExtraCell(extra, '备注', 'b');
 * ({ ...extra });
 * //=> { 备注: 'a', '备注 (2)': 'b' }
 * ```
 */
export function putExtraCell(extra: Record<string, string>, name: string, cell: string): void {
  extra[name in extra ? distinctKey(name, (key) => key in extra) : name] = cell;
}
