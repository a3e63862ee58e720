import { createIssue } from '../core/issue.js';
import { ShequError } from '../core/result.js';
/**
 * One record of a CSV file: its fields and the 1-based physical line where it starts (every line counted: title
 * rows, blank lines, lines inside quoted fields).
 *
 * @example
 * ```ts
 * import type { CsvRecord } from 'shequ/io';
 * const record: CsvRecord = { line: 3, fields: ['130123100201', '西上泽村委会'] };
 * ```
 */
export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  readonly line: number;
  /** The fields, unquoted (of a broken record: what was kept, within the limits). */
  readonly fields: readonly string[];
  /**
   * Why the record is broken, when it is: a field, the record or its number of fields over a limit, or a quote never
   * closed (at the end of the input, or before the record limit).
   */
  readonly error?: 'field_too_long' | 'record_too_long' | 'too_many_fields' | 'unterminated_quote';
}

/**
 * Options of {@link createCsvParser}.
 *
 * @example
 * ```ts
 * import type { CsvParserOptions } from 'shequ/io';
 * const options: CsvParserOptions = { delimiter: ';', maxFieldLength: 5000 };
 * ```
 */
export interface CsvParserOptions {
  /** Field delimiter: one character, not a quote or a line break (default `,`). */
  readonly delimiter?: string;
  /** Longest field in characters (default 10 000); longer ones are cut and the record flagged. */
  readonly maxFieldLength?: number;
  /**
   * Longest record in characters, every character counted: delimiters, quotes and line breaks inside quotes
   * (default 100 000). A longer record is flagged and skipped to its end without being stored.
   */
  readonly maxRecordLength?: number;
  /** Most fields in a record (default 16 384, Excel's and WPS's column limit). */
  readonly maxFieldsPerRecord?: number;
}

/**
 * An incremental CSV parser (RFC 4180: quoted fields with delimiters, doubled quotes and line breaks; CRLF, LF or CR
 * line ends). Feed it text in chunks of any size; it returns the records completed so far. Records are cut the same
 * way however the text is chunked, and a broken record never swallows the ones after it (see docs/io.md).
 *
 * @example
 * ```ts
 * import { createCsvParser } from 'shequ/io';
 * const parser = createCsvParser();
 * parser.push('code,name\n1301231002');
 * parser.push('01,"西上泽, 村"\n');
 * parser.end();
 * //=> [] (both records were returned by the pushes: [{ line: 1, … }], then [{ line: 2, fields: ['130123100201', '西上泽, 村'] }])
 * ```
 */
export interface CsvParser {
  /** Parses more text; returns the records it completes. */
  push(text: string): CsvRecord[];
  /** Ends the input; returns the last records (a quote left open is rejected and the lines after it re-read). */
  end(): CsvRecord[];
}

/** Defaults of the parser's limits; see docs/io.md for why each value. */
export const CSV_LIMITS = { maxFieldLength: 10_000, maxRecordLength: 100_000, maxFieldsPerRecord: 16_384 };

/** The error of a parser created with bad options: one `invalid_option` issue per option, values never echoed. */
function parserOptionError(names: readonly string[]): ShequError {
  return new ShequError(
    names.map((name) =>
      createIssue(
        'invalid_option',
        {
          zh: `CSV 解析选项 ${name} 无效（分隔符为一个字符，不能是引号或换行；上限为正整数）`,
          en: `Invalid CSV parser option ${name} (the delimiter is one character, not a quote or line break; limits are positive integers)`,
        },
        { path: [name] },
      ),
    ),
  );
}

/** Names of the parser options that are not valid (`[]` when all are). Values are never echoed: they may be anything. */
export function invalidCsvOptions(options: CsvParserOptions): string[] {
  const invalid: string[] = [];
  const { delimiter } = options;
  if (
    delimiter !== undefined &&
    (typeof delimiter !== 'string' || delimiter.length !== 1 || delimiter === '"' || /[\r\n]/.test(delimiter))
  )
    invalid.push('delimiter');
  for (const name of ['maxFieldLength', 'maxRecordLength', 'maxFieldsPerRecord'] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) >= 1)) invalid.push(name);
  }
  return invalid;
}

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const AFTER_QUOTE = 3; // read a quote inside a quoted field: a doubled quote or the closing one

/**
 * Creates an incremental CSV parser.
 *
 * @param options - delimiter and limits
 * @returns the parser
 * @throws ShequError with an `invalid_option` issue per bad option (a factory of a parser, not a reader of data: bad
 * options are a programming error; the readers report them as issues in their results instead). Values are never
 * echoed. `push` given something other than text throws a ShequError with an `invalid_type` issue.
 *
 * @example
 * ```ts
 * import { createCsvParser } from 'shequ/io';
 * createCsvParser().push('a,"b ""c"""\r\n\r\nd\n');
 * //=> [{ line: 1, fields: ['a', 'b "c"'] }, { line: 2, fields: [''] }, { line: 3, fields: ['d'] }]
 * ```
 */
export function createCsvParser(options: CsvParserOptions = {}): CsvParser {
  return createResumableCsvParser(options);
}

/**
 * The parser of {@link createCsvParser} with what the byte reader (byte-records.ts) needs to take turns with it:
 * whether it stands at the start of a record with nothing pending, and setting the line it counts from.
 */
export interface ResumableCsvParser extends CsvParser {
  /** The line of the next record when the parser is at a record's start with nothing pending (no CR), else -1. */
  idleLine(): number;
  /** Sets the line of the next record (only when idle: the lines read meanwhile by the byte reader). */
  resumeAt(line: number): void;
  /** Line breaks read so far (CR, LF and CRLF one each; after `end()`, those of the whole input). */
  linesRead(): number;
}

/** Creates a {@link ResumableCsvParser} (internal: the public factory is {@link createCsvParser}). */
export function createResumableCsvParser(options: CsvParserOptions = {}): ResumableCsvParser {
  let settings: CsvParserOptions;
  try {
    // One read of each option (a getter may throw, or answer differently twice).
    const { delimiter, maxFieldLength, maxRecordLength, maxFieldsPerRecord } = options;
    settings = { delimiter, maxFieldLength, maxRecordLength, maxFieldsPerRecord } as CsvParserOptions;
  } catch {
    throw parserOptionError(['options']);
  }
  const invalid = options === null || typeof options !== 'object' ? ['options'] : invalidCsvOptions(settings);
  if (invalid.length > 0) throw parserOptionError(invalid);
  const delimiter = (settings.delimiter ?? ',').charCodeAt(0);
  const maxField = settings.maxFieldLength ?? CSV_LIMITS.maxFieldLength;
  const maxRecord = settings.maxRecordLength ?? CSV_LIMITS.maxRecordLength;
  const maxFields = settings.maxFieldsPerRecord ?? CSV_LIMITS.maxFieldsPerRecord;
  let state = FIELD_START;
  let fields: string[] = [];
  let field = '';
  let line = 1; // physical line of the character being read
  let recordLine = 1;
  let stored = 0; // characters of the record kept in its fields (at most maxRecord)
  let raw = 0; // every character of the record read so far
  let overLimit = false; // over a limit outside quotes: quotes are plain text until the end of the line
  let started = false; // the current record has begun
  let pendingCR = false; // a CR ended the previous chunk: a LF next is the same line break
  let inField = false; // the previous chunk ended inside an unquoted field that was being kept
  let quotedCR = false; // the last character read inside quotes was a CR
  let error: CsvRecord['error'];
  // Recovery from a quote left open: the line where it opened, and the text after the end of that line.
  let quoteLine = 0;
  let resumeKnown = false; // the quote's line has ended: `replay` (+ this chunk from `resumeAt`) is the rest
  let resumeAfterCR = false;
  let replay = '';

  // Fields are built from slices of the input, never a character at a time: no garbage per character.
  const append = (piece: string) => {
    if (piece.length === 0) return;
    const room = Math.min(maxField - field.length, maxRecord - stored);
    if (piece.length <= room) {
      field += piece;
      stored += piece.length;
      return;
    }
    if (room > 0) {
      field += piece.slice(0, room);
      stored += room;
    }
    error ??= maxField - field.length <= 0 ? 'field_too_long' : 'record_too_long';
  };
  const overflow = (why: 'record_too_long' | 'too_many_fields') => {
    error ??= why;
    overLimit = true;
  };
  /** Ends a field at a delimiter: kept while the record has room for more fields. */
  const endField = () => {
    if (fields.length < maxFields) fields.push(field);
    field = '';
    state = FIELD_START;
    if (fields.length >= maxFields) overflow('too_many_fields');
  };
  const finishRecord = (out: CsvRecord[]) => {
    if (fields.length < maxFields) fields.push(field);
    out.push(error === undefined ? { line: recordLine, fields } : { line: recordLine, fields, error });
    fields = [];
    field = '';
    error = undefined;
    stored = 0;
    raw = 0;
    overLimit = false;
    inField = false;
    started = false;
    state = FIELD_START;
    resumeKnown = false;
    replay = '';
  };
  /** Rejects the record of an open quote; returns the text to read again, from the line after the quote's. */
  const recover = (out: CsvRecord[], rest: string): string => {
    error = 'unterminated_quote';
    const again = replay + rest;
    finishRecord(out);
    line = quoteLine + 1;
    pendingCR = resumeAfterCR;
    quotedCR = false;
    return again;
  };

  /** Where to start reading a chunk: past a LF that ends the CR the previous chunk ended with. */
  const afterPendingLF = (text: string): number => {
    if (!pendingCR || text.length === 0) return 0; // an empty chunk must not forget the CR: its LF may come next
    pendingCR = false;
    return text.charCodeAt(0) === 10 ? 1 : 0;
  };

  // No closure touches feed's locals (text, n, i): they stay in registers in the hot loops.
  function feed(input: string, out: CsvRecord[]): void {
    let text = input;
    let n = text.length;
    let i = afterPendingLF(text);
    let resumeAt = resumeKnown ? 0 : -1; // where, in this chunk, the text after the open quote's line starts
    while (i < n) {
      if (!started) {
        recordLine = line;
        started = true;
      }
      if (state === QUOTED) {
        const stop = Math.min(n, i + (maxRecord - raw) + 1);
        let j = i;
        for (; j < stop; j++) {
          const c = text.charCodeAt(j);
          if (c === 34) break;
          if (c === 13 || (c === 10 && !quotedCR)) {
            line++;
            if (!resumeKnown) {
              resumeKnown = true;
              resumeAfterCR = c === 13;
              resumeAt = j + 1;
            }
          }
          quotedCR = c === 13;
        }
        append(text.slice(i, j));
        raw += j - i;
        if (j < n && text.charCodeAt(j) === 34) {
          raw++;
          quotedCR = false;
          state = AFTER_QUOTE;
          i = j + 1;
          if (raw > maxRecord) overflow('record_too_long');
          continue;
        }
        // The chunk ended inside the quotes: wait for the next character, even one past the limit — where the text is
        // not cut there, the character after the limit is looked at (a closing quote there closes the field).
        if (j === n) break;
        if (resumeKnown) {
          // Past the record limit inside quotes: a stray quote. Reject the record, read again after its line.
          text = recover(out, resumeAt >= 0 ? text.slice(resumeAt) : '');
          n = text.length;
          i = afterPendingLF(text);
          resumeAt = -1;
          continue;
        }
        // The quote's own line is over the limit: the record ends with that line.
        overflow('record_too_long');
        state = UNQUOTED;
        i = j;
        continue;
      }
      if (state === AFTER_QUOTE) {
        const c = text.charCodeAt(i);
        if (!overLimit && c === 34) {
          append('"');
          raw++;
          state = QUOTED;
          i++;
          if (raw > maxRecord) overflow('record_too_long');
          continue;
        }
        if (resumeKnown && !overLimit && c !== delimiter && c !== 10 && c !== 13) {
          // Text right after the quote that closed a field spanning lines: that quote opened another field, so
          // the field's own opening quote was a stray one. Reject the record, read again after the quote's line.
          text = recover(out, resumeAt >= 0 ? text.slice(resumeAt) : '');
          n = text.length;
          i = afterPendingLF(text);
          resumeAt = -1;
          continue;
        }
        resumeKnown = false; // the quote closed the field; what follows up to the delimiter is kept as it is
        replay = '';
        resumeAt = -1;
        state = UNQUOTED;
      } else if (state === FIELD_START && !overLimit && text.charCodeAt(i) === 34) {
        state = QUOTED;
        quoteLine = line;
        resumeKnown = false;
        replay = '';
        raw++;
        i++;
        if (raw > maxRecord) overflow('record_too_long');
        continue;
      }
      // Over a limit with nothing more to keep: only the line end matters (a 200 MB line of commas is skipped fast).
      // Decided where a field starts, never again inside one the last chunk ended in (the same however it is cut).
      const skipping = !inField && overLimit && (fields.length >= maxFields || stored >= maxRecord);
      inField = false;
      let j = i;
      if (skipping) {
        for (; j < n; j++) {
          const c = text.charCodeAt(j);
          if (c === 10 || c === 13) break;
        }
      } else {
        for (; j < n; j++) {
          const c = text.charCodeAt(j);
          if (c === delimiter || c === 10 || c === 13) break;
        }
        append(text.slice(i, j));
      }
      raw += j - i;
      state = UNQUOTED;
      // The chunk ended inside the field: the record's length is checked at its next delimiter or line end (or at the
      // end of the input), as it is when the text is not cut here — checked now, the rest of the line would be skipped
      // from inside the field, its delimiters not counted, and the record's fields would depend on the chunking.
      if (j === n) {
        inField = !skipping;
        break;
      }
      if (text.charCodeAt(j) === delimiter) {
        raw++;
        if (raw > maxRecord) overflow('record_too_long');
        endField();
        i = j + 1;
        continue;
      }
      if (raw > maxRecord) overflow('record_too_long');
      line++;
      if (text.charCodeAt(j) === 13) {
        if (j + 1 === n) pendingCR = true;
        else if (text.charCodeAt(j + 1) === 10) j++;
      }
      finishRecord(out);
      i = j + 1;
    }
    // Inside an open quote, keep the text after the quote's line (bounded by the record limit) to read it again.
    if ((state === QUOTED || state === AFTER_QUOTE) && resumeAt >= 0) replay += text.slice(resumeAt);
  }

  return {
    idleLine: () => (started || pendingCR || state !== FIELD_START ? -1 : line),
    resumeAt(next) {
      line = next;
    },
    linesRead: () => line - 1,
    push(text) {
      if (typeof text !== 'string')
        throw new ShequError([
          createIssue('invalid_type', { zh: '应为文本', en: 'The parser takes text (decode bytes first)' }),
        ]);
      const out: CsvRecord[] = [];
      feed(text, out);
      return out;
    },
    end() {
      const out: CsvRecord[] = [];
      // A quote open at the end: reject its record and read the lines after the quote's line again, until none is.
      while (state === QUOTED && resumeKnown) feed(recover(out, ''), out);
      // A quote open at the end, its own line over the limit: the record ends with that line (as when its last
      // character is read in the middle of a chunk, see feed).
      if (state === QUOTED) error = raw > maxRecord ? (error ?? 'record_too_long') : 'unterminated_quote';
      if (raw > maxRecord) error ??= 'record_too_long'; // the last record, cut by the end of the input
      if (started) finishRecord(out);
      state = FIELD_START;
      return out;
    },
  };
}
