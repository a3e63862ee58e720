/**
 * The JSON text of result rows, fast and exact: for every value it gives what the CLI has always written —
 * `JSON.stringify(value, maskStrings)` (every string masked before it is escaped) passed through the output's ID
 * filter (`maskIdNumbersInText` over the text) — byte for byte, with the same key order.
 *
 * Why it is exact piece by piece: the ID detector reads runs of digits, X and separators, and a run ends at any other
 * character. Every piece this serialiser writes — a key with its colon, a string with its quotes, a number, a
 * literal, an object or array with its brackets — begins and ends at such a character (`"`, `:`, `,`, `{`, `}`, `[`,
 * `]`), so masking the whole text is masking each piece, and a piece can be masked once and reused. A string is
 * masked, escaped, and masked again only when escaping wrote something (`\u0001` writes digits; `\t` breaks a run);
 * a number is masked when its text has 15 characters or more (a 16-digit sum could hold an ID-shaped window).
 *
 * The constant part of a row — the `target` of an indicator, the `source` of a finding, the same object in every row
 * of that indicator or rule — is serialised once and spliced in while the object is unchanged (checked by identity,
 * then by its keys and values, so a caller who mutates it still gets its current text). Anything that is not plain
 * data (a `toJSON`, a class instance, a bigint, nesting deeper than 64) sends the whole row to `JSON.stringify`.
 */
import { maskIdNumbersInText } from '../core/mask.js';
import { numberText as decimalText } from '../core/number-text.js';
import { RecurrenceSample } from './recurrence.js';

/** Characters JSON.stringify escapes: quote, backslash, controls, surrogates (a lone one is escaped). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** Strings at least this long are remembered (shorter ones cost less to redo than to look up). */
const MEMO_MIN_LENGTH = 12;
/** Bounds of the memo tables: they are cleared when full, so unique names never pile up. */
const MEMO_LIMIT = 4096;
const CONSTANT_LIMIT = 256;
const MAX_DEPTH = 64;

/** A value the fast path does not handle: the whole row goes to JSON.stringify. */
export const EXOTIC: unique symbol = Symbol('exotic');

/** The replacer of the CLI's JSON: every string masked before it is escaped. */
const maskStrings = (_key: string, value: unknown) =>
  typeof value === 'string' ? maskIdNumbersInText(value) : value;

/** A row through `JSON.stringify` with every string masked, the text masked again (`null` when JSON writes nothing). */
export function stringifiedRow(row: unknown): string {
  const text = JSON.stringify(row, maskStrings) as string | undefined;
  return text === undefined ? 'null' : maskIdNumbersInText(text);
}

/**
 * A value only `JSON.stringify` can write (one with a `toJSON`, a class instance), as it writes it under a key of a
 * row (masked like {@link stringifiedRow}); `undefined` where it leaves the key out.
 */
export function stringifiedValue(value: unknown): string | undefined {
  const text = JSON.stringify(value, maskStrings) as string | undefined;
  return text === undefined ? undefined : maskIdNumbersInText(text);
}

/** Frozen, with data properties only: its keys and values cannot change (a getter's could, frozen or not). */
function frozenData(object: object): boolean {
  if (!Object.isFrozen(object)) return false;
  for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(object)))
    if (!('value' in descriptor)) return false;
  return true;
}

/** A string as JSON text, masked as the CLI's JSON and its output filter together mask it. */
function stringText(text: string): string {
  const masked = maskIdNumbersInText(text);
  if (!NEEDS_ESCAPE.test(masked)) return `"${masked}"`;
  return maskIdNumbersInText(JSON.stringify(masked));
}

/**
 * A number as JSON text (non-finite numbers are `null`), masked when long enough to hold an ID-shaped run: what the
 * CLI's JSON writes for it.
 *
 * A number from 0.1 to below 10^14 is never masked, however long its text (`26.03093883357041`): the masker reads a
 * decimal's integer part alone (at most 14 digits here, an ID needs 15) and its fraction only for an 18-digit window
 * that starts in it, and such a number prints at most 17 significant digits, no more than 17 in its fraction. So the
 * masker, a tenth of `validate`'s text time, is skipped for it.
 *
 * @param value - a number
 * @returns its JSON text, masked where an ID-shaped run could hide in it
 *
 * @example
 * ```ts
 * [jsonNumberText(26.03093883357041), jsonNumberText(110105194912310020), jsonNumberText(Number.NaN)];
 * //=> ['26.03093883357041', '110105********0020', 'null']
 * ```
 */
export function jsonNumberText(value: number): string {
  if (!Number.isFinite(value)) return 'null';
  const text = decimalText(value); // not String(value): see core/number-text.ts
  if (text.length < 15) return text;
  const size = value < 0 ? -value : value;
  return size >= 0.1 && size < 1e14 ? text : maskIdNumbersInText(text);
}

/** A key's `"key":` text, and whether the strings under it recur (else they are not remembered). */
interface KeyEntry {
  readonly text: string;
  readonly recurrence: RecurrenceSample;
}

/** A flat object serialised once: its keys and values at that time, to see whether it is still the same. */
interface ConstantEntry {
  readonly keys: readonly string[];
  readonly values: readonly unknown[];
  readonly text: string;
  /** The object was frozen when serialised: it is still the same, no need to compare. */
  readonly frozen: boolean;
  /** Its prototype then (`Object.prototype` or null: else it had no text of its own). */
  readonly proto: object | null;
}

/**
 * Options of {@link createJsonSerializer}.
 *
 * @example
 * ```ts
 * const options: JsonSerializerOptions = { constantKeys: ['target'] };
 * ```
 */
export interface JsonSerializerOptions {
  /** Keys whose (flat) object values recur from row to row and are serialised once. */
  readonly constantKeys?: readonly string[];
}

/**
 * A serialiser of rows to JSON text: `serialize(row)` equals
 * `maskIdNumbersInText(JSON.stringify(row, maskStrings))` for every JSON-serialisable row, faster (strings and the
 * constant objects are remembered, nothing goes through a replacer callback).
 *
 * @param options - the keys whose object values are constant parts
 * @returns the serialiser (it holds bounded memo tables: use one per output)
 *
 * @example
 * ```ts
 * const serialize = createJsonSerializer({ constantKeys: ['target'] });
 * serialize({ region: '130123000000', name: '身份证11010519491231002X', value: 1.5, reason: undefined });
 * //=> '{"region":"130123000000","name":"身份证110105********002X","value":1.5}'
 * ```
 */
export function createJsonSerializer(options: JsonSerializerOptions = {}): (row: unknown) => string {
  return createJsonTextParts(options).row;
}

/**
 * The pieces of {@link createJsonSerializer} for a writer that assembles a row itself (json-bytes.ts): each gives
 * exactly the text the whole-row serialiser gives that piece, with the same memo tables.
 */
export interface JsonTextParts {
  /** The text of a whole row (what {@link createJsonSerializer} returns). */
  readonly row: (row: unknown) => string;
  /** `"key":` as the output filter leaves it. */
  readonly keyText: (key: string) => string;
  /** A string value under `key`, quoted, escaped and masked. */
  readonly stringUnder: (key: string, text: string) => string;
  /** A constant object's text (remembered while unchanged), or EXOTIC; `depth`: its nesting in the row (1: a key's). */
  readonly constant: (object: object, depth?: number) => string | typeof EXOTIC;
  /**
   * Any value's text; `undefined` where JSON leaves it out; EXOTIC where only JSON.stringify can say. `depth`: its
   * nesting in the row (1, a key's value, by default), so that the depth limit falls where the whole-row text puts it.
   */
  readonly value: (value: unknown, depth?: number) => string | undefined | typeof EXOTIC;
}

/** The pieces of a serialiser (see {@link JsonTextParts}); one set of memo tables per output. */
export function createJsonTextParts(options: JsonSerializerOptions = {}): JsonTextParts {
  const constantKeys = new Set(options.constantKeys ?? []);
  const strings = new Map<string, string>();
  const keys = new Map<string, KeyEntry>();
  const constants = new Map<object, ConstantEntry>();

  const memoString = (text: string): string => {
    if (text.length < MEMO_MIN_LENGTH) return stringText(text);
    let json = strings.get(text);
    if (json === undefined) {
      if (strings.size >= MEMO_LIMIT) strings.clear();
      json = stringText(text);
      strings.set(text, json);
    }
    return json;
  };

  /** A string under a key: remembered while the key's strings recur (recurrence.ts). */
  const keyedString = (entry: KeyEntry, text: string): string => {
    if (entry.recurrence.rare || text.length < MEMO_MIN_LENGTH) return stringText(text);
    let json = strings.get(text);
    entry.recurrence.record(json !== undefined);
    if (json === undefined) {
      if (strings.size >= MEMO_LIMIT) strings.clear();
      json = stringText(text);
      strings.set(text, json);
    }
    return json;
  };

  /** `"key":` as the output filter leaves it (keys are not given to the replacer, only to the filter). */
  const keyEntry = (key: string): KeyEntry => {
    let entry = keys.get(key);
    if (entry === undefined) {
      if (keys.size >= MEMO_LIMIT) keys.clear();
      entry = { text: `${maskIdNumbersInText(JSON.stringify(key))}:`, recurrence: new RecurrenceSample() };
      keys.set(key, entry);
    }
    return entry;
  };

  /** JSON text of a value; `undefined` where JSON.stringify leaves it out; EXOTIC where the fast path stops. */
  function valueText(value: unknown, depth: number): string | undefined | typeof EXOTIC {
    switch (typeof value) {
      case 'string':
        return memoString(value);
      case 'number':
        return jsonNumberText(value);
      case 'boolean':
        return value ? 'true' : 'false';
      case 'undefined':
      case 'function':
      case 'symbol':
        return undefined;
      case 'object':
        if (value === null) return 'null';
        if (depth > MAX_DEPTH) return EXOTIC;
        if (Array.isArray(value)) return arrayText(value, depth);
        return objectText(value, depth);
      default:
        return EXOTIC; // bigint: JSON.stringify decides (it throws, unless the caller gave BigInt a toJSON)
    }
  }

  function arrayText(array: readonly unknown[], depth: number): string | typeof EXOTIC {
    // An array's toJSON (its own, or one given to Array.prototype) is called by JSON.stringify as an object's is.
    if (Object.getPrototypeOf(array) !== Array.prototype || 'toJSON' in array) return EXOTIC;
    let out = '[';
    for (let i = 0; i < array.length; i++) {
      const text = valueText(array[i], depth + 1);
      if (text === EXOTIC) return EXOTIC;
      out += `${i === 0 ? '' : ','}${text ?? 'null'}`;
    }
    return `${out}]`;
  }

  function objectText(object: object, depth: number): string | typeof EXOTIC {
    const proto = Object.getPrototypeOf(object);
    if ((proto !== Object.prototype && proto !== null) || 'toJSON' in object) return EXOTIC;
    const record = object as Record<string, unknown>;
    let out = '{';
    let first = true;
    for (const key of Object.keys(record)) {
      const value = record[key];
      const entry = keyEntry(key);
      const text =
        typeof value === 'string'
          ? keyedString(entry, value)
          : constantKeys.has(key) && typeof value === 'object' && value !== null
            ? constantText(value, depth + 1)
            : valueText(value, depth + 1);
      if (text === EXOTIC) return EXOTIC;
      if (text === undefined) continue;
      out += `${first ? '' : ','}${entry.text}${text}`;
      first = false;
    }
    return `${out}}`;
  }

  /** A constant object: its text from the table while its keys and values are those it was serialised with. */
  function constantText(object: object, depth: number): string | typeof EXOTIC {
    let entry = constants.get(object);
    // Its prototype replaced, or a toJSON given to it (or to Object.prototype): JSON.stringify would call that now.
    if (entry !== undefined && (Object.getPrototypeOf(object) !== entry.proto || 'toJSON' in object))
      entry = undefined;
    // Frozen when it was serialised (a catalogue's target): its keys and values cannot have changed since.
    if (entry?.frozen === true) return entry.text;
    const record = object as Record<string, unknown>;
    const now = Object.keys(record);
    if (entry !== undefined && now.length === entry.keys.length) {
      let same = true;
      for (let i = 0; i < now.length && same; i++)
        same = now[i] === entry.keys[i] && record[now[i] as string] === entry.values[i];
      if (same) return entry.text;
    }
    const text = valueText(object, depth);
    if (typeof text !== 'string') return EXOTIC; // an object always has a text, unless it is exotic
    const values = now.map((key) => record[key]);
    // Only flat objects are remembered: a nested object could change inside without the check seeing it, and an
    // array's text changes with its length while its keys stay (`list.length = 4` adds nulls, no key).
    if (!Array.isArray(object) && values.every((value) => value === null || typeof value !== 'object')) {
      if (constants.size >= CONSTANT_LIMIT) constants.clear();
      const proto = Object.getPrototypeOf(object) as object | null;
      constants.set(object, { keys: now, values, text, frozen: frozenData(object), proto });
    }
    return text;
  }

  return {
    row: (row: unknown): string => {
      const text = valueText(row, 0);
      if (typeof text === 'string') return text;
      // Not plain data (or nothing JSON can write): exactly what the CLI's JSON always gave.
      return stringifiedRow(row);
    },
    keyText: (key) => keyEntry(key).text,
    stringUnder: (key, text) => keyedString(keyEntry(key), text),
    constant: (object, depth = 1) => constantText(object, depth),
    value: (value, depth = 1) => valueText(value, depth),
  };
}
