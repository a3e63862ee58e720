import { createIssue, type Issue, type LocalizedText, type PathSegment } from './issue.js';
import { isIterableObject } from './iterable.js';
import { ownValue } from './own-value.js';
import { ShequError } from './result.js';

// Internal helpers of the functions that take a caller's plain objects (profiles, their changes): the tests of a
// value's shape, and the issue of a value of the wrong shape, which names its path and what it should be.

/** Whether `value` is an object that is not an array (a record of keys). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether `value` is a text in Chinese and English, `{ zh, en }`. */
export function isText(value: unknown): value is LocalizedText {
  return isRecord(value) && typeof value.zh === 'string' && typeof value.en === 'string';
}

/**
 * Whether every item of a list passes `check`, a hole of a sparse array read as `undefined` (`Array.prototype.every`
 * skips holes: `[, ]` passed every check, and the code after it met `undefined`).
 */
export function everyItem(list: readonly unknown[], check: (item: unknown) => boolean): boolean {
  for (let index = 0; index < list.length; index++) if (!check(list[index])) return false;
  return true;
}

/** Whether `value` is an array of strings (a hole is none). */
export function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && everyItem(value, (item) => typeof item === 'string');
}

/** The path as a message shows it (`add.0.indicator`), its keys cut short: they may be the caller's text. */
function shownPath(path: readonly PathSegment[]): string {
  const shown = path.map((key) =>
    typeof key === 'string' && key.length > 40 ? `${key.slice(0, 39)}…` : key,
  );
  return shown.join('.');
}

/**
 * The issue of a value of the wrong shape at `path`: `invalid_type` for a value of the wrong JavaScript type,
 * `invalid_value` for one of the right type without the parts it needs.
 *
 * @example
 * ```ts
 * shapeIssue('invalid_type', ['remove'], { zh: '文本的数组', en: 'an array of text' }).message.en;
 * //=> 'remove must be an array of text'
 * ```
 */
export function shapeIssue(
  code: 'invalid_type' | 'invalid_value',
  path: readonly PathSegment[],
  expected: LocalizedText,
): Issue {
  const at = shownPath(path);
  return createIssue(code, { zh: `${at} 应为${expected.zh}`, en: `${at} must be ${expected.en}` }, { path });
}

const TEXT: LocalizedText = { zh: '文本', en: 'text' };

/** What a message says a value should be, for the shapes every caller's object has. */
export const EXPECTED = {
  object: { zh: '对象', en: 'an object' },
  text: TEXT,
  localized: { zh: '中英文文本 { zh, en }', en: 'a text { zh, en }' },
  textList: { zh: '文本的数组', en: 'an array of text' },
  list: { zh: '数组', en: 'an array' },
} as const satisfies Record<string, LocalizedText>;

/** How the items of a list are checked: the test, what a message says they should be, and the issue's code. */
export interface ItemShape {
  readonly check: (item: unknown) => boolean;
  readonly expected: LocalizedText;
  readonly code: 'invalid_type' | 'invalid_value';
}

/** Items that are text. */
export const TEXT_ITEM: ItemShape = {
  check: (item) => typeof item === 'string',
  // Not EXPECTED.text: a bundle that never reports a list drops both only when no property is read at load.
  expected: TEXT,
  code: 'invalid_type',
};

/**
 * The items of an optional list (absent: none), copied: an issue at a value that is no array, and at each item that
 * does not pass `shape.check` (it is kept in the copy: the caller throws when there is any issue).
 */
export function listOf<Item>(value: unknown, path: PathSegment, shape: ItemShape, issues: Issue[]): Item[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push(shapeIssue('invalid_type', [path], EXPECTED.list));
    return [];
  }
  const items = Array.from(value as unknown[]);
  items.forEach((item, index) => {
    if (!shape.check(item)) issues.push(shapeIssue(shape.code, [path, index], shape.expected));
  });
  return items as Item[];
}

/**
 * The own entries of an optional record (absent: none), each made by `read`, in a record without a prototype (a key
 * such as `toString` is only the caller's); an entry whose value is `undefined` is none, as a key left out; an issue at
 * a value that is no record.
 */
export function recordOf<Value>(
  value: unknown,
  path: readonly PathSegment[],
  read: (entry: unknown, path: readonly PathSegment[]) => Value,
  issues: Issue[],
): Record<string, Value> {
  const out = Object.create(null) as Record<string, Value>;
  if (value === undefined) return out;
  if (!isRecord(value)) {
    issues.push(shapeIssue('invalid_type', path, EXPECTED.object));
    return out;
  }
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (entry !== undefined) out[key] = read(entry, [...path, key]);
  }
  return out;
}

/**
 * The head every `changes` of a derive function has, read once: the object itself (`{}` when it is none), its `id`
 * (text) and `name` (Chinese and English, optional), with an issue at the path of each of the wrong shape.
 *
 * @param changes - what the caller passed
 * @param issues - where the issues go
 * @returns the object to read the other keys from, the id and the name
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * changesHead({ name: 'x' }, issues).given;
 * //=> { name: 'x' }
 * issues.map((issue) => issue.path);
 * //=> [['id'], ['name']]
 * ```
 */
export function changesHead(
  changes: unknown,
  issues: Issue[],
): { given: Record<string, unknown>; id: string; name: LocalizedText | undefined } {
  if (!isRecord(changes)) issues.push(shapeIssue('invalid_type', ['changes'], EXPECTED.object));
  const given = isRecord(changes) ? changes : {};
  const id = ownValue<unknown>(given, 'id');
  const name = ownValue<unknown>(given, 'name');
  if (isRecord(changes) && typeof id !== 'string')
    issues.push(shapeIssue('invalid_type', ['id'], EXPECTED.text));
  if (name !== undefined && !isText(name))
    issues.push(shapeIssue('invalid_type', ['name'], EXPECTED.localized));
  return { given, id: id as string, name: name as LocalizedText | undefined };
}

/**
 * The items of a list argument, each checked: `issueOf` says what is wrong with an item at its path, if anything. A
 * value that is no list (text included) is one `invalid_type` issue at `[name]`; a ShequError holds every issue.
 *
 * @param value - what the caller passed
 * @param name - the argument's name, the first segment of every path
 * @param expected - what the argument should be (`'an array of rule profiles'`)
 * @param issueOf - the issue of an item, or `undefined` for a good one
 * @returns the items, every one good
 * @throws {@link ShequError} with the issues
 *
 * @example
 * ```ts
 * checkedItems([1, 2], 'ids', EXPECTED.textList, (item, path) =>
 *   typeof item === 'number' ? undefined : shapeIssue('invalid_type', path, EXPECTED.text),
 * );
 * //=> [1, 2]
 * ```
 */
export function checkedItems<Item>(
  value: unknown,
  name: string,
  expected: LocalizedText,
  issueOf: (item: unknown, path: PathSegment[]) => Issue | undefined,
): Item[] {
  if (!isIterableObject(value)) throw new ShequError([shapeIssue('invalid_type', [name], expected)]);
  const items = Array.from(value);
  const issues: Issue[] = [];
  items.forEach((item, index) => {
    const issue = issueOf(item, [name, index]);
    if (issue !== undefined) issues.push(issue);
  });
  if (issues.length > 0) throw new ShequError(issues);
  return items as Item[];
}
