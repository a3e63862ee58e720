/**
 * Record boundaries of CSV bytes, as the serial parser cuts records: used by the parallel reader to find where the
 * header ends, so that each worker can read the title lines and the header before its own byte range.
 */
import { CSV_LIMITS } from '../io/csv-parser.js';

/**
 * Visits the record boundaries of a CSV file in bytes, exactly as the serial parser (createCsvParser, default
 * options) cuts records: quotes open a field only at its start, a doubled quote stays inside, CR, LF and CRLF end
 * lines, over the fields-per-record limit quotes are plain text. Line breaks and quotes are single bytes in UTF-8
 * and GB18030, and decoding never turns them into anything else. What bytes cannot tell is the record-length limit,
 * counted in characters: a record of more bytes than that limit might be cut by the serial parser's recovery rule,
 * so such a file is not cut at all (`false`). `visit` gets the byte after each record, the line after it and the
 * record's own line; returning `true` stops the walk.
 */
function walkRecords(
  bytes: Uint8Array,
  visit: (end: number, nextLine: number, recordLine: number) => boolean | undefined,
): boolean {
  const START = 0;
  const UNQUOTED = 1;
  const QUOTED = 2;
  const AFTER_QUOTE = 3;
  let state = START;
  let overLimit = false;
  let fields = 1;
  let line = 1;
  let recordLine = 1;
  let recordStart = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let previous = -1;
  let quoteLine = 0;
  let resume = -1; // the byte after the open quote's line, once that line has ended
  for (let i = recordStart; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (state === QUOTED) {
      if (b === 0x22) state = AFTER_QUOTE;
      else if (b === 0x0d || (b === 0x0a && previous !== 0x0d)) {
        line++;
        if (resume < 0) resume = b === 0x0d && bytes[i + 1] === 0x0a ? i + 2 : i + 1;
      }
      previous = b;
      continue;
    }
    previous = b;
    if (state === AFTER_QUOTE && b === 0x22 && !overLimit) {
      state = QUOTED;
      continue;
    }
    if (state === AFTER_QUOTE && resume >= 0 && !overLimit && b !== 0x2c && b !== 0x0a && b !== 0x0d) {
      // The serial parser's stray-quote rule: the record ends with the quote's line, reading resumes after it.
      if (i - recordStart > CSV_LIMITS.maxRecordLength) return false;
      line = quoteLine + 1;
      if (visit(resume, line, recordLine) === true) return true;
      i = resume - 1;
      previous = bytes[i] as number;
      recordStart = resume;
      recordLine = line;
      state = START;
      fields = 1;
      resume = -1;
      continue;
    }
    if (state === AFTER_QUOTE) resume = -1;
    if (state === START && b === 0x22 && !overLimit) {
      state = QUOTED;
      quoteLine = line;
      resume = -1;
      continue;
    }
    if (b === 0x2c) {
      if (++fields > CSV_LIMITS.maxFieldsPerRecord) overLimit = true;
      state = START;
      continue;
    }
    if (b !== 0x0a && b !== 0x0d) {
      state = UNQUOTED;
      continue;
    }
    if (i - recordStart > CSV_LIMITS.maxRecordLength) return false;
    const end = b === 0x0d && bytes[i + 1] === 0x0a ? i + 2 : i + 1;
    line++;
    if (visit(end, line, recordLine) === true) return true;
    i = end - 1;
    previous = bytes[i] as number;
    recordStart = end;
    recordLine = line;
    state = START;
    overLimit = false;
    fields = 1;
    resume = -1;
  }
  return bytes.length - recordStart <= CSV_LIMITS.maxRecordLength;
}

/** The byte after the record that starts on `line`, and the number of lines up to it. */
export function endOfRecordOn(bytes: Uint8Array, line: number): { end: number; lines: number } {
  let found = { end: bytes.length, lines: line };
  walkRecords(bytes, (end, nextLine, recordLine) => {
    if (recordLine !== line) return undefined;
    found = { end, lines: nextLine - 1 };
    return true;
  });
  return found;
}

/**
 * Counts physical lines in bytes given chunk by chunk, as the CSV parser counts them: CR, LF and CRLF are one each,
 * a CRLF cut between two chunks too. A range that ends after a line break holds `lines` lines.
 */
export function createLineCounter(): { count(bytes: Uint8Array): void; readonly lines: number } {
  let lines = 0;
  let previous = 0;
  return {
    count(bytes) {
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i] as number;
        if (b === 0x0d || (b === 0x0a && previous !== 0x0d)) lines++;
        previous = b;
      }
    },
    get lines() {
      return lines;
    },
  };
}
