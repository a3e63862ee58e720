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
  let fields: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let afterQuote = false; // just read a quote inside a quoted field (a doubled quote or the closing one)
  let pendingCR = false; // a CR was the last character of the previous chunk
  let line = 1; // physical line of the character being read
  let recordLine = 1;
  let recordLength = 0;
  let error: CsvRecord['error'];
  let started = false; // the current record has any content

  const finishField = () => {
    fields.push(field);
    field = '';
  };
  const finishRecord = (out: CsvRecord[]) => {
    finishField();
    out.push(error === undefined ? { line: recordLine, fields } : { line: recordLine, fields, error });
    fields = [];
    error = undefined;
    recordLength = 0;
    started = false;
  };
  const append = (ch: string) => {
    if (field.length >= maxField) {
      error = 'field_too_long';
      return;
    }
    if (recordLength >= maxRecord) {
      error ??= 'record_too_long';
      return;
    }
    field += ch;
    recordLength++;
  };

  return {
    push(text) {
      const out: CsvRecord[] = [];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (pendingCR) {
          pendingCR = false;
          if (c === 10) continue; // CRLF: one line break
        }
        if (!started) {
          recordLine = line;
          started = true;
        }
        if (quoted) {
          if (afterQuote) {
            afterQuote = false;
            if (c === 34) {
              append('"');
              continue;
            }
            quoted = false; // the quote closed the field; fall through to read c unquoted
          } else if (c === 34) {
            afterQuote = true;
            continue;
          } else {
            if (c === 10) line++;
            else if (c === 13) {
              line++;
              if (text.charCodeAt(i + 1) === 10) {
                append('\r');
                i++;
                append('\n');
                continue;
              }
            }
            append(text[i] as string);
            continue;
          }
        }
        if (c === 34 && field.length === 0) quoted = true;
        else if (c === delimiter) finishField();
        else if (c === 10 || c === 13) {
          line++;
          if (c === 13) {
            if (i + 1 < text.length) {
              if (text.charCodeAt(i + 1) === 10) i++;
            } else pendingCR = true;
          }
          finishRecord(out);
        } else append(text[i] as string);
      }
      return out;
    },
    end() {
      const out: CsvRecord[] = [];
      if (quoted && !afterQuote) error = 'unterminated_quote';
      if (started || field.length > 0 || fields.length > 0) finishRecord(out);
      quoted = false;
      afterQuote = false;
      return out;
    },
  };
}
