import { open } from 'node:fs/promises';
import type { CsvRecord } from 'shequ/io';
import { echo, UsageError } from './context.js';
import type { Bilingual } from './lang.js';

// The one reader of a text file the caller hands a command (`--profile-file`, `--divisions`, `--crosswalk`): UTF-8
// only (a GBK file would otherwise load with U+FFFD in its names), a BOM dropped, lines numbered as the file numbers
// them (a CRLF, a lone CR or a LF ends one line). A file that cannot be read — missing, a folder, too large, not
// UTF-8 — is a usage error (exit 2) naming the file and, for bytes that are not UTF-8, the line they are on.
// `check-code` reads its standard input as UTF-8 the same way (strictUtf8Text).

/** What a command reads a caller's file as: the names its messages give it, and the hints they end with. */
export interface CallerFileKind {
  /** The file as messages name it (`区划列表` / `the division list`). */
  readonly name: Bilingual;
  /** What the file should be: the hint of a file that cannot be read. */
  readonly expected: Bilingual;
  /** How to save the file as UTF-8: the hint of a file that is not. */
  readonly saveAsUtf8: Bilingual;
}

/** The hint on a CSV that is not UTF-8: how the programs people write CSV with save it as UTF-8. */
export const SAVE_CSV_AS_UTF8: Bilingual = {
  zh: '请另存为 UTF-8 编码的 CSV（Excel：“CSV UTF-8（逗号分隔）”；WPS：CSV，编码选 UTF-8）。',
  en: 'Save it as a UTF-8 CSV (Excel: "CSV UTF-8 (Comma delimited)"; WPS: CSV, encoding UTF-8).',
};

/** A caller's file is read whole: one larger than this is refused before it fills the memory (a device, a mistake). */
export const MAX_CALLER_FILE_BYTES = 256 * 1024 * 1024;

/** Why a file could not be opened or read, by the error's code. */
const UNREADABLE: Readonly<Record<string, Bilingual>> = {
  ENOENT: { zh: '文件不存在', en: 'no such file' },
  EISDIR: { zh: '这是文件夹，不是文件', en: 'a folder, not a file' },
  EACCES: { zh: '没有读取权限', en: 'permission denied' },
  EPERM: { zh: '没有读取权限', en: 'permission denied' },
  TOO_LARGE: { zh: '文件超过 256 MiB', en: 'over 256 MiB' },
};

/**
 * The bytes of a file, read in chunks up to `limit` (a pipe or a device has no size to check first); `undefined`
 * when it holds more.
 */
async function readAtMost(file: string, limit: number): Promise<Buffer | undefined> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      total += bytesRead;
      if (total > limit) return undefined;
      // A copy of what was read: a pipe gives 64 kB a read, and a view would keep the whole 1 MiB buffer alive.
      chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
    }
  } finally {
    await handle.close();
  }
}

/** The text of UTF-8 bytes, a leading BOM dropped; undefined when they are not UTF-8. */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Whether bytes start with a UTF-16 BOM (Excel's 'Unicode text', Notepad's 'Unicode'). */
function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * The 1-based line of the first bytes that are not UTF-8. CR and LF are ASCII, never a byte of a longer UTF-8
 * sequence (nor of a GBK or GB18030 character): the lines are cut at them and each decoded on its own.
 */
function firstLineNotUtf8(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const byte = bytes[i];
    if (i < bytes.length && byte !== 0x0a && byte !== 0x0d) continue;
    if (strictUtf8(bytes.subarray(start, i)) === undefined) return line;
    if (byte === 0x0d && bytes[i + 1] === 0x0a) i++;
    line++;
    start = i + 1;
  }
  return line;
}

/**
 * The text of UTF-8 bytes a command was handed (a caller's file, standard input), a leading BOM dropped. Bytes that
 * are not UTF-8 (GBK, GB18030, UTF-16) are a {@link UsageError} (exit 2), never text with U+FFFD in it: `what` names
 * them (`区划列表 x.csv `, `标准输入`: the Chinese line puts no space after it), the message gives the line of their
 * first bad bytes (or says UTF-16) and ends with `hint` (how to make them UTF-8). Only line numbers are echoed.
 *
 * @example
 * ```ts
 * strictUtf8Text('check-code', { zh: '标准输入', en: 'standard input' }, hint, Buffer.from('110105\n'));
 * //=> '110105\n' (GBK bytes on line 2: UsageError "… standard input is not UTF-8 (GBK or GB18030, perhaps: from line 2)")
 * ```
 */
export function strictUtf8Text(command: string, what: Bilingual, hint: Bilingual, bytes: Uint8Array): string {
  const text = strictUtf8(bytes);
  if (text !== undefined) return text;
  const where: Bilingual = isUtf16(bytes)
    ? { zh: '是 UTF-16 编码', en: 'it is UTF-16' }
    : {
        zh: `可能是 GBK 或 GB18030；第 ${firstLineNotUtf8(bytes)} 行起`,
        en: `GBK or GB18030, perhaps: from line ${firstLineNotUtf8(bytes)}`,
      };
  throw new UsageError(
    {
      zh: `shequ ${command}：${what.zh}不是 UTF-8 编码（${where.zh}）`,
      en: `shequ ${command}: ${what.en} is not UTF-8 (${where.en})`,
    },
    hint,
  );
}

/**
 * The text of a caller's file, decoded as UTF-8 with a leading BOM dropped: line numbers counted in it (CRLF, CR or LF
 * each end a line) are the file's. A file that is missing, a folder, unreadable, over 256 MiB or not UTF-8 (GBK,
 * GB18030, UTF-16) is a {@link UsageError} naming the file in both languages, never a crash.
 *
 * @example
 * ```ts
 * const text = await readCallerText('indicators', '对照表.csv', CROSSWALK_FILE);
 * //=> '原代码,新代码,起始年度\n…' (a GBK file: UsageError "… is not UTF-8 (GBK or GB18030, perhaps: from line 1)")
 * ```
 */
export async function readCallerText(command: string, file: string, kind: CallerFileKind): Promise<string> {
  let bytes: Buffer | undefined;
  try {
    bytes = await readAtMost(file, MAX_CALLER_FILE_BYTES);
  } catch (error) {
    const code = String((error as NodeJS.ErrnoException)?.code ?? 'error');
    const reason = UNREADABLE[code] ?? { zh: code, en: code };
    throw cannotRead(command, file, kind, reason);
  }
  if (bytes === undefined) throw cannotRead(command, file, kind, UNREADABLE.TOO_LARGE as Bilingual);
  const name = echo(file);
  return strictUtf8Text(
    command,
    { zh: `${kind.name.zh} ${name} `, en: `${kind.name.en} ${name}` },
    {
      zh: `只读取 UTF-8 编码的文件，不读取 GBK。${kind.saveAsUtf8.zh}`,
      en: `Only UTF-8 is read, not GBK. ${kind.saveAsUtf8.en}`,
    },
    bytes,
  );
}

function cannotRead(command: string, file: string, kind: CallerFileKind, reason: Bilingual): UsageError {
  return new UsageError(
    {
      zh: `shequ ${command}：无法读取${kind.name.zh} ${echo(file)}（${reason.zh}）`,
      en: `shequ ${command}: cannot read ${kind.name.en} ${echo(file)} (${reason.en})`,
    },
    kind.expected,
  );
}

/** Why a broken CSV record is left out (the parser's limits are those of every CSV the command reads). */
export const BROKEN_RECORD: Readonly<Record<NonNullable<CsvRecord['error']>, Bilingual>> = {
  unterminated_quote: { zh: '引号未闭合，未采用', en: 'A quote is never closed: left out' },
  field_too_long: { zh: '字段过长，未采用', en: 'A field is too long: left out' },
  record_too_long: { zh: '行过长，未采用', en: 'The line is too long: left out' },
  too_many_fields: { zh: '列数过多，未采用', en: 'Too many fields: left out' },
};

/**
 * The records of a caller's CSV (read with {@link readCallerText}) that are not blank, each with the line of the file
 * it starts on. A blank record — an empty line, or a line of empty or white-space fields (`,,`) — is no line of the
 * data; a broken record (a quote never closed, over a limit) is kept with its error, for the caller to report.
 *
 * @example
 * ```ts
 * await readCallerCsv('indicators', '对照表.csv', CROSSWALK_FILE);
 * //=> [{ line: 1, fields: ['原代码', '新代码', '起始年度'] }, { line: 3, fields: ['130123100201', …] }]
 * ```
 */
export async function readCallerCsv(
  command: string,
  file: string,
  kind: CallerFileKind,
): Promise<CsvRecord[]> {
  const text = await readCallerText(command, file, kind);
  const { createCsvParser } = await import('shequ/io');
  const parser = createCsvParser();
  return [...parser.push(text), ...parser.end()].filter(
    (record) => record.error !== undefined || record.fields.some((field) => field.trim() !== ''),
  );
}

/** One problem of a caller's file: where it is (a line, a JSON path) and what it is. */
export interface FileProblem {
  readonly where: Bilingual;
  readonly message: Bilingual;
}

/**
 * The problems as indented lines, the first `shown` of them, then how many more. The Chinese lines are in Chinese;
 * the English lines keep the Chinese message beside the English one (scripts and tests read them).
 *
 * @example
 * ```ts
 * problemList([{ where: { zh: '第 3 行', en: 'line 3' }, message: { zh: '未知指标', en: 'Unknown indicator' } }], 10);
 * //=> { zh: '  第 3 行：未知指标', en: '  line 3: 未知指标 / Unknown indicator' }
 * ```
 */
export function problemList(problems: readonly FileProblem[], shown: number): Bilingual {
  const listed = problems.slice(0, shown);
  const zh = listed.map(({ where, message }) => `  ${where.zh}：${message.zh}`);
  const en = listed.map(({ where, message }) => `  ${where.en}: ${message.zh} / ${message.en}`);
  const more = problems.length - listed.length;
  if (more > 0) {
    zh.push(`  …… 另有 ${more} 处`);
    en.push(`  … ${more} more`);
  }
  return { zh: zh.join('\n'), en: en.join('\n') };
}
