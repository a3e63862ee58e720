/**
 * The input of a file read in ranges, merged from the ranges' own (parallel.ts, and validate's ranges in the CLI):
 * rejected rows and issues with their lines in the whole file, the counts added.
 */
import type { RejectedRow } from '../io/row-reader.js';
import type { JobInput } from './job.js';
import type { Plan } from './range-plan.js';
import type { RangeResult } from './range-read.js';

/** A rejected row of a worker's range, with its lines in the whole file. */
function shiftRejected(row: RejectedRow, shift: number): RejectedRow {
  return {
    ...row,
    line: row.line + shift,
    issues: row.issues.map((issue) =>
      issue.line === undefined ? issue : { ...issue, line: issue.line + shift },
    ),
  };
}

/** What every range reader gives back about the rows it read (lines as in a file of the header and the range). */
export type RangeInput = Pick<RangeResult, 'rejected' | 'counts' | 'issues' | 'lines' | 'endedInQuotes'>;

/**
 * The input of the whole file from its ranges' (the first read here, the others given in file order): rejected rows
 * and issues with their lines in the file, the counts; `merge` takes each later range's own results with the shift
 * of its lines, and refuses (false) what cannot be merged exactly. `undefined` when a cut was unsafe or `merge`
 * refused: the file is to be read in one piece.
 */
export function mergeRangeInputs<Result extends RangeInput>(
  plan: Pick<Plan, 'encoding' | 'headerLines' | 'headerBlankLines'>,
  first: JobInput & { lines: number },
  results: readonly Result[],
  merge: (result: Result, shift: number) => boolean,
): JobInput | undefined {
  const ranges = [first, ...results];
  if (ranges.slice(0, -1).some((range) => range.endedInQuotes === true)) return undefined;
  const rejected = first.rejected.slice();
  const issues = first.issues.slice();
  let { read, accepted, blankLines } = first.counts;
  let linesBefore = first.lines;
  for (const result of results) {
    // The worker's file was the header lines, then its range: its line (headerLines + 1) is the file's linesBefore + 1.
    const shift = linesBefore - plan.headerLines;
    if (!merge(result, shift)) return undefined;
    for (const row of result.rejected) rejected.push(shiftRejected(row, shift));
    // Issues on the header's lines were given by the first range already (every worker reads the header again).
    for (const issue of result.issues) {
      if (issue.line === undefined) issues.push(issue);
      else if (issue.line > plan.headerLines) issues.push({ ...issue, line: issue.line + shift });
    }
    read += result.counts.read;
    accepted += result.counts.accepted;
    blankLines += result.counts.blankLines - plan.headerBlankLines;
    linesBefore += result.lines;
  }
  return {
    counts: { read, accepted, rejected: rejected.length, blankLines, titleLines: first.counts.titleLines },
    rejected,
    issues,
    header: first.header,
    encoding: plan.encoding,
    ...(results.at(-1)?.endedInQuotes === true ? { endedInQuotes: true } : {}),
  };
}
