import { DIVISION_LEVELS } from '../codes/division-code.js';
import { extraDataKeys } from '../core/distinct-key.js';
import { STATISTICS_FIELD_KEYS, type StatisticsFieldKey, statisticsField } from '../model/fields.js';
import { statisticsFieldAppliesTo } from '../model/row-kind-predicates.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { BYTE_KIND_CODE, convertByteCell, FLAG_KIND_CODE, NOT_PLAIN, readPlainAt } from './byte-cells.js';
import { acceptedRowOf, type CellValue, compileRules, INDEX_OF_KEY } from './compiled-row.js';
import type { ResumableCsvParser } from './csv-parser.js';
import type { AcceptedRow, ReaderEvent } from './row-reader.js';
import {
  byteClasses,
  CONTINUATION,
  DELIMITER,
  FOUR_BYTE_LEAD,
  isCharacterOfFour,
  isCharacterOfThree,
  isContinuation,
  LEAD_OF_FOUR,
  LEAD_OF_THREE,
  LEAD_OF_TWO,
  LINE_FEED,
  PLAIN,
  QUOTE,
  RETURN,
  STRANGE,
  UNIT_CLASSES,
} from './utf8-classes.js';
import { valuesView } from './values-view.js';

// The byte reader: the fast path of UTF-8 streams once their header is found. It reads whole lines of a chunk
// straight from the bytes — cells split at the delimiter byte, numbers, flags and kinds converted from their bytes,
// each character checked as UTF-8 (no overlong form, surrogate or U+FFFD) where the scan meets it — into the same
// accepted rows, with the same lines, as the string path (csv-parser.ts + row-reader.ts). Whatever is not plain goes
// to the string path, which stays the specification: a record with a quote, a lone CR, too many or too few cells, a
// character that is not UTF-8, a cell the byte converters decline, a row that is not accepted (the string path says
// why), a blank line — that line is given to the string parser, and after 16 such lines in a row, the rest of the
// chunk. When the decoder may hold part of a character (the chunk before ended inside one) or the string parser is
// inside a record (a quoted field spanning lines), the string path reads the chunk up to its first LF, then the rest
// too if a quote is still open. The two take turns only at line starts: the byte reader keeps the bytes after a
// chunk's last LF for the next chunk, so the decoder never holds half a character at a turn. Without a sink, a chunk
// is decoded once — text fields and extra data are sliced from its text, and a chunk whose text holds U+FFFD goes to
// the string path whole; with a sink (rows not kept), a chunk is not decoded at all: text fields a unit row may carry
// (the name) are checked but not read, and only the lines given to the string path are decoded.

/** What the byte reader shares with the string path of its stream. */
export interface ByteReaderParts {
  /** The string parser of the stream. */
  readonly parser: ResumableCsvParser;
  /** Decodes bytes with the stream's decoder (already started, UTF-8). */
  readonly decode: (bytes: Uint8Array) => string;
  /** Parses text with the string parser and reads its records into events. */
  readonly parse: (text: string, into: EventSink) => void;
  /** Counts a row accepted here as the row reader counts its own. */
  readonly countAccepted: () => void;
  /** The field of each header column (`null`: extra data) and the header cells. */
  readonly fields: readonly (StatisticsFieldKey | null)[];
  readonly names: readonly string[];
  /** The delimiter (an ASCII byte) and the longest line read here, in bytes (below the parser's limits). */
  readonly delimiter: number;
  readonly longestLine: number;
  /** The last byte given to the decoder was ASCII: it holds no part of a character. */
  readonly decoderClean: boolean;
  /** Where the rows this reader accepts go at once, not as events (see {@link RowSink}). */
  readonly sink?: RowSink | undefined;
}

/**
 * Takes each row the byte reader accepts, as it is read, instead of a `row` event: the indicators job when it keeps
 * no row (pipeline/indicators.ts). The row is a view of the reader's values (values-view.ts), read during the call
 * and never kept; the rows of the string path still come as events. The byte reader accepts only unit rows (a
 * village-level code), which the accumulator sums in any order; township and total rows, whose order matters (the
 * first total of a region counts), all come as events. The view's text fields (the name) read `undefined`: their
 * cells are checked (valid UTF-8, no U+FFFD) but not decoded, for the sink is the built-in accumulator, whose
 * measures read no text (a test holds it).
 */
export type RowSink = (row: UnitStatistics, line: number) => void;

/** What the line reader gives for a row handed to the sink. */
const SUNK: unique symbol = Symbol('sunk');

/** Where events go (a batch of the stream). */
export interface EventSink {
  push(event: ReaderEvent): unknown;
}

/** The byte reader of a stream. */
export interface ByteRecordReader {
  /** Reads a chunk of bytes: the events of the lines it completes go to `into`. */
  push(chunk: Uint8Array, into: EventSink): void;
  /**
   * The bytes after the last line end, not read yet: the caller decodes and parses them before anything else (the
   * byte reader then lets the string path read up to the next LF first).
   */
  takeCarry(): Uint8Array | undefined;
}

/**
 * Lines in a row that are not plain after which the rest of a chunk goes to the string path: a sheet none of whose
 * lines is plain costs the byte reader a few lines per chunk, not a line-by-line handover.
 */
const MISSES_BEFORE_STRING_PATH = 16;

/**
 * A text field a sink does not need converted: one that every unit row may carry and none must (a sink is handed
 * only unit rows, and the built-in accumulator reads no text). Its cells are scanned as extra data's are: never set,
 * the field cannot make the row rules refuse a row, so it must be one they would not refuse for it either.
 */
function unreadBySink(field: StatisticsFieldKey): boolean {
  const entry = statisticsField(field);
  const kinds = statisticsFieldAppliesTo(field);
  return (
    entry.kind === 'text' &&
    entry.required !== true &&
    kinds.includes('community') &&
    kinds.includes('village')
  );
}

/** The level index of the codes the byte reader takes (codeBytes: 12 digits naming a village-level division). */
const VILLAGE_LEVEL_INDEX = DIVISION_LEVELS.indexOf('village');

/** Joins the bytes kept from the last chunk with the next one. */
function joined(carry: Uint8Array | undefined, chunk: Uint8Array): Uint8Array {
  if (carry === undefined) return chunk;
  const out = new Uint8Array(carry.length + chunk.length);
  out.set(carry, 0);
  out.set(chunk, carry.length);
  return out;
}

/** Creates the byte reader of a stream whose header the string path has found. */
export function createByteRecordReader(parts: ByteReaderParts): ByteRecordReader {
  const { parser, decode, parse } = parts;
  const convertLine = compileByteLine(parts);
  let carry: Uint8Array | undefined;
  // The decoder may hold part of a character (the header's chunk ended inside one, a chunk without LF was decoded):
  // the string path reads up to the next LF first.
  let dirty = !parts.decoderClean;

  return {
    push(chunk, into) {
      const bytes = joined(carry, chunk);
      carry = undefined;
      const cut = bytes.lastIndexOf(10) + 1;
      if (cut === 0) {
        // No line end: nothing to take turns at; the string path reads it as it always did.
        parse(decode(bytes), into);
        dirty = true;
        return;
      }
      let region = cut === bytes.length ? bytes : bytes.subarray(0, cut);
      // A copy, not a view: a source may reuse its buffer for the next chunk (a read loop into one array). Not
      // `slice`: a Node Buffer's is a view.
      if (cut < bytes.length) carry = new Uint8Array(bytes.subarray(cut));
      if (dirty || parser.idleLine() < 0) {
        // The decoder may hold part of a character, the parser part of a record: the string path reads up to the
        // first LF, then the byte reader takes the rest unless a quote is still open (a record spanning lines).
        const head = region.indexOf(10) + 1;
        parse(decode(region.subarray(0, head)), into);
        dirty = false;
        region = region.subarray(head);
        if (region.length === 0) return;
        if (parser.idleLine() < 0) {
          parse(decode(region), into);
          return;
        }
      }
      if (parts.sink !== undefined) {
        // No text is read for a sink (see compileByteLine): the lines' bytes are checked as UTF-8 as they are scanned,
        // and only the lines given to the string path are decoded.
        convertLine.region(region, undefined, into);
        return;
      }
      const text = decode(region); // ends with LF: the decoder holds nothing after it
      if (text.indexOf('\uFFFD') !== -1) {
        parse(text, into);
        return;
      }
      convertLine.region(region, text, into);
    },
    takeCarry() {
      const taken = carry;
      carry = undefined;
      dirty = true; // the string path reads what comes next (the decoder may hold half a character)
      return taken;
    },
  };
}

/** `extra` with the cell of an unknown column added under its `key` when it is not blank, as compiled-row.ts keeps it. */
function withExtra(
  extra: Record<string, string> | undefined,
  key: string,
  cell: string,
): Record<string, string> | undefined {
  if (cell.trim() === '') return extra;
  const out = extra ?? (Object.create(null) as Record<string, string>);
  out[key] = cell;
  return out;
}

/**
 * The line reader of a header: `region(bytes, text, into)` reads the lines of `bytes` (ending with LF, the parser
 * idle at its start; `text` its decoding, then valid UTF-8, or `undefined` with a sink: any bytes, each line given to
 * the string path decoded alone), each into an accepted row or, when not plain, through the string parser.
 */
function compileByteLine(parts: ByteReaderParts) {
  const { parser, parse, decode, fields, names, countAccepted, longestLine, sink } = parts;
  const classes = byteClasses(parts.delimiter);
  const width = fields.length;
  const slotOf = new Int32Array(width).fill(-1);
  const kindOf = new Uint8Array(width);
  for (let column = 0; column < width; column++) {
    const field = fields[column];
    if (field === null || field === undefined || (sink !== undefined && unreadBySink(field))) continue;
    slotOf[column] = INDEX_OF_KEY.get(field) as number;
    kindOf[column] = BYTE_KIND_CODE[statisticsField(field).kind];
  }
  const present = STATISTICS_FIELD_KEYS.flatMap((key, index) => (fields.includes(key) ? [index] : []));
  const values: CellValue[] = STATISTICS_FIELD_KEYS.map(() => undefined);
  // codeBytes takes only village-level codes (a township key): the rules need not read the code's level again.
  const rules = compileRules(present, VILLAGE_LEVEL_INDEX);
  const extraKeyOf = extraDataKeys(names, fields);
  const view = valuesView(values);
  // readPlainAt reads digits (and an area's point) to the first other byte: a delimiter that is a digit or a point
  // (a valid one) would be read as part of the number, so every cell is scanned to its delimiter first then.
  const delimiterInNumbers = (parts.delimiter >= 48 && parts.delimiter <= 57) || parts.delimiter === 46;
  // UTF-16 index of byte `at` of the region = at + shift (valid UTF-8: each sequence is one unit, or two for four
  // bytes; with a sink there is no text and the shift is not used); `scanned`: the byte the last line scan stopped
  // at; `lineRead`: that scan went past the line's LF.
  let shift = 0;
  let scanned = 0;
  let lineRead = false;

  /** Moves the scan from `scanned` to just past the next LF; returns that position. */
  function skipToLineEnd(bytes: Uint8Array): number {
    let at = scanned;
    let s = shift;
    for (;;) {
      const kind = UNIT_CLASSES[bytes[at] as number] as number;
      at++;
      if (kind === LINE_FEED) break;
      if (kind === CONTINUATION) s--;
      else if (kind === FOUR_BYTE_LEAD) s++;
    }
    shift = s;
    scanned = at;
    return at;
  }

  /** The row of the line at `start` when it is plain and accepted; `scanned` ends where the scan stopped. */
  function lineRow(
    bytes: Uint8Array,
    start: number,
    text: string | undefined,
    line: number,
  ): AcceptedRow | typeof SUNK | undefined {
    // Locals, not the closure's slots, in the loop below.
    const classOf = classes;
    const slots = slotOf;
    const kinds = kindOf;
    const cells = values;
    for (let i = 0; i < present.length; i++) cells[present[i] as number] = undefined;
    let extra: Record<string, string> | undefined;
    let s = shift;
    let at = start;
    let column = 0;
    for (;;) {
      const cellStart = at;
      const textStart = at + s;
      let kind = PLAIN;
      // A number or a flag in its common spelling is read in one pass; anything else is scanned, then converted.
      let read = false;
      const slot = column < width ? (slots[column] as number) : -1;
      const kindCode = slot === -1 ? -1 : (kinds[column] as number);
      const after = slot === -1 || delimiterInNumbers ? -1 : readPlainAt(kindCode, bytes, at, cells, slot);
      if (after !== -1) {
        kind = classOf[bytes[after] as number] as number;
        read = kind === DELIMITER || kind === LINE_FEED || kind === RETURN;
        if (read) {
          at = after;
          if (kindCode === FLAG_KIND_CODE) s -= 2;
        }
      }
      // Each character is checked as UTF-8 (a sink's lines are not decoded) and is not U+FFFD (which the string path
      // may refuse): anything else is STRANGE, and the line goes to the string path.
      if (!read) {
        for (;;) {
          kind = classOf[bytes[at] as number] as number;
          if (kind === PLAIN) at++;
          else if (kind === LEAD_OF_THREE) {
            if (!isCharacterOfThree(bytes, at)) {
              kind = STRANGE;
              break;
            }
            at += 3;
            s -= 2;
          } else if (kind === LEAD_OF_TWO) {
            if (!isContinuation(bytes[at + 1])) {
              kind = STRANGE;
              break;
            }
            at += 2;
            s -= 1;
          } else if (kind === LEAD_OF_FOUR) {
            if (!isCharacterOfFour(bytes, at)) {
              kind = STRANGE;
              break;
            }
            at += 4;
            s -= 2;
          } else break;
        }
      }
      if (kind === QUOTE || kind === STRANGE || column >= width) break;
      const end = at;
      if (kind === RETURN) {
        if (bytes[at + 1] !== 10) break; // a lone CR: a line end of its own, for the string parser
        at++; // CR LF: the LF ends the line below
      }
      if (end > cellStart && !read) {
        const textEnd = end + s;
        if (slot === -1) {
          // Extra data is never refused here (its characters were checked above); the sink does not read it.
          if (sink === undefined)
            extra = withExtra(extra, extraKeyOf(column), (text as string).slice(textStart, textEnd));
        } else {
          const value = convertByteCell(kindCode, bytes, cellStart, end, text as string, textStart, textEnd);
          if (value === NOT_PLAIN) break;
          cells[slot] = value;
        }
      }
      column++;
      at++;
      if (kind !== DELIMITER) {
        // At the LF: the line is read.
        shift = s;
        scanned = at;
        lineRead = true;
        if (column !== width || at - start > longestLine) return undefined;
        if (sink === undefined) return acceptedRowOf(values, present, rules, line, extra);
        if (!rules(values)) return undefined;
        sink(view, line);
        return SUNK;
      }
    }
    shift = s;
    scanned = at;
    lineRead = false;
    return undefined;
  }

  return {
    region(bytes: Uint8Array, text: string | undefined, into: EventSink): void {
      let line = parser.idleLine();
      shift = 0;
      scanned = 0;
      let start = 0;
      let misses = 0; // lines in a row given to the string path
      while (start < bytes.length) {
        const startShift = shift;
        const accepted = lineRow(bytes, start, text, line);
        const next = lineRead ? scanned : skipToLineEnd(bytes);
        if (accepted !== undefined) {
          countAccepted();
          if (accepted !== SUNK) into.push({ kind: 'row', accepted });
          line++;
          misses = 0;
        } else {
          // Not plain, or not accepted: the string path reads the line (and says why).
          parser.resumeAt(line);
          parse(
            text === undefined
              ? decode(bytes.subarray(start, next))
              : text.slice(start + startShift, next + shift),
            into,
          );
          line = parser.idleLine();
          // Inside a record (a quote opened), or a chunk of lines that are not plain (a sheet that quotes every cell,
          // spells its flags otherwise): the rest of the chunk is the parser's.
          if (line < 0 || ++misses >= MISSES_BEFORE_STRING_PATH) {
            parse(text === undefined ? decode(bytes.subarray(next)) : text.slice(next + shift), into);
            return;
          }
        }
        start = next;
      }
      parser.resumeAt(line);
    },
  };
}
