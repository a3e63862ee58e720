// Worker thread of accumulateIndicatorsInParallel: reads one slice of a CSV file and accumulates its indicators.
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createIndicatorAccumulator } from '../indicators/parts.js';
import type { TextEncodingName } from './decode.js';
import { streamUnitStatisticsBatches } from './read.js';
import type { RejectedRow } from './row-reader.js';

interface Job {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  /** Physical line of the file where the slice starts. */
  readonly line: number;
  /** Bytes [0, end) of the file hold the title lines and the header; `lines` of them. Absent for the first slice. */
  readonly header: { readonly end: number; readonly lines: number } | null;
  readonly encoding: TextEncodingName;
  readonly profile: 'national' | 'hebei' | 'beijing';
}

const job = workerData as Job;

/** This slice's bytes, behind the file's header lines when the slice is not the first. */
async function* chunks(): AsyncGenerator<Uint8Array> {
  if (job.header !== null) {
    for await (const chunk of createReadStream(job.path, { start: 0, end: job.header.end - 1 }))
      yield chunk as Uint8Array;
  }
  for await (const chunk of createReadStream(job.path, {
    start: job.start,
    end: job.end - 1,
    highWaterMark: 65_536,
  })) {
    yield chunk as Uint8Array;
  }
}

const accumulator = createIndicatorAccumulator({ profile: job.profile });
const rejected: RejectedRow[] = [];
let result = { read: 0, accepted: 0, rejected: 0 };
let issues: unknown[] = [];
// Lines of this slice, back in the whole file's numbering (the row's and its issues').
const shift = job.header === null ? 0 : job.line - 1 - job.header.lines;
// In batches: one promise per chunk of the slice, not one per row.
for await (const batch of streamUnitStatisticsBatches(chunks(), { encoding: job.encoding })) {
  for (const event of batch) {
    if (event.kind === 'row') accumulator.add(event.accepted.row);
    else if (event.kind === 'rejected') {
      const line = event.rejected.line + shift;
      const rowIssues = event.rejected.issues.map((issue) =>
        issue.line === undefined ? issue : { ...issue, line: issue.line + shift },
      );
      rejected.push({ ...event.rejected, line, issues: rowIssues });
    } else if (event.kind === 'end') {
      result = event.counts;
      issues = event.issues.slice();
    }
  }
}
parentPort?.postMessage({
  parts: accumulator.parts(),
  rejected,
  counts: { read: result.read, accepted: result.accepted, rejected: result.rejected },
  issues,
});
