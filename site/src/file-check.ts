/**
 * Why a file gave nothing, in words a clerk understands: empty, a zip that is not a workbook, a file that is not a
 * table at all (a picture, a PDF, a Word file), a table without the header the sheet needs. The library's own issue
 * is shown beside it; this only names the case from the file's first bytes and what the read found.
 */
import type { Text } from './protocol.js';

interface ReadOutcome {
  readonly counts: { readonly read: number };
  readonly header: unknown;
  readonly issues: readonly { readonly code: string; readonly severity: string }[];
}

const startsWith = (head: Uint8Array, bytes: readonly number[]) => bytes.every((byte, i) => head[i] === byte);

/** Signatures of files people drop by mistake. */
const NOT_A_TABLE: readonly { readonly bytes: readonly number[]; readonly kind: Text }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: { zh: 'PDF 文件', en: 'a PDF file' } },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: { zh: 'PNG 图片', en: 'a PNG picture' } },
  { bytes: [0xff, 0xd8, 0xff], kind: { zh: 'JPEG 图片', en: 'a JPEG picture' } },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    kind: { zh: '旧版 Excel（.xls）或 Word 文件', en: 'an old Excel (.xls) or Word file' },
  },
  { bytes: [0x52, 0x61, 0x72, 0x21], kind: { zh: 'RAR 压缩包', en: 'a RAR archive' } },
  { bytes: [0x1f, 0x8b], kind: { zh: 'gzip 压缩包', en: 'a gzip archive' } },
];

/** Whether the first bytes hold control characters a text table never has (NUL and the like, outside UTF-16). */
function looksBinary(head: Uint8Array): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return false; // UTF-16 with its BOM
  let control = 0;
  // NUL to backspace and the C0 controls after CR (escape aside): never in a CSV a spreadsheet wrote.
  for (const byte of head) if (byte < 0x09 || (byte >= 0x0e && byte < 0x20 && byte !== 0x1b)) control++;
  return control > 0;
}

/**
 * What is wrong with a file from which no row could be read, or `undefined` when rows were read (a file with some
 * bad rows is readable: they are listed with their reasons).
 *
 * @param head - the file's first bytes (4 KiB is plenty)
 * @param size - the file's size
 * @param read - what the job read
 * @returns the explanation, in both languages
 */
export function classifyUnreadable(head: Uint8Array, size: number, read: ReadOutcome): Text | undefined {
  if (size === 0) return { zh: '文件是空的（0 字节）。', en: 'The file is empty (0 bytes).' };
  if (read.counts.read > 0) return undefined;
  const known = NOT_A_TABLE.find((signature) => startsWith(head, signature.bytes));
  if (known !== undefined)
    return {
      zh: `这是${known.kind.zh}，不是 CSV 或 .xlsx 表格。请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再试。`,
      en: `This is ${known.kind.en}, not a CSV or .xlsx sheet. Save it as .xlsx or CSV in Excel/WPS and try again.`,
    };
  if (startsWith(head, [0x50, 0x4b]) && read.issues.some((issue) => issue.code === 'malformed_record'))
    return {
      zh: '这是一个 zip 压缩文件，但不是 .xlsx 工作簿（或工作簿已损坏）。',
      en: 'This is a zip file, but not an .xlsx workbook (or the workbook is damaged).',
    };
  if (looksBinary(head))
    return {
      zh: '这不是文本表格（文件中有二进制内容），无法按 CSV 读取。',
      en: 'This is not a text table (the file holds binary data); it cannot be read as CSV.',
    };
  if (read.header === undefined)
    return {
      zh: '没有找到表头：表格需要一行列名，其中至少有“统计用区划代码”和“类型”等列。也可能是文件编码无法识别。',
      en: 'No header found: the sheet needs a row of column names with at least 统计用区划代码 (code) and 类型 (kind). The encoding may also be one shequ cannot read.',
    };
  return { zh: '表头之下没有数据行。', en: 'There are no data rows under the header.' };
}
