import type { Crosswalk, CrosswalkEntry } from 'shequ';
import type { CsvRecord } from 'shequ/io';
import {
  BROKEN_RECORD,
  type CallerFileKind,
  type FileProblem,
  problemList,
  readCallerCsv,
  SAVE_CSV_AS_UTF8,
} from './caller-file.js';
import { echo, UsageError } from './context.js';
import type { Bilingual } from './lang.js';

// `--crosswalk FILE`: the caller's changes of division codes (原代码,新代码,起始年度), used whole or not at all: a file
// with a bad line is refused, and every bad line is named by the file's own line number (ten, then a count).

/** A crosswalk, as the messages about it name it. */
const CROSSWALK_FILE: CallerFileKind = {
  name: { zh: '区划对照表', en: 'the crosswalk' },
  expected: {
    zh: '应为含 原代码,新代码,起始年度 三列的 CSV。',
    en: 'A CSV with columns 原代码,新代码,起始年度 (old code,new code,from year).',
  },
  saveAsUtf8: SAVE_CSV_AS_UTF8,
};

/** Bad lines of a crosswalk listed one by one (the rest are counted). */
const SHOWN_PROBLEMS = 10;

/** The headers a crosswalk CSV may use for each field (Chinese and English). */
const CROSSWALK_HEADERS: Readonly<Record<keyof CrosswalkEntry, readonly string[]>> = {
  oldCode: ['原代码', '旧代码', '原区划代码', 'old', 'oldcode', 'old code', 'from code'],
  newCode: ['新代码', '新区划代码', 'new', 'newcode', 'new code', 'to code'],
  fromYear: ['起始年度', '起始年份', '生效年度', '年度', 'from', 'fromyear', 'from year', 'year'],
};

/** Where a line of the file is, in both languages (the English keeps 第 N 行 beside line N, as scripts read it). */
function lineOfFile(line: number): Bilingual {
  return { zh: `第 ${line} 行`, en: `第 ${line} 行 line ${line}` };
}

/** The column of each field, by the header's names; undefined when one is missing (or the line is no header). */
function crosswalkColumns(head: CsvRecord | undefined): Record<keyof CrosswalkEntry, number> | undefined {
  if (head === undefined || head.error !== undefined) return undefined;
  const names = head.fields.map((cell) => cell.trim().toLowerCase());
  const column = (key: keyof CrosswalkEntry) =>
    names.findIndex((name) => CROSSWALK_HEADERS[key].includes(name));
  const at = { oldCode: column('oldCode'), newCode: column('newCode'), fromYear: column('fromYear') };
  return at.oldCode < 0 || at.newCode < 0 || at.fromYear < 0 ? undefined : at;
}

/**
 * `--crosswalk FILE`: a CSV of 原代码,新代码,起始年度 (or old code,new code,from year; the header is its first line that
 * is not blank, the columns in any order), read with `readCallerCsv` and checked with `parseCrosswalk`; the year as a
 * 年度 cell is read (`parseYearCell`: `2024`, `2024年`, `2024年度`). A file that
 * cannot be read, is not UTF-8, has no such header or holds a bad line is a usage error naming each bad line.
 */
export async function readCrosswalkFile(
  command: string,
  file: string | undefined,
): Promise<Crosswalk | undefined> {
  if (file === undefined) return undefined;
  const [head, ...records] = await readCallerCsv(command, file, CROSSWALK_FILE);
  const at = crosswalkColumns(head);
  if (at === undefined) throw noHeader(command, file, head?.line);
  const problems: (FileProblem & { readonly line: number })[] = [];
  // The year is read as a 年度 cell of a statistics sheet is (not Number(): 0x7E8, 2e3, 2020.0 are no years).
  const { parseYearCell } = await import('shequ/io');
  const entries: CrosswalkEntry[] = [];
  const entryLines: number[] = [];
  for (const { line, fields, error } of records) {
    if (error !== undefined) {
      problems.push({ line, where: lineOfFile(line), message: BROKEN_RECORD[error] });
      continue;
    }
    const cell = (index: number) => (fields[index] ?? '').trim();
    entries.push({
      oldCode: cell(at.oldCode),
      newCode: cell(at.newCode),
      // Not a year: NaN, which parseCrosswalk reports on the line with the line's other problems.
      fromYear: parseYearCell(cell(at.fromYear)) ?? Number.NaN,
    });
    entryLines.push(line);
  }
  const { parseCrosswalk } = await import('shequ');
  const parsed = parseCrosswalk(entries);
  if (parsed.success && problems.length === 0) return parsed.data;
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const line = entryLines[issue.path[0] as number] ?? (head?.line as number);
    problems.push({ line, where: lineOfFile(line), message: issue.message });
  }
  throw badLines(
    command,
    file,
    problems.sort((a, b) => a.line - b.line),
  );
}

/** The usage error of a crosswalk whose first line that is not blank (at `line`) is no header, or of an empty one. */
function noHeader(command: string, file: string, line: number | undefined): UsageError {
  const name = echo(file);
  return new UsageError(
    line === undefined
      ? {
          zh: `shequ ${command}：区划对照表 ${name} 为空：需要 原代码、新代码、起始年度 三列`,
          en: `shequ ${command}: the crosswalk ${name} is empty: it needs the columns old code, new code, from year`,
        }
      : {
          zh: `shequ ${command}：区划对照表 ${name} 的表头（第 ${line} 行）需要 原代码、新代码、起始年度 三列`,
          en: `shequ ${command}: the crosswalk ${name} needs the columns old code, new code, from year in its header (${lineOfFile(line).en})`,
        },
    {
      zh: '表头示例：原代码,新代码,起始年度',
      en: 'Example header: 原代码,新代码,起始年度 (or old code,new code,from year)',
    },
  );
}

/** The usage error of a crosswalk with bad lines: each named by its line, with what is wrong. */
function badLines(command: string, file: string, problems: readonly FileProblem[]): UsageError {
  const list = problemList(problems, SHOWN_PROBLEMS);
  return new UsageError(
    {
      zh: `shequ ${command}：区划对照表 ${echo(file)} 未采用（${problems.length} 处问题）：\n${list.zh}`,
      en: `shequ ${command}: the crosswalk ${echo(file)} is not used (${problems.length} issues):\n${list.en}`,
    },
    {
      zh: '每行：12 位原代码、同一级别的 12 位新代码、新代码起用的年度。',
      en: 'Each line: a 12-digit old code, a 12-digit new code of the same level, the first year of the new code.',
    },
  );
}
