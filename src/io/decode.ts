import { createIssue, type Issue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';

/**
 * Encodings the readers handle: UTF-8 (with or without BOM), UTF-16LE and UTF-16BE (with BOM) and GB18030 (which
 * includes GBK and GB2312), as Excel and WPS on Chinese Windows write them.
 *
 * @example
 * ```ts
 * import type { TextEncodingName } from 'shequ/io';
 * const encoding: TextEncodingName = 'gb18030';
 * ```
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

const ENCODINGS: readonly string[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'];

/** True when `value` is one of the encodings the readers handle. */
export function isTextEncodingName(value: unknown): value is TextEncodingName {
  return typeof value === 'string' && ENCODINGS.includes(value);
}

/** The bytes begin with UTF-8's byte order mark: UTF-8 whatever follows. */
export function beginsWithUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Guesses the encoding of a file from its first bytes: a BOM decides; otherwise bytes that are nearly all valid
 * UTF-8 are UTF-8 — no invalid sequence, or at most one invalid sequence per four valid multi-byte ones (one damaged
 * character must not turn a UTF-8 file into GB18030 mojibake; Chinese text in GB18030 read as UTF-8 has two to six
 * invalid sequences per valid one) —
 * and anything else is taken as GB18030 (the other encoding Chinese spreadsheets are saved in).
 *
 * @param bytes - the start of the file (a few kB are enough)
 * @returns the encoding
 *
 * @example
 * ```ts
 * import { detectEncoding } from 'shequ/io';
 * detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]));
 * //=> 'utf-8'
 * detectEncoding(new Uint8Array([0xc9, 0xe7, 0xc7, 0xf8])); // 社区 in GB18030
 * //=> 'gb18030'
 * ```
 */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (!(bytes instanceof Uint8Array)) return 'utf-8';
  if (beginsWithUtf8Bom(bytes)) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const { valid, invalid } = utf8Sequences(bytes);
  return invalid === 0 || (valid > 0 && invalid * 4 <= valid) ? 'utf-8' : 'gb18030';
}

/** Length of the UTF-8 sequence a lead byte starts (0 for ASCII), or -1 when it cannot start one. */
function utf8Extra(b: number): number {
  if (b < 0x80) return 0;
  if (b >= 0xc2 && b <= 0xdf) return 1;
  if (b >= 0xe0 && b <= 0xef) return 2;
  if (b >= 0xf0 && b <= 0xf4) return 3;
  return -1;
}

/** Counts valid multi-byte UTF-8 sequences and invalid ones; a sequence cut by the sample's end counts as neither. */
function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const extra = utf8Extra(bytes[i] as number);
    if (extra === 0) {
      i++;
      continue;
    }
    if (extra < 0) {
      invalid++;
      i++;
      continue;
    }
    let k = 1;
    while (k <= extra && i + k < bytes.length) {
      const next = bytes[i + k] as number;
      if (next < 0x80 || next > 0xbf) break;
      k++;
    }
    if (k > extra) valid++;
    else if (i + k < bytes.length) invalid++;
    i += k;
  }
  return { valid, invalid };
}

/**
 * Creates a streaming decoder for an encoding, or an `unsupported_encoding` issue when the name is not one the
 * readers handle or this runtime cannot decode it (GB18030 needs Node's full ICU, which the official Node builds
 * include; some minimal builds do not). The name given is never echoed: it may be anything.
 *
 * @param encoding - the encoding
 * @returns a `TextDecoder` that strips a BOM, or the issue
 *
 * @example
 * ```ts
 * import { createTextDecoder } from 'shequ/io';
 * const decoder = createTextDecoder('gb18030');
 * decoder.success && decoder.data.decode(new Uint8Array([0xc9, 0xe7, 0xc7, 0xf8]));
 * //=> '社区'
 * ```
 */
export function createTextDecoder(encoding: TextEncodingName): Result<TextDecoder> {
  if (!isTextEncodingName(encoding)) return failure([unknownEncoding()]);
  try {
    return success(new TextDecoder(encoding, { fatal: false, ignoreBOM: false }));
  } catch {
    return failure([unsupported(encoding)]);
  }
}

function unsupported(encoding: TextEncodingName): Issue {
  return createIssue('unsupported_encoding', {
    zh: `当前运行环境无法解码 ${encoding}（GB18030 需要完整 ICU 的 Node.js 官方版本）；请另存为 UTF-8 或指定编码`,
    en: `This runtime cannot decode ${encoding} (GB18030 needs a Node.js build with full ICU, as the official builds are); save the file as UTF-8 or pass the encoding`,
  });
}

/** The issue of an encoding name the readers do not handle; the name is not echoed (it may be anything). */
export function unknownEncoding(): Issue {
  return createIssue('unsupported_encoding', {
    zh: `不支持的编码名称；可用：${ENCODINGS.join('、')}`,
    en: `Unsupported encoding name; use one of ${ENCODINGS.join(', ')}`,
  });
}

/**
 * A decoded file: its text and the encoding used.
 *
 * @example
 * ```ts
 * import type { DecodedText } from 'shequ/io';
 * const decoded: DecodedText = { text: '社区', encoding: 'gb18030' };
 * ```
 */
export interface DecodedText {
  /** The text, without BOM. */
  readonly text: string;
  /** The encoding used. */
  readonly encoding: TextEncodingName;
}

/**
 * Decodes a whole file: detects the encoding unless given, strips a BOM.
 *
 * @param bytes - the file
 * @param encoding - the encoding, when known
 * @returns the text and the encoding used, or an `unsupported_encoding` issue (`invalid_type` for input that is
 * not bytes)
 *
 * @example
 * ```ts
 * import { decodeText } from 'shequ/io';
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe7, 0xa4, 0xbe]));
 * //=> { success: true, data: { text: '社', encoding: 'utf-8' } }
 * ```
 */
export function decodeText(bytes: Uint8Array, encoding?: TextEncodingName): Result<DecodedText> {
  if (!(bytes instanceof Uint8Array))
    return failure([
      createIssue('invalid_type', { zh: '应为字节数组（Uint8Array）', en: 'Expected bytes (a Uint8Array)' }),
    ]);
  const chosen = encoding ?? detectEncoding(bytes.subarray(0, 65_536));
  const decoder = createTextDecoder(chosen);
  if (!decoder.success) return decoder;
  return success({ text: decoder.data.decode(bytes), encoding: chosen });
}
