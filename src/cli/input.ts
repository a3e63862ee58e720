import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { HeaderInfo, Issue, RejectedRow, UnitStatistics } from 'shequ';
import { readSource, type SheetSource } from 'shequ/pipeline';
import { isWorkbookStart, WORKBOOK_START_LENGTH } from '../io/workbook-start.js';
import { type CliStreams, echo, progressReporter, UsageError } from './context.js';

/** What reading a data file gives a command. */
export interface InputRows {
  readonly header: HeaderInfo | undefined;
  readonly rejected: readonly RejectedRow[];
  readonly issues: readonly Issue[];
  readonly counts: { readonly read: number; readonly accepted: number; readonly rejected: number };
}

/** A data file as a pipeline source: a file streamed in 64 kB chunks, or standard input for `-`. */
function fileSource(file: string, streams: CliStreams): SheetSource {
  if (file === '-' && streams.stdin !== undefined) return streams.stdin;
  return createReadStream(file, { highWaterMark: 65_536 });
}

/** The usual hint of a file that cannot be read: what is read. */
const READABLE_HINT = {
  zh: '未做任何计算。可读取 CSV（UTF-8、UTF-16 或 GB18030）和 .xlsx 统计表；见 docs/io.md。',
  en: 'Nothing was computed. CSV (UTF-8, UTF-16 or GB18030) and .xlsx statistics sheets are read; see docs/io.md.',
};

/** A name that says "workbook": .xlsx, .xlsm, .xls (any case). */
const WORKBOOK_NAME = /\.xls[xm]?$/i;
/**
 * A better hint than the usual one when the file says why the read failed: it is empty, or its name says workbook
 * but its bytes are not one (the reader then took it for CSV and found no header). Read only after a failed read.
 */
async function unreadableHint(file: string): Promise<{ zh: string; en: string }> {
  if (file === '-') return READABLE_HINT;
  let head: Uint8Array;
  try {
    const handle = await open(file, 'r');
    try {
      head = new Uint8Array(WORKBOOK_START_LENGTH);
      head = head.subarray(0, (await handle.read(head, 0, head.length, 0)).bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return READABLE_HINT;
  }
  if (head.length === 0)
    return { zh: '未做任何计算：文件为空。', en: 'Nothing was computed: the file is empty.' };
  if (WORKBOOK_NAME.test(file) && !isWorkbookStart(head))
    return {
      zh: '未做任何计算：文件名是工作簿（.xlsx），但内容不是：它不以 .xlsx 的 zip 格式开头。请在 Excel 或 WPS 中另存为 .xlsx 或 CSV。',
      en: 'Nothing was computed: the name says workbook (.xlsx), but the content is not one: it does not begin as an .xlsx (zip) file. Save it again as .xlsx or CSV from Excel or WPS.',
    };
  return READABLE_HINT;
}

/** A file that cannot be read ends the command with exit 2 and one line: never an empty result passed for a read. */
async function failIfUnreadable(command: string, file: string, issues: readonly Issue[]): Promise<void> {
  const fatal = issues.find((issue) => issue.severity === 'error');
  if (fatal !== undefined)
    throw new UsageError(
      {
        zh: `shequ ${command}：无法读取 ${echo(file)}：${fatal.message.zh}`,
        en: `shequ ${command}: cannot read ${echo(file)}: ${fatal.message.zh} / ${fatal.message.en}`,
      },
      await unreadableHint(file),
    );
}

/** The FILE argument, required. */
function requireFile(command: string, file: string | undefined): string {
  if (file === undefined)
    throw new UsageError(
      {
        zh: `shequ ${command}：请给出一个 CSV 或 .xlsx 文件`,
        en: `shequ ${command}: give a CSV or .xlsx file`,
      },
      { zh: `示例：shequ ${command} 统计表.csv`, en: `Example: shequ ${command} 统计表.csv` },
    );
  return file;
}

/**
 * Reads a statistics file (CSV or .xlsx, streamed in batches by the pipeline: rows are never all in memory),
 * calling `onRow` for each accepted row (with its line in the file) so that nothing but the rejected rows is kept. `-` reads standard input. A
 * file that cannot be read — missing, a folder, not a statistics sheet (no header), an encoding or workbook that
 * cannot be decoded, a limit crossed — ends the command with exit 2.
 */
export async function readRows(
  command: string,
  file: string | undefined,
  streams: CliStreams,
  onRow: (row: UnitStatistics, line: number) => void,
): Promise<InputRows> {
  return runFileJob(command, file, streams, (source, onProgress) =>
    readSource(source(), { onProgress }, onRow),
  );
}

/**
 * The steps every data command takes around its job: the FILE is required, its rows are read from the file (or
 * standard input) with progress on a terminal, and a file that could not be read ends the command with exit 2.
 */
export async function runFileJob<Job extends { readonly issues: readonly Issue[] }>(
  command: string,
  file: string | undefined,
  streams: CliStreams,
  job: (
    source: () => SheetSource,
    onProgress: (progress: { readonly read: number }) => void,
    path: string | undefined,
  ) => Promise<Job>,
): Promise<Job> {
  const path = requireFile(command, file);
  const progress = progressReporter(streams);
  const result = await job(
    () => fileSource(path, streams),
    (p) => progress.tick(p.read),
    path === '-' ? undefined : path,
  );
  progress.done();
  await failIfUnreadable(command, path, result.issues);
  return result;
}
