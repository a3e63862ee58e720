import { Inflate } from 'fflate';
import { isOleStart } from './workbook-start.js';
import {
  limitExceeded,
  megabytes,
  partName,
  unreadable,
  workbookTooLarge,
  XLSX_LIMITS,
  XlsxStop,
} from './xlsx-limits.js';

/** One file of the zip, from its central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly localHeaderOffset: number;
  readonly encrypted: boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes handed to the inflater at once: small, so that one push inflates at most a few MB. */
const SLICE = 4096;

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] as number) | ((bytes[at + 1] as number) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) + u16(bytes, at + 2) * 65536) >>> 0;
}

/** Why `bytes` are no usable zip; `zipEnd`: an end-of-central-directory record was found (a zip, but broken). */
function notAZip(bytes: Uint8Array, zipEnd = false): XlsxStop {
  if (bytes.length === 0) return new XlsxStop(unreadable('文件为空', 'the file is empty'));
  if (isOleStart(bytes))
    return new XlsxStop(
      unreadable(
        '这是旧版 .xls 或加密的工作簿，请另存为 .xlsx 或 CSV',
        'this is an old .xls or a password-protected workbook; save it as .xlsx or CSV',
      ),
    );
  if (zipEnd || (bytes[0] === 0x50 && bytes[1] === 0x4b))
    return new XlsxStop(
      unreadable(
        'zip 文件被截断或已损坏（找不到目录）',
        'the zip is truncated or corrupt (no central directory)',
      ),
    );
  return new XlsxStop(unreadable('不是 .xlsx（zip）文件', 'not an .xlsx (zip) file'));
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  // The record is 22 bytes plus a comment of at most 65 535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 65_535);
  for (let at = bytes.length - 22; at >= lowest; at--) if (u32(bytes, at) === EOCD) return at;
  return -1;
}

/**
 * How many bytes precede the zip (a self-extracting stub, a download wrapper's header), as unzip and Python's zipfile
 * find it: the end record's own position minus the directory's size is where the directory ends its bytes, and the
 * difference from its declared offset is the stub's length, when a directory begins there and its first entry's local
 * header is that many bytes further on. Else 0 when the directory is at its declared offset (bytes between the
 * directory and the end record). Looked for in that order: a stub may hold a directory of its own where the offset
 * points (another zip before this one), which is not the zip the file ends with. Throws {@link XlsxStop} when neither
 * holds.
 */
function prefixLength(bytes: Uint8Array, end: number): number {
  const declared = u32(bytes, end + 16);
  const actual = end - u32(bytes, end + 12);
  const prefix = actual - declared;
  if (prefix >= 0 && actual + 46 <= end && u32(bytes, actual) === CENTRAL) {
    const firstLocal = u32(bytes, actual + 42) + prefix;
    if (firstLocal + 4 <= actual && u32(bytes, firstLocal) === LOCAL) return prefix;
  }
  if (declared + 4 <= end && u32(bytes, declared) === CENTRAL) return 0;
  throw notAZip(bytes, true);
}

/**
 * Reads the central directory: every entry by name, with its local header's offset in `bytes` (past any bytes before
 * the zip). Throws {@link XlsxStop} when the bytes are not a usable zip.
 */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  if (bytes.length > XLSX_LIMITS.maxFileBytes) throw new XlsxStop(workbookTooLarge());
  const end = bytes.length >= 22 ? findEndOfCentralDirectory(bytes) : -1;
  if (end < 0) throw notAZip(bytes);
  const count = u16(bytes, end + 10);
  if (count === 0xffff || u32(bytes, end + 16) === 0xffffffff)
    throw new XlsxStop(unreadable('不支持 ZIP64 格式', 'ZIP64 archives are not supported'));
  const prefix = count === 0 ? 0 : prefixLength(bytes, end);
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder('utf-8');
  const seen = new Map<string, string>(); // lower case → the name as first spelt
  let at = u32(bytes, end + 16) + prefix;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) throw notAZip(bytes, true);
    const nameLength = u16(bytes, at + 28);
    const skip = nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const key = name.replace(/\\/g, '/').replace(/^\//, '');
    // Part names are unique regardless of case (OPC): of two, a reader cannot tell which one Excel would read.
    const twin = seen.get(key.toLowerCase());
    if (twin !== undefined)
      throw new XlsxStop(
        unreadable(
          `zip 中有两个名为 ${partName(twin)} 的条目（部件名必须唯一）`,
          `the zip holds two entries named ${partName(twin)} (a part name must be unique)`,
        ),
      );
    seen.set(key.toLowerCase(), key);
    entries.set(key, {
      name,
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      declaredSize: u32(bytes, at + 24),
      localHeaderOffset: u32(bytes, at + 42) + prefix,
      encrypted: (u16(bytes, at + 8) & 1) === 1,
    });
    at += 46 + skip;
  }
  return entries;
}

/** Finds an entry by its part name, ignoring case (Excel does), or `undefined`. */
export function findEntry(entries: Map<string, ZipEntry>, name: string): ZipEntry | undefined {
  const exact = entries.get(name);
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const [key, entry] of entries) if (key.toLowerCase() === lower) return entry;
  return undefined;
}

function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  const truncated = new XlsxStop(
    unreadable(
      `zip 文件被截断：${partName(entry.name)} 不完整`,
      `the zip is truncated: ${partName(entry.name)} is incomplete`,
    ),
  );
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) throw truncated;
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.length) throw truncated;
  if (entry.encrypted)
    throw new XlsxStop(unreadable('工作簿已加密', `the workbook is encrypted (${partName(entry.name)})`));
  if (entry.method !== 0 && entry.method !== 8)
    throw new XlsxStop(
      unreadable(`不支持的压缩方式 ${entry.method}`, `unsupported compression method ${entry.method}`),
    );
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Counts uncompressed bytes across every part read, against the total limit and each part's compression ratio.
 */
export interface InflateBudget {
  /** Uncompressed bytes produced so far, all parts together. */
  used: number;
}

function checkBudget(budget: InflateBudget, entry: ZipEntry, produced: number, consumed: number): void {
  if (budget.used > XLSX_LIMITS.maxUncompressedBytes)
    throw new XlsxStop(
      limitExceeded(
        `解压后超过 ${megabytes(XLSX_LIMITS.maxUncompressedBytes)}`,
        `more than ${megabytes(XLSX_LIMITS.maxUncompressedBytes)} once uncompressed`,
      ),
    );
  if (produced > XLSX_LIMITS.ratioFloorBytes && produced > XLSX_LIMITS.maxCompressionRatio * consumed)
    throw new XlsxStop(
      limitExceeded(
        `${partName(entry.name)} 的压缩比超过 ${XLSX_LIMITS.maxCompressionRatio}:1（疑似 zip 炸弹）`,
        `${partName(entry.name)} is compressed more than ${XLSX_LIMITS.maxCompressionRatio}:1 (a zip bomb?)`,
      ),
    );
}

/**
 * Inflates one entry a slice at a time, handing each piece of output to `onData` as it comes, so that the entry
 * never sits in memory whole; stops with {@link XlsxStop} at the size and ratio limits, before inflating the rest.
 * Yields after each slice (the caller hands on what the slice produced).
 */
export function* inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  onData: (chunk: Uint8Array) => void,
): Generator<void> {
  const data = compressedData(bytes, entry);
  // A declared size over the limit is refused before any work (it may lie, so the output is counted as well).
  if (entry.declaredSize > XLSX_LIMITS.maxUncompressedBytes) checkBudget({ used: Infinity }, entry, 0, 1);
  let produced = 0;
  let consumed = 0;
  const take = (chunk: Uint8Array) => {
    produced += chunk.length;
    budget.used += chunk.length;
    checkBudget(budget, entry, produced, consumed);
    onData(chunk);
  };
  let ended = entry.method === 0;
  const inflater = new Inflate((chunk, final) => {
    if (final) ended = true;
    take(chunk);
  });
  for (let at = 0; at < data.length || at === 0; at += SLICE) {
    const slice = data.subarray(at, at + SLICE);
    consumed += slice.length;
    const last = at + SLICE >= data.length;
    if (entry.method === 0) take(slice);
    else {
      try {
        inflater.push(slice, last);
      } catch (error) {
        if (error instanceof XlsxStop) throw error;
        throw new XlsxStop(
          unreadable(
            `${partName(entry.name)} 的压缩数据已损坏`,
            `the compressed data of ${partName(entry.name)} is corrupt`,
          ),
        );
      }
    }
    yield;
    if (last) break;
  }
  if (!ended)
    throw new XlsxStop(
      unreadable(
        `zip 文件被截断：${partName(entry.name)} 不完整`,
        `the zip is truncated: ${partName(entry.name)} is incomplete`,
      ),
    );
}

/** Decodes an XML part chunk by chunk: `decode(chunk)` for each, then `decode()` at its end. */
export type PartDecoder = (chunk?: Uint8Array) => string;

/**
 * A decoder of an XML part in UTF-8 or, when it begins with the byte order mark XML requires of it, UTF-16 (little or
 * big endian): the Open Packaging Conventions allow both. The BOM is dropped.
 */
export function createPartDecoder(): PartDecoder {
  let decoder: TextDecoder | undefined;
  let head = new Uint8Array(0);
  return (chunk) => {
    if (decoder === undefined) {
      const joined = new Uint8Array(head.length + (chunk?.length ?? 0));
      joined.set(head);
      if (chunk !== undefined) joined.set(chunk, head.length);
      if (joined.length < 2 && chunk !== undefined) {
        head = joined; // too short to tell its encoding yet
        return '';
      }
      const bom = (joined[0] as number) * 256 + (joined[1] as number);
      decoder = new TextDecoder(bom === 0xfffe ? 'utf-16le' : bom === 0xfeff ? 'utf-16be' : 'utf-8');
      return chunk === undefined ? decoder.decode(joined) : decoder.decode(joined, { stream: true });
    }
    return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
  };
}

/** Inflates a small part whole (workbook, relationships, styles) as text, within {@link XLSX_LIMITS}. */
export function inflateSmallPart(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): string {
  const decode = createPartDecoder();
  let text = '';
  let size = 0;
  for (const _ of inflateEntry(bytes, entry, budget, (chunk) => {
    size += chunk.length;
    if (size > XLSX_LIMITS.maxSmallPartBytes)
      throw new XlsxStop(
        limitExceeded(
          `${partName(entry.name)} 大于 ${megabytes(XLSX_LIMITS.maxSmallPartBytes)}`,
          `${partName(entry.name)} is larger than ${megabytes(XLSX_LIMITS.maxSmallPartBytes)}`,
        ),
      );
    text += decode(chunk);
  }));
  return text + decode();
}
