import type { DivisionDataset, DivisionRecord } from 'shequ';
import type { CsvRecord } from 'shequ/io';
import { BROKEN_RECORD, type CallerFileKind, readCallerCsv, SAVE_CSV_AS_UTF8 } from './caller-file.js';
import { type CliStreams, echo, messageLang } from './context.js';
import { type Bilingual, pick } from './lang.js';
import { shippedDivisionLists } from './shipped-divisions.js';

// `--divisions FILE`: the caller's list of regions (code,name), read in front of the shipped lists. Every line is
// used or said: a line left out is listed on stderr with its number and reason, and the counts add up.

/** Lines left out of a division list that are listed one by one on stderr (the rest are counted in one line). */
const SHOWN_LEFT_OUT = 5;

/** A line of the list that is not used, and why. */
interface LeftOutLine {
  readonly line: number;
  readonly reason: Bilingual;
}

/** A division list read from its file: the dataset, the lines read (blank lines aside) and those left out. */
interface DivisionListRead {
  readonly dataset: DivisionDataset;
  readonly read: number;
  readonly leftOut: readonly LeftOutLine[];
}

/** A division list, as the messages about it name it. */
const DIVISION_LIST: CallerFileKind = {
  name: { zh: '区划列表', en: 'the division list' },
  expected: {
    zh: '应为含 code,name 两列的 CSV（如 shared/data/hebei.csv）。',
    en: 'A CSV with columns code,name (like shared/data/hebei.csv).',
  },
  saveAsUtf8: SAVE_CSV_AS_UTF8,
};

/**
 * The shipped lists, and the caller's `--divisions` CSV (code,name; further columns ignored) in front of them. Each
 * shipped list loads on the first lookup of a code of its province, not when the command starts (the Hebei list is
 * 3.5 MB). A file that cannot be read or is not UTF-8 is a usage error; with `streams`, the lines left out are
 * reported on stderr (a worker thread, reading the file again, passes none: the command has reported them).
 */
export async function divisionLists(
  command: string,
  file: string | undefined,
  streams?: CliStreams,
): Promise<DivisionDataset[]> {
  const lists = shippedDivisionLists();
  if (file === undefined) return lists;
  const list = await readDivisionList(file, await readCallerCsv(command, file, DIVISION_LIST));
  if (streams !== undefined) reportLeftOut(command, file, list, streams);
  return [list.dataset, ...lists];
}

/** Said beside the reason a first line is left out for its code: it may have been meant for a header. */
const NOT_A_HEADER: Bilingual = {
  zh: '（若这是表头：第一列应名为 code、代码或区划代码）',
  en: ' (if it is a header: name its first column code, 代码 or 区划代码)',
};

/**
 * The list's lines as division records, and the lines left out: broken records, and those the dataset leaves out
 * (an invalid code, no name, a region listed again under another name). Blank lines are not lines of the list. The
 * first line is the header when its first cell names the code column as a statistics sheet's does (`fieldOfHeader`:
 * code, 代码, 区划代码, 统计用区划代码 …); else it is a line of the list like any other (a list written without a
 * header), used or left out and said — never dropped in silence as a header it is not.
 */
async function readDivisionList(file: string, all: readonly CsvRecord[]): Promise<DivisionListRead> {
  const { createDivisionDataset } = await import('shequ/codes');
  const { fieldOfHeader } = await import('shequ/io');
  const first = all[0];
  const isHeader = first?.error === undefined && fieldOfHeader(first?.fields[0] ?? '') === 'code';
  const lines = isHeader ? all.slice(1) : all;
  const leftOut: LeftOutLine[] = [];
  const records: DivisionRecord[] = [];
  const recordLines: number[] = [];
  for (const { line, fields, error } of lines) {
    if (error !== undefined) leftOut.push({ line, reason: BROKEN_RECORD[error] });
    else {
      // A line without a name is passed as it is: the dataset says why it is left out.
      records.push({ code: fields[0], name: fields[1] } as DivisionRecord);
      recordLines.push(line);
    }
  }
  const dataset = createDivisionDataset(
    { id: file, name: { zh: file, en: file }, source: file, referenceDate: 'unknown' },
    records,
  );
  for (const issue of dataset.issues) {
    const line = recordLines[issue.path[0] as number] as number;
    // A first line whose code is no code may have been meant for a header: said so.
    const reason =
      line === first?.line && issue.path[1] === 'code'
        ? { zh: issue.message.zh + NOT_A_HEADER.zh, en: issue.message.en + NOT_A_HEADER.en }
        : issue.message;
    leftOut.push({ line, reason });
  }
  leftOut.sort((a, b) => a.line - b.line);
  return { dataset, read: lines.length, leftOut };
}

/** One line of counts, then the first lines left out with their reasons, then how many more: in the run's language. */
function reportLeftOut(command: string, file: string, list: DivisionListRead, streams: CliStreams): void {
  const { read, leftOut } = list;
  if (leftOut.length === 0) return;
  const lang = messageLang(streams);
  const name = echo(file);
  const say = (text: Bilingual) => streams.stderr.write(`${pick(text, lang)}\n`);
  say({
    zh: `shequ ${command}：区划列表 ${name}：读取 ${read} 行，采用 ${read - leftOut.length} 行，未采用 ${leftOut.length} 行`,
    en: `shequ ${command}: division list ${name}: ${read} lines read, ${read - leftOut.length} used, ${leftOut.length} left out`,
  });
  for (const { line, reason } of leftOut.slice(0, SHOWN_LEFT_OUT))
    say({
      zh: `shequ ${command}：区划列表 ${name} 第 ${line} 行：${reason.zh}`,
      en: `shequ ${command}: division list ${name}, line ${line}: ${reason.en}`,
    });
  const more = leftOut.length - SHOWN_LEFT_OUT;
  if (more > 0)
    say({
      zh: `shequ ${command}：区划列表 ${name}：另有 ${more} 行未采用`,
      en: `shequ ${command}: division list ${name}: ${more} more lines left out`,
    });
}
