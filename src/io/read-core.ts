// The in-memory reader with the reader of records given: `readUnitStatistics` (read.ts) gives the one that reports a
// refused row's reasons at once (it loads zod); a caller that only looks for the header and the counts — the parallel
// reader's plan, before the threads start reading — gives one that does not, and loads no zod.
import type { Issue } from '../core/issue.js';
import { type CsvRecord, createCsvParser } from './csv-parser.js';
import { decodeText, type TextEncodingName } from './decode.js';
import type { ReadOptions, ReadResult } from './read.js';
import { checkReadOptions } from './read-options.js';
import type { AcceptedRow, ReaderEvent, RejectedRow } from './row-reader.js';
import type { createRowReaderWith } from './row-reader-core.js';
import { notTextOrBytes } from './stream-read.js';

/** Characters handed to the parser at once by the in-memory reader. */
const SLICE = 1 << 20;

function collect(
  event: ReaderEvent | undefined,
  into: { accepted: AcceptedRow[]; rejected: RejectedRow[]; issues: Issue[] },
): void {
  if (event === undefined) return;
  if (event.kind === 'row') into.accepted.push(event.accepted);
  else if (event.kind === 'rejected') into.rejected.push(event.rejected);
  else for (const issue of event.issues) into.issues.push(issue); // no spread: a wide header has many
}

/** Characters parsed at a time by a read that stops at the header (a title block and a header are rarely longer). */
const HEADER_SLICE = 4096;

/**
 * `readUnitStatistics` with the reader of records given: a refused row's issues are those its reporter gives (none
 * yet with a reader whose reasons are deferred). With `untilHeader`, the text is parsed a few KiB at a time and no
 * further once the header is found: the header, the title lines above it and the issues of the lines up to it are
 * those of the whole read; the rows and counts are of the lines parsed so far.
 */
export function readStatisticsWith(
  input: string | Uint8Array,
  options: ReadOptions,
  reader: ReturnType<typeof createRowReaderWith>,
  untilHeader = false,
): ReadResult {
  const checked = checkReadOptions(options);
  if (checked.issues.length > 0) return emptyResult(checked.issues, 'utf-8');
  const { encoding: given } = checked.options;
  let text: string;
  let encoding: TextEncodingName = 'utf-8';
  if (typeof input === 'string') text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  else if (input instanceof Uint8Array) {
    const decoded = decodeText(input, given);
    if (!decoded.success) return emptyResult(decoded.error.issues, given ?? 'gb18030');
    ({ text, encoding } = decoded.data);
  } else return emptyResult([notTextOrBytes()], 'utf-8');
  const parser = createCsvParser(checked.options);
  const into = { accepted: [] as AcceptedRow[], rejected: [] as RejectedRow[], issues: [] as Issue[] };
  const read = (records: readonly CsvRecord[]) => {
    for (const record of records) collect(reader.record(record), into);
  };
  // Feed the parser a slice at a time, so that records are read and dropped as they come (no array of them all).
  const slice = untilHeader ? HEADER_SLICE : SLICE;
  let at = 0;
  for (; at < text.length && !(untilHeader && reader.header !== undefined); at += slice)
    read(parser.push(text.slice(at, at + slice)));
  if (at >= text.length) read(parser.end());
  for (const issue of reader.finalIssues()) into.issues.push(issue);
  return {
    rows: into.accepted.map((a) => a.row),
    ...into,
    header: reader.header,
    counts: reader.counts(),
    encoding,
  };
}

function emptyResult(issues: readonly Issue[], encoding: TextEncodingName): ReadResult {
  return {
    rows: [],
    accepted: [],
    rejected: [],
    issues,
    header: undefined,
    counts: { read: 0, accepted: 0, rejected: 0, blankLines: 0, titleLines: 0 },
    encoding,
  };
}
