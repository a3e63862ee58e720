import type { UnitStatistics } from 'shequ';
import { type CliStreams, echo, UsageError } from './context.js';
import { type InputRows, readRows } from './input.js';
import { yearOfFileName } from './year-of-file.js';

/**
 * Reads every file row by row, each row with its year: its own 年度 cell, else the file's year (`year`, or the year
 * in its name). A file without a year column and without a year to give it stops the command. `shequ evaluate` and
 * `shequ report FILE…` read several files this one way.
 */
export async function readYearFiles(
  command: string,
  files: readonly string[],
  year: number | undefined,
  streams: CliStreams,
  onRow: (row: UnitStatistics) => void,
): Promise<{ file: string; input: InputRows }[]> {
  const inputs: { file: string; input: InputRows }[] = [];
  for (const file of files) {
    const fileYear = year ?? (file === '-' ? undefined : yearOfFileName(file));
    const input = await readRows(command, file, streams, (row) => {
      onRow(fileYear !== undefined && row.year === undefined ? { ...row, year: fileYear } : row);
    });
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
