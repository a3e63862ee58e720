import type { UnitStatistics } from 'shequ';
import { type CliStreams, echo, UsageError } from './context.js';
import { type InputRows, readRows } from './input.js';
import { yearOfFileName } from './year-of-file.js';

/**
 * A file named after one year whose 年度 cells give another (last year's sheet saved under this year's name): its rows
 * are counted in the years they give, and the run says so, once per file.
 */
function warnOtherYears(
  command: string,
  file: string,
  named: number | undefined,
  otherYears: ReadonlyMap<number, number>,
  streams: CliStreams,
): void {
  if (named === undefined || otherYears.size === 0) return;
  const years = [...otherYears].sort(([a], [b]) => a - b);
  const zh = years.map(([y, rows]) => `${y} 年 ${rows} 行`).join('、');
  const en = years.map(([y, rows]) => `${rows} of ${y}`).join(', ');
  streams.stderr.write(
    `shequ ${command}: 警告 warning: ${echo(file)} 以 ${named} 年命名，但其“年度”列给出 ${zh}：这些行计入其所给年度 / ${echo(file)} is named after ${named} but its 年度 column gives rows ${en}: they are counted in the year they give\n`,
  );
}

/**
 * Reads every file row by row, each row with its year: its own 年度 cell, else the file's year (`year`, or the year
 * in its name); `onRow` gets its line and its file too. A file without a year column and without a year to give it stops the command. `shequ evaluate` and
 * `shequ report FILE…` read several files this one way.
 */
export async function readYearFiles(
  command: string,
  files: readonly string[],
  year: number | undefined,
  streams: CliStreams,
  onRow: (row: UnitStatistics, line: number, file: string) => void,
): Promise<{ file: string; input: InputRows }[]> {
  const inputs: { file: string; input: InputRows }[] = [];
  for (const file of files) {
    const named = file === '-' ? undefined : yearOfFileName(file);
    const fileYear = year ?? named;
    const otherYears = new Map<number, number>();
    const input = await readRows(command, file, streams, (row, line) => {
      if (named !== undefined && row.year !== undefined && row.year !== named)
        otherYears.set(row.year, (otherYears.get(row.year) ?? 0) + 1);
      onRow(fileYear !== undefined && row.year === undefined ? { ...row, year: fileYear } : row, line, file);
    });
    warnOtherYears(command, file, named, otherYears, streams);
    const hasYearColumn = input.header?.columns.some((column) => column.field === 'year') === true;
    if (!hasYearColumn && fileYear === undefined)
      throw new UsageError(
        {
          zh: `shequ ${command}：${echo(file)} 没有 年度 列，文件名中也没有年份`,
          en: `shequ ${command}: ${echo(file)} has no 年度 (year) column and its name gives no year`,
        },
        {
          zh: '用 --year 2025 给出年度，或以年度命名文件（正定县2025.csv），或增加 年度 列。',
          en: 'Give the year with --year 2025, name the file after its year (正定县2025.csv), or add a 年度 column.',
        },
      );
    inputs.push({ file, input });
  }
  return inputs;
}
