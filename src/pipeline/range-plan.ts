/**
 * The plan of a file read in byte ranges (parallel.ts): its encoding and header, found in its first bytes, and the
 * cuts at line starts found by reading a few bytes around each (never by scanning the file).
 */
import { type FileHandle, open } from 'node:fs/promises';
import { detectEncoding, type TextEncodingName } from '../io/decode.js';
import { readStatisticsWith } from '../io/read-core.js';
import { createRowReaderWith } from '../io/row-reader-core.js';
import { isWorkbookStart } from '../io/workbook-start.js';
import { readAt } from './range-read.js';
import { endOfRecordOn } from './record-walk.js';
import type { SheetReadOptions } from './source.js';

/** Bytes read at the start of a file to detect its encoding and find its header. */
const HEAD_BYTES = 65_536;
/** Bytes read around a cut to find the next line start; a cut with no line break that near is dropped. */
const CUT_WINDOW = 1 << 16;

/** The layout of a file cut into ranges; `undefined` when it is read in one piece. */
export interface Plan {
  readonly encoding: TextEncodingName;
  readonly headerEnd: number;
  /** Lines of bytes [0, headerEnd). */
  readonly headerLines: number;
  /** Blank lines among them (counted again by every worker). */
  readonly headerBlankLines: number;
  /** Range starts after the first (the first range is [0, cuts[0])). */
  readonly cuts: readonly number[];
  readonly size: number;
}

/** The first line start at or after `at` (after LF, CRLF or a lone CR), or undefined if none is near. */
export async function lineStartFrom(handle: FileHandle, at: number): Promise<number | undefined> {
  const window = await readAt(handle, at - 1, CUT_WINDOW + 1);
  for (let i = 0; i < window.length; i++) {
    const b = window[i];
    if (b === 0x0a) return at + i;
    if (b === 0x0d) {
      if (i + 1 >= window.length) return undefined; // a CR at the window's end: its LF may follow
      return window[i + 1] === 0x0a ? at + i + 1 : at + i;
    }
  }
  return undefined;
}

/** Finds the header in the file's first bytes and the line starts nearest to `ranges` equal cuts after it. */
export async function planRanges(
  path: string,
  ranges: number,
  read: SheetReadOptions,
): Promise<Plan | undefined> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const head = await readAt(handle, 0, HEAD_BYTES);
    if (isWorkbookStart(head)) return undefined; // a workbook: read whole by the workbook reader
    const encoding = read.encoding ?? detectEncoding(head);
    if (encoding === 'utf-16le' || encoding === 'utf-16be') return undefined; // line breaks are two bytes
    // The header and the counts only: a reader that leaves refused rows' reasons unsaid, so that zod (their reporter)
    // is not loaded before the threads start reading (≈ 50 ms of this thread's start); and only until the header
    // (the whole 64 KiB, ≈ 700 rows converted by cold code, took ≈ 20 ms).
    const headerOf = (bytes: Uint8Array) =>
      readStatisticsWith(bytes, { ...read, encoding }, createRowReaderWith(undefined), true);
    const found = headerOf(head);
    if (found.header === undefined) return undefined;
    const { end: headerEnd, lines: headerLines } = endOfRecordOn(head, found.header.line);
    if (headerEnd >= head.length) return undefined;
    const prefix = headerOf(head.subarray(0, headerEnd));
    const cuts: number[] = [];
    // Equal shares: this thread starts at once and the workers later, so it is done first and takes over the rest of
    // the slowest (readRanges), whatever the delay was.
    const step = (size - headerEnd) / ranges;
    for (let k = 1; k < ranges; k++) {
      const cut = await lineStartFrom(handle, Math.round(headerEnd + k * step));
      if (cut !== undefined && cut > (cuts.at(-1) ?? headerEnd) && cut < size) cuts.push(cut);
    }
    if (cuts.length === 0) return undefined;
    return { encoding, headerEnd, headerLines, headerBlankLines: prefix.counts.blankLines, cuts, size };
  } finally {
    await handle.close();
  }
}
