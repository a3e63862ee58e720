import { createIssue, type Issue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';

/**
 * Encodings the readers handle: UTF-8 (with or without BOM), UTF-16LE (with BOM) and GB18030 (which includes GBK and
 * GB2312), as Excel and WPS on Chinese Windows write them.
 *
 * @example
 * ```ts
 * import type { TextEncodingName } from 'shequ/io';
 * const encoding: TextEncodingName = 'gb18030';
 * ```
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'gb18030';

/**
 * Guesses the encoding of a file from its first bytes: a BOM decides; otherwise bytes that are valid UTF-8 are
 * UTF-8, and anything else is taken as GB18030 (the other encoding Chinese spreadsheets are saved in).
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
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return isUtf8(bytes) ? 'utf-8' : 'gb18030';
}

/** Valid UTF-8, allowing a sequence cut at the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const extra =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (extra < 0) return false;
    for (let k = 1; k <= extra; k++) {
      if (i + k >= bytes.length) return true; // cut by the sample's end
      const next = bytes[i + k] as number;
      if (next < 0x80 || next > 0xbf) return false;
    }
    i += extra + 1;
  }
  return true;
}

/**
 * Creates a streaming decoder for an encoding, or an `unsupported_encoding` issue when this runtime cannot decode it
 * (GB18030 needs Node's full ICU, which the official Node builds include; some minimal builds do not).
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
  try {
    return success(new TextDecoder(encoding, { fatal: false, ignoreBOM: false }));
  } catch {
    return failure([unsupported(encoding)]);
  }
}

function unsupported(encoding: string): Issue {
  return createIssue('unsupported_encoding', {
    zh: `当前运行环境无法解码 ${encoding}（GB18030 需要完整 ICU 的 Node.js 官方版本）；请另存为 UTF-8 或指定编码`,
    en: `This runtime cannot decode ${encoding} (GB18030 needs a Node.js build with full ICU, as the official builds are); save the file as UTF-8 or pass the encoding`,
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
 * @returns the text and the encoding used, or an `unsupported_encoding` issue
 *
 * @example
 * ```ts
 * import { decodeText } from 'shequ/io';
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe7, 0xa4, 0xbe]));
 * //=> { success: true, data: { text: '社', encoding: 'utf-8' } }
 * ```
 */
export function decodeText(bytes: Uint8Array, encoding?: TextEncodingName): Result<DecodedText> {
  const chosen = encoding ?? detectEncoding(bytes.subarray(0, 65_536));
  const decoder = createTextDecoder(chosen);
  if (!decoder.success) return decoder;
  return success({ text: decoder.data.decode(bytes), encoding: chosen });
}
