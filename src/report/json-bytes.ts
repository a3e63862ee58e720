/**
 * Rows as JSON written straight into UTF-8 bytes: the same text as {@link createJsonSerializer} gives (and so as
 * `JSON.stringify` with ID numbers masked), byte for byte, without building a string per row and encoding it again.
 * The national table is 262 836 rows of ≈ 500 bytes, most of them the same in every row of an indicator (its
 * `baseline` and `target`, whose `source` is Chinese): those are encoded once and copied; short ASCII strings and
 * ordinary numbers are written a byte at a time; keys come from the row's shape, encoded once. Anything else (a long
 * string, a nested array, a number in exponent form) takes the text path for that value only, and a row that is not
 * plain data takes it whole — so the bytes always equal the text's.
 */

import { ByteOutput, RecentBytes, writeAscii, writePlainNumber, writePlainText } from './byte-output.js';
import {
  createJsonTextParts,
  EXOTIC,
  type JsonSerializerOptions,
  type JsonTextParts,
  jsonNumberText,
  stringifiedRow,
} from './json-text.js';

import { type ChunkSink, writeBytesTo } from './sink.js';

const encoder = new TextEncoder();

/** The keys of a row shape, each `"key":` encoded once, and the last string or constant seen under each. */
export interface Shape {
  readonly keys: readonly string[];
  readonly prefixes: readonly Uint8Array[];
  readonly constant: readonly boolean[];
  /** Per key: the bytes of the last strings written under it. */
  readonly recent: readonly RecentBytes[];
}

/** Shapes remembered: rows of a table have one or a few (a row with or without a baseline, a year), and nested ones. */
const SHAPE_LIMIT = 16;
/**
 * Objects and arrays this deep in a row are written byte by byte (a finding's `message` and `path` are 1 deep);
 * deeper ones go through the text path, which counts the depth on (its limit is 64).
 */
const NESTED_IN_BYTES = 4;
/** Constants' bytes remembered (one per indicator or rule of a table). */
const CONSTANT_LIMIT = 256;
const NULL = encoder.encode('null');
const TRUE = encoder.encode('true');
const FALSE = encoder.encode('false');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

/** Writes a string JSON leaves as it is (see {@link writePlainText}): quoted, no `"` or `\\`; false else. */
function writePlainString(out: ByteOutput, text: string): boolean {
  return writePlainText(out, text, QUOTE, BACKSLASH, true);
}

/** The keys of a plain object, or undefined for anything the text path must judge (arrays, classes, `toJSON`). */
function plainKeys(row: unknown): string[] | undefined {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
  const proto = Object.getPrototypeOf(row);
  if ((proto !== Object.prototype && proto !== null) || 'toJSON' in row) return undefined;
  return Object.keys(row);
}

/**
 * Creates a writer of rows as JSON bytes: `write(row, out)` appends to `out` exactly the UTF-8 of what
 * `createJsonSerializer(options)(row)` returns.
 *
 * @param options - the keys whose object values are constant parts
 * @returns the writer (it remembers shapes, constants and recurring strings: use one per output)
 *
 * @example
 * ```ts
 * import { ByteOutput, createJsonByteWriter } from 'shequ/report';
 * const write = createJsonByteWriter({ constantKeys: ['target'] });
 * const out = new ByteOutput();
 * write({ region: '130123000000', name: '身份证11010519491231002X', value: 79.8 }, out);
 * new TextDecoder().decode(out.bytes.subarray(0, out.used));
 * //=> '{"region":"130123000000","name":"身份证110105********002X","value":79.8}'
 * ```
 */
export function createJsonByteWriter(
  options: JsonSerializerOptions = {},
): (row: unknown, out: ByteOutput) => void {
  return createJsonBytes(options).write;
}

/**
 * The pieces of a JSON byte writer: `write` as {@link createJsonByteWriter} gives it, and what a writer of rows whose
 * keys are known in advance writes each value with — a shape of those keys (`"key":` encoded once each, recent
 * strings per key) and `writeValue`, which writes one value under a key of the shape as `write` would (false when the
 * row must go to `write` whole).
 */
export interface JsonBytes {
  readonly write: (row: unknown, out: ByteOutput) => void;
  readonly shapeOf: (keys: readonly string[]) => Shape;
  readonly writeValue: (out: ByteOutput, shape: Shape, i: number, value: unknown, depth: number) => boolean;
}

/** The pieces of a JSON byte writer (see {@link JsonBytes}); one set of memo tables per output. */
export function createJsonBytes(options: JsonSerializerOptions = {}): JsonBytes {
  const parts: JsonTextParts = createJsonTextParts(options);
  const constantKeys = new Set(options.constantKeys ?? []);
  const shapes: Shape[] = [];
  /** Constants' texts → their bytes (a table's rows take turns among the constants of its indicators or rules). */
  const constantBytes = new Map<string, Uint8Array>();

  const shapeOf = (keys: readonly string[]): Shape => {
    for (const shape of shapes) {
      if (shape.keys.length !== keys.length) continue;
      let same = true;
      for (let i = 0; i < keys.length && same; i++) same = shape.keys[i] === keys[i];
      if (same) return shape;
    }
    const shape: Shape = {
      keys: keys.slice(),
      prefixes: keys.map((key) => encoder.encode(parts.keyText(key))),
      constant: keys.map((key) => constantKeys.has(key)),
      recent: keys.map(() => new RecentBytes()),
    };
    if (shapes.length >= SHAPE_LIMIT) shapes.shift();
    shapes.push(shape);
    return shape;
  };

  /**
   * Writes a string under key `i` of the shape: the bytes remembered for it (the last value, or one taking turns with
   * others), else plain ASCII directly or its text — remembered when short. The bytes of a string under a key are
   * always the same (masking depends on the key and the text only).
   */
  const writeString = (out: ByteOutput, shape: Shape, i: number, value: string): void => {
    const recent = shape.recent[i] as RecentBytes;
    const known = recent.find(value);
    if (known !== undefined) {
      out.copy(known);
      return;
    }
    const start = out.used;
    if (!writePlainString(out, value)) out.text(parts.stringUnder(shape.keys[i] as string, value));
    recent.rememberWritten(value, out, start);
  };

  /** Writes a constant object: its bytes, encoded once per text (the text path checks the object is unchanged). */
  const writeConstant = (out: ByteOutput, value: object, depth: number): boolean => {
    const text = parts.constant(value, depth); // the same string object while the constant is unchanged
    if (text === EXOTIC) return false;
    let bytes = constantBytes.get(text);
    if (bytes === undefined) {
      if (constantBytes.size >= CONSTANT_LIMIT) constantBytes.clear();
      bytes = encoder.encode(text);
      constantBytes.set(text, bytes);
    }
    out.copy(bytes);
    return true;
  };

  /** Writes a number as its text path writes it: plain digits, else its JSON text (ASCII, masked where it must be). */
  const writeNumber = (out: ByteOutput, value: number): void => {
    if (!writePlainNumber(out, value)) writeAscii(out, jsonNumberText(value));
  };

  /**
   * Writes an object or an array `depth` deep in the row: plain ones byte by byte while shallow (a finding's message
   * and path), anything else through the text path, which judges it at the same depth. False when the row must go
   * to JSON.stringify.
   */
  const writeNested = (out: ByteOutput, value: object, depth: number): boolean => {
    if (depth <= NESTED_IN_BYTES) {
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) === Array.prototype && !('toJSON' in value))
          return writeArray(out, value, depth);
      } else {
        const keys = plainKeys(value);
        if (keys !== undefined) return writeObject(out, value as Record<string, unknown>, keys, depth);
      }
    }
    const text = parts.value(value, depth);
    if (text === EXOTIC || text === undefined) return false;
    out.text(text);
    return true;
  };

  /** Writes an array's elements as JSON does (`null` for what it leaves out); false as {@link writeNested}. */
  const writeArray = (out: ByteOutput, array: readonly unknown[], depth: number): boolean => {
    out.reserve(1);
    out.byte(0x5b);
    for (let i = 0; i < array.length; i++) {
      if (i > 0) {
        out.reserve(1);
        out.byte(COMMA);
      }
      const value = array[i];
      if (typeof value === 'string') {
        if (!writePlainString(out, value)) out.text(parts.value(value, depth + 1) as string);
      } else if (typeof value === 'number') writeNumber(out, value);
      else if (
        value === null ||
        value === undefined ||
        typeof value === 'function' ||
        typeof value === 'symbol'
      )
        out.copy(NULL);
      else if (typeof value === 'boolean') out.copy(value ? TRUE : FALSE);
      else if (typeof value !== 'object' || !writeNested(out, value, depth + 1)) return false; // a bigint too
    }
    out.reserve(1);
    out.byte(0x5d);
    return true;
  };

  /** Writes one value under key `i` of an object `depth` deep; false when the whole row must take the text path. */
  const writeValue = (out: ByteOutput, shape: Shape, i: number, value: unknown, depth: number): boolean => {
    if (typeof value === 'string') writeString(out, shape, i, value);
    else if (typeof value === 'number') writeNumber(out, value);
    else if (value === null) out.copy(NULL);
    else if (typeof value === 'boolean') out.copy(value ? TRUE : FALSE);
    else if (typeof value !== 'object')
      return false; // a bigint: JSON.stringify decides
    else if (shape.constant[i]) return writeConstant(out, value, depth + 1);
    else return writeNested(out, value, depth + 1);
    return true;
  };

  /**
   * Writes a plain object's keys and values, the object `depth` deep in the row (0: the row); false (the caller
   * rewinds) when a value needs the text path.
   */
  const writeObject = (
    out: ByteOutput,
    row: Record<string, unknown>,
    keys: readonly string[],
    depth: number,
  ): boolean => {
    const shape = shapeOf(keys);
    out.reserve(1);
    out.byte(0x7b);
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const value = row[keys[i] as string];
      // JSON leaves these keys out.
      if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
      if (!first) {
        out.reserve(1);
        out.byte(COMMA);
      }
      first = false;
      out.copy(shape.prefixes[i] as Uint8Array);
      if (!writeValue(out, shape, i, value, depth)) return false;
    }
    out.reserve(1);
    out.byte(0x7d);
    return true;
  };

  const write = (row: unknown, out: ByteOutput): void => {
    const keys = plainKeys(row);
    if (keys === undefined) {
      out.text(parts.row(row));
      return;
    }
    const start = out.used;
    try {
      if (writeObject(out, row as Record<string, unknown>, keys, 0)) return;
    } catch (error) {
      // A getter threw (as it would in JSON.stringify): the row's bytes written so far are taken back, so that a
      // caller who catches it and writes on has only whole rows in `out`, as the text path leaves it.
      out.used = start;
      throw error;
    }
    out.used = start;
    // A value the text path also stops at, after reading the same values: the row goes to JSON.stringify as it does
    // there, not through the text path again, so a getter is read as often as the text path reads it.
    out.text(stringifiedRow(row));
  };

  return { write, shapeOf, writeValue };
}

/** Rows are handed to the sink in pieces of about this many bytes (the sink copies them into its chunks). */
const FLUSH_BYTES = 1 << 16;

/** How rows are laid out: text before the first, between two, after the last, and instead of all when none. */
export interface RowLayout {
  readonly first: string;
  readonly separator: string;
  readonly end: string;
  readonly empty: string;
  /** After every row. */
  readonly lineEnd: string;
}

/** A JSON array, one row per line: `[\n{…},\n{…}\n]\n`, `[]\n` when there are none. */
export const JSON_ARRAY_LAYOUT: RowLayout = {
  first: '[\n',
  separator: ',\n',
  end: '\n]\n',
  empty: '[]\n',
  lineEnd: '',
};
/** JSON Lines: `{…}\n` each. */
export const JSON_LINES_LAYOUT: RowLayout = { first: '', separator: '', end: '', empty: '', lineEnd: '\n' };

/**
 * Writes items through a row writer in a layout, the bytes handed to the sink about 64 kB at a time, awaiting it only
 * when it asks to wait.
 *
 * @param items - the items, taken one at a time (a generator is never collected)
 * @param sink - where the bytes go (a text sink is given them decoded)
 * @param writeRow - writes one item's bytes
 * @param layout - what goes around and between the rows
 * @returns when every item is in the sink (call `sink.end()` after)
 */
export async function writeRowsAsBytes<Item>(
  items: Iterable<Item>,
  sink: ChunkSink,
  writeRow: (row: Item, out: ByteOutput) => void,
  layout: RowLayout,
): Promise<void> {
  const out = new ByteOutput(FLUSH_BYTES * 2);
  const encode = (text: string) => encoder.encode(text);
  const [first, separator, lineEnd] = [
    encode(layout.first),
    encode(layout.separator),
    encode(layout.lineEnd),
  ];
  const flush = (): Promise<unknown> | undefined => {
    const wait = writeBytesTo(sink, out.bytes.subarray(0, out.used));
    out.used = 0;
    return wait;
  };
  let none = true;
  for (const item of items) {
    out.copy(none ? first : separator);
    none = false;
    writeRow(item, out);
    out.copy(lineEnd);
    if (out.used >= FLUSH_BYTES) {
      const wait = flush();
      if (wait !== undefined) await wait;
    }
  }
  out.text(none ? layout.empty : layout.end);
  if (out.used > 0) {
    const wait = flush();
    if (wait !== undefined) await wait;
  }
}

/**
 * Writes items as JSON through a row writer: a JSON array one item per line or JSON Lines (see
 * {@link writeRowsAsBytes}).
 *
 * @param items - the items
 * @param sink - where the bytes go
 * @param writeRow - a writer from {@link createJsonByteWriter}
 * @param layout - `'array'` or `'lines'`
 * @returns when every item is in the sink (call `sink.end()` after)
 */
export function writeJsonRowsAsBytes<Item>(
  items: Iterable<Item>,
  sink: ChunkSink,
  writeRow: (row: Item, out: ByteOutput) => void,
  layout: 'array' | 'lines',
): Promise<void> {
  return writeRowsAsBytes(items, sink, writeRow, layout === 'array' ? JSON_ARRAY_LAYOUT : JSON_LINES_LAYOUT);
}
