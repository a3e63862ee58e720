// One key per value where a file's headers name the keys: the headers are the file's, and may repeat.

/**
 * `name` if it is not taken, else the first of `name (2)`, `name (3)` … that is free and is none of the file's own
 * headers (a column headed `备注 (2)` keeps that key, whatever the cells of two `备注` columns). The one way shequ names
 * the keys a file's headers give (a row's extra data, rejected rows as JSON), so that no cell overwrites another.
 *
 * @param name - the name wanted
 * @param taken - whether a key is taken already
 * @param isHeader - whether a key is one of the file's headers (reserved for that column)
 * @returns a key not taken
 *
 * @example
 * ```ts
 * const taken = (key: string) => key === '备注' || key === '备注 (2)';
 * const isHeader = (key: string) => key === '备注' || key === '备注 (3)';
 * [distinctKey('备注', taken, isHeader), distinctKey('户数', taken)];
 * //=> ['备注 (4)', '户数']
 * ```
 */
export function distinctKey(
  name: string,
  taken: (key: string) => boolean,
  isHeader: (key: string) => boolean = () => false,
): string {
  let key = name;
  for (let n = 2; taken(key) || (key !== name && isHeader(key)); n++) key = `${name} (${n})`;
  return key;
}

/**
 * Puts a cell of a file into a row's extra data (an object without prototype) under its column's header, or under
 * `header (2)` … when a cell of the same row is there under it already (a repeated header): no cell overwrites another,
 * and a suffixed key is never one of the file's headers. Costs one `in` on a row without repeated headers.
 *
 * @param extra - the row's extra data (no prototype: `__proto__` is a key like any other)
 * @param name - the column's header (`#7` past the header's last column)
 * @param cell - the cell
 * @param headers - the file's headers (read only when the header repeats)
 *
 * @example
 * ```ts
 * const headers = ['备注', '备注', '备注 (2)'];
 * const extra = Object.create(null);
 * putExtraCell(extra, '备注', 'a', headers);
 * putExtraCell(extra, '备注', 'b', headers);
 * putExtraCell(extra, '备注 (2)', 'c', headers);
 * ({ ...extra });
 * //=> { 备注: 'a', '备注 (3)': 'b', '备注 (2)': 'c' }
 * ```
 */
export function putExtraCell(
  extra: Record<string, string>,
  name: string,
  cell: string,
  headers: readonly string[],
): void {
  extra[
    name in extra
      ? distinctKey(
          name,
          (key) => key in extra,
          (key) => headers.includes(key),
        )
      : name
  ] = cell;
}
