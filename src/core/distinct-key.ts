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
 * Names keys one after another among a file's headers: each name gets {@link distinctKey}'s key among the keys named
 * so far, and keeps it. `taken(key)` says whether a key is named already.
 *
 * @param headers - the file's headers (a suffixed key is never one of them)
 * @returns the namer
 *
 * @example
 * ```ts
 * const name = keyNamer(['备注', '备注', '备注 (2)']);
 * [name('备注'), name('备注'), name.taken('备注 (3)')];
 * //=> ['备注', '备注 (3)', true]
 * ```
 */
export function keyNamer(headers: readonly string[]): ((name: string) => string) & {
  taken: (key: string) => boolean;
} {
  const taken = new Set<string>();
  const isHeader = new Set(headers);
  const name = (wanted: string) => {
    const key = distinctKey(
      wanted,
      (candidate) => taken.has(candidate),
      (candidate) => isHeader.has(candidate),
    );
    taken.add(key);
    return key;
  };
  return Object.assign(name, { taken: (key: string) => taken.has(key) });
}

/**
 * The key of each column's cells in a row's extra data, chosen once from the file's header, so that a column has the
 * same key in every row: the columns that feed no field, in order, each its header or, when an earlier such column
 * has it, `header (2)` … (never one of the file's headers: {@link distinctKey}); past the header's last column, `#7`
 * … the same way. These are the keys the rejected rows' JSON gives the same columns, except where that object has
 * more keys than extra data: a column headed `line` or `reason`, or like a column that feeds a field (the second of
 * two `户数`), keeps its header here and is suffixed there.
 *
 * @param headers - the file's header cells
 * @param fields - the field each column feeds (`null`: its cells are extra data; another column's key is `''`)
 * @returns the key of a column's cells, by column index (0-based; any index, past the header too)
 *
 * @example
 * ```ts
 * const keyOf = extraDataKeys(['代码', '备注', '备注', '备注 (2)', '代码'], ['code', null, null, null, null]);
 * [1, 2, 3, 4, 5].map(keyOf);
 * //=> ['备注', '备注 (3)', '备注 (2)', '代码', '#6']
 * ```
 */
export function extraDataKeys(
  headers: readonly string[],
  fields: readonly (string | null)[],
): (column: number) => string {
  const keyOfName = keyNamer(headers);
  const keys = headers.map((name, column) => (fields[column] === null ? keyOfName(name) : ''));
  return function extraDataKey(column) {
    // Past the header: `#n`, made in order (a later one's key depends on the earlier ones) the first time it is asked.
    while (keys.length <= column) keys.push(keyOfName(`#${keys.length + 1}`));
    return keys[column] as string;
  };
}
