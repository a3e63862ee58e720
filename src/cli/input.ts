import { readFile } from 'node:fs/promises';
import {
  type AcceptedRow,
  createDivisionDataset,
  type DivisionDataset,
  type HeaderInfo,
  type Issue,
  type RejectedRow,
  type UnitStatistics,
} from 'shequ';
import { beijingDivisions } from 'shequ/divisions/beijing';
import { hebeiDivisions } from 'shequ/divisions/hebei';
import { createCsvParser, streamUnitStatistics } from 'shequ/io';
import { streamUnitStatisticsFile } from 'shequ/io/node';
import { type CliStreams, echo, progressReporter, UsageError } from './context.js';

/** What reading a data file gives a command. */
export interface InputRows {
  readonly header: HeaderInfo | undefined;
  readonly rejected: readonly RejectedRow[];
  readonly issues: readonly Issue[];
  readonly counts: { readonly read: number; readonly accepted: number; readonly rejected: number };
}

/**
 * Reads a statistics file (CSV or .xlsx, streamed: rows are never all in memory), calling `onRow` for each accepted row so that nothing but the
 * rejected rows is kept. `-` reads standard input. A file that cannot be read — missing, not a statistics sheet (no
 * header), an encoding or workbook that cannot be decoded, a limit crossed — ends the command with exit 2: an empty
 * result must never pass for a file that was read.
 */
export async function readRows(
  command: string,
  file: string | undefined,
  streams: CliStreams,
  onRow: (row: UnitStatistics, accepted: AcceptedRow) => void,
): Promise<InputRows> {
  if (file === undefined)
    throw new UsageError(
      `shequ ${command}: give a CSV or .xlsx file`,
      `Example: shequ ${command} 统计表.csv`,
    );
  let input: InputRows;
  try {
    input = await readInput(file, streams, onRow);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code))
      throw new UsageError(
        `shequ ${command}: cannot read ${echo(file)} (${code})`,
        'Check the path; CSV (UTF-8, UTF-16 or GB18030) and .xlsx are read.',
      );
    throw error;
  }
  const fatal = input.issues.find((issue) => issue.severity === 'error');
  if (fatal !== undefined)
    throw new UsageError(
      `shequ ${command}: cannot read ${echo(file)}: ${fatal.message.zh} / ${fatal.message.en}`,
      'Nothing was computed. CSV (UTF-8, UTF-16 or GB18030) and .xlsx statistics sheets are read; see docs/io.md.',
    );
  return input;
}

async function readInput(
  file: string,
  streams: CliStreams,
  onRow: (row: UnitStatistics, accepted: AcceptedRow) => void,
): Promise<InputRows> {
  const progress = progressReporter(streams);
  const rejected: RejectedRow[] = [];
  let header: HeaderInfo | undefined;
  const issues: Issue[] = [];
  const events =
    file === '-' && streams.stdin !== undefined
      ? streamUnitStatistics(streams.stdin)
      : streamUnitStatisticsFile(file);
  let rows = 0;
  for await (const event of events) {
    if (event.kind === 'row') {
      onRow(event.accepted.row, event.accepted);
      progress.tick(++rows);
    } else if (event.kind === 'rejected') rejected.push(event.rejected);
    else if (event.kind === 'header') {
      header = event.header;
      for (const issue of event.issues) issues.push(issue);
    } else {
      for (const issue of event.issues) issues.push(issue);
      progress.done();
      return { header, rejected, issues, counts: event.counts };
    }
  }
  // Unreachable in practice: every stream ends with an 'end' event. Kept so that the type is honest.
  return { header, rejected, issues, counts: { read: 0, accepted: 0, rejected: 0 } };
}

/** The shipped lists, and the caller's `--divisions` CSV (code,name[,parent]) in front of them. */
export async function divisionLists(file: string | undefined): Promise<DivisionDataset[]> {
  const lists = [hebeiDivisions, beijingDivisions];
  if (file === undefined) return lists;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(
      `shequ: cannot read the division list ${echo(file)}`,
      'A CSV with columns code,name (like shared/data/hebei.csv).',
    );
  }
  const records = parseDivisionCsv(text);
  return [
    createDivisionDataset(
      { id: file, name: { zh: file, en: file }, source: file, referenceDate: 'unknown' },
      records,
    ),
    ...lists,
  ];
}

/** A division list CSV: a header row, then code and name in the first two columns (quoted fields allowed). */
function parseDivisionCsv(text: string): { code: string; name: string }[] {
  const parser = createCsvParser();
  const records = [...parser.push(text.replace(/^\ufeff/, '')), ...parser.end()].slice(1);
  return records.flatMap(({ fields: [code, name] }) =>
    code !== undefined && name !== undefined && code !== '' ? [{ code, name }] : [],
  );
}
