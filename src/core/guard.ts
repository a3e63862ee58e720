import { createIssue, type Issue, type PathSegment } from './issue.js';
import { type Failure, failure, type Result, ShequError, success } from './result.js';

// Internal helpers of the safe functions (not part of the public API): reading options defensively, and turning an
// exception thrown by the caller's own objects (a throwing getter, a Proxy trap, an iterator) into an issue.

/**
 * The message of the issue a safe function returns when reading its input threw. Exported for the fuzz test, which
 * checks that this issue appears only when the input really holds a throwing getter (so it never hides a bug of ours).
 */
export const INPUT_THREW: Readonly<{ zh: string; en: string }> = {
  zh: '读取输入时出错：输入对象的属性、代理或迭代器抛出了异常',
  en: 'Reading the input failed: a property, proxy or iterator of the input threw an exception',
};

/** The issue for an exception thrown while reading the caller's input (its message is not echoed: it may be personal). */
export function inputThrewIssue(path: readonly PathSegment[] = []): Issue {
  return createIssue('invalid_value', INPUT_THREW, { path });
}

/**
 * Runs the body of a safe function: a {@link ShequError} becomes its issues, any other exception (which can only come
 * from the caller's objects — getters, proxies, iterators — once the input is checked) becomes one issue.
 */
export function guarded<Data>(run: () => Result<Data>): Result<Data> {
  try {
    return run();
  } catch (error) {
    return error instanceof ShequError ? failure(error.issues) : failure([inputThrewIssue()]);
  }
}

/**
 * Runs the body of a throwing variant: a ShequError passes, any other exception (which can only come from the
 * caller's objects once the input is checked: a getter, a proxy, an iterator) becomes a ShequError with one issue.
 */
export function throwingGuard<Value>(run: () => Value): Value {
  try {
    return run();
  } catch (error) {
    throw error instanceof ShequError ? error : new ShequError([inputThrewIssue()]);
  }
}

/** Same as {@link guarded} for a function that returns a plain value: `fallback` when reading the input threw. */
export function guardedValue<Value>(run: () => Value, fallback: () => Value): Value {
  try {
    return run();
  } catch {
    return fallback();
  }
}

/** An `invalid_option` issue on `path`, with a message saying what was expected. */
export function invalidOption(path: readonly PathSegment[], zh: string, en: string): Issue {
  return createIssue('invalid_option', { zh: `选项错误：${zh}`, en: `Invalid option: ${en}` }, { path });
}

/** The plain data of an options argument: `{}` for `undefined`, the object itself, or an issue for anything else. */
export function optionsObject(options: unknown): Result<Readonly<Record<string, unknown>>> {
  if (options === undefined) return success({});
  if (options !== null && typeof options === 'object' && !Array.isArray(options)) {
    return success(options as Record<string, unknown>);
  }
  return failure([invalidOption(['options'], '选项应为对象', 'options must be an object')]);
}

/** Whether `value` is `undefined` or a function-free plain value check passes. */
export function optional<Value>(
  value: unknown,
  check: (value: unknown) => value is Value,
): value is Value | undefined {
  return value === undefined || check(value);
}

/** Whether `value` is a string. */
export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** Whether `value` is a boolean. */
export function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

/** Whether `value` has a callable `has` method (a `Set`, a `Map`, or a caller's own set). */
export function isCodeSet(value: unknown): value is { has(code: string): boolean } {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { has?: unknown }).has === 'function'
  );
}

/** A failure from the first problem of a list, or `undefined` when there is none. */
export function failIfAny(issues: readonly Issue[]): Failure | undefined {
  return issues.length > 0 ? failure(issues) : undefined;
}
