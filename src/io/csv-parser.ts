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
  /** The fields, unquoted. */
  readonly fields: readonly string[];
  /** Why the record is broken, when it is: a field or record over the size limit, or a quote never closed. */
  readonly error?: 'field_too_long' | 'record_too_long' | 'unterminated_quote';
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
  /** Field delimiter (default `,`). */
  readonly delimiter?: string;
  /** Longest field in characters (default 10 000); longer ones are cut and the record flagged. */
  readonly maxFieldLength?: number;
  /** Longest record in characters (default 100 000). */
  readonly maxRecordLength?: number;
}

/**
 * An incremental CSV parser (RFC 4180: quoted fields with delimiters, doubled quotes and line breaks; CRLF, LF or CR
 * line ends). Feed it text in chunks of any size; it returns the records completed so far.
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
  /** Ends the input; returns the last record (flagged `unterminated_quote` if a quote was left open). */
  end(): CsvRecord[];
}

/**
 * Creates an incremental CSV parser.
 *
 * @param options - delimiter and size limits
 * @returns the parser
 *
 * @example
 * ```ts
 * import { createCsvParser } from 'shequ/io';
 * createCsvParser().push('a,"b ""c"""\r\n\r\nd\n');
 * //=> [{ line: 1, fields: ['a', 'b "c"'] }, { line: 2, fields: [''] }, { line: 3, fields: ['d'] }]
 * ```
 */
export function createCsvParser(options: CsvParserOptions = {}): CsvParser {
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  const maxField = options.maxFieldLength ?? 10_000;
  const maxRecord = options.maxRecordLength ?? 100_000;
  const FIELD_START = 0;
  const UNQUOTED = 1;
  const QUOTED = 2;
  const AFTER_QUOTE = 3; // read a quote inside a quoted field: a doubled quote or the closing one
  let state = FIELD_START;
  let fields: string[] = [];
  let field = '';
  let line = 1; // physical line of the character being read
  let recordLine = 1;
  let recordLength = 0;
  let started = false; // the current record has begun
  let pendingCR = false; // an unquoted CR ended the previous chunk: a LF next is the same line break
  let quotedCR = false; // the last character read inside quotes was a CR
  let error: CsvRecord['error'];

  // Fields are built from slices of the input, never a character at a time: no garbage per character.
  const append = (piece: string) => {
    if (piece.length === 0) return;
    const room = Math.min(maxField - field.length, maxRecord - recordLength);
    if (piece.length <= room) {
      field += piece;
      recordLength += piece.length;
      return;
    }
    if (room > 0) {
      field += piece.slice(0, room);
      recordLength += room;
    }
    error ??= maxField - field.length <= 0 ? 'field_too_long' : 'record_too_long';
  };
  const finishRecord = (out: CsvRecord[]) => {
    fields.push(field);
    out.push(error === undefined ? { line: recordLine, fields } : { line: recordLine, fields, error });
    fields = [];
    field = '';
    error = undefined;
    recordLength = 0;
    started = false;
    state = FIELD_START;
  };

  return {
    push(text) {
      const out: CsvRecord[] = [];
      const n = text.length;
      let i = 0;
      if (pendingCR && n > 0) {
        // An empty chunk must not forget the CR: its LF may still come in the next one.
        pendingCR = false;
        if (text.charCodeAt(0) === 10) i = 1;
      }
      while (i < n) {
        if (!started) {
          recordLine = line;
          started = true;
        }
        if (state === QUOTED) {
          let j = i;
          for (; j < n; j++) {
            const c = text.charCodeAt(j);
            if (c === 34) break;
            if (c === 13) line++;
            else if (c === 10 && !quotedCR) line++;
            quotedCR = c === 13;
          }
          append(text.slice(i, j));
          if (j === n) break;
          quotedCR = false;
          state = AFTER_QUOTE;
          i = j + 1;
          continue;
        }
        if (state === AFTER_QUOTE) {
          if (text.charCodeAt(i) === 34) {
            append('"');
            state = QUOTED;
            i++;
            continue;
          }
          state = UNQUOTED; // the quote closed the field; what follows up to the delimiter is kept as it is
        } else if (state === FIELD_START && text.charCodeAt(i) === 34) {
          state = QUOTED;
          i++;
          continue;
        }
        let j = i;
        for (; j < n; j++) {
          const c = text.charCodeAt(j);
          if (c === delimiter || c === 10 || c === 13) break;
        }
        append(text.slice(i, j));
        state = UNQUOTED;
        if (j === n) break;
        if (text.charCodeAt(j) === delimiter) {
          fields.push(field);
          field = '';
          state = FIELD_START;
          i = j + 1;
          continue;
        }
        line++;
        if (text.charCodeAt(j) === 13) {
          if (j + 1 === n) pendingCR = true;
          else if (text.charCodeAt(j + 1) === 10) j++;
        }
        finishRecord(out);
        i = j + 1;
      }
      return out;
    },
    end() {
      const out: CsvRecord[] = [];
      if (state === QUOTED) error = 'unterminated_quote';
      if (started) finishRecord(out);
      state = FIELD_START;
      return out;
    },
  };
}
