// Worker thread of computeIndicatorsFromFile: reads its own byte range of a CSV file (behind the file's title lines
// and header), accumulates the indicators of its rows and sends back its sums packed (typed arrays, transferred), the rejected rows (lines
// counted from the range's first line), the counts and how many physical lines the range holds.
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Issue } from '../core/issue.js';
import { notCountedIssue } from '../indicators/compute.js';
import { createPackingAccumulator } from '../indicators/parts.js';
import { packedBuffers } from '../indicators/parts-packed.js';
import type { RejectedRow } from '../io/row-reader.js';
import { unitKindOfTotal } from '../model/row-kind-predicates.js';
import { readSource } from './indicators.js';
import type { RangeJob, RangeResult } from './parallel.js';
import { createLineCounter } from './record-walk.js';

const job = workerData as RangeJob;

const counter = createLineCounter();

/** The header bytes, then this range's bytes (whose line breaks are counted on the way). */
async function* chunks(): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(job.path, { start: 0, end: job.headerEnd - 1 }))
    yield chunk as Uint8Array;
  for await (const chunk of createReadStream(job.path, {
    start: job.start,
    end: job.end - 1,
    highWaterMark: 65_536,
  })) {
    counter.count(chunk as Uint8Array);
    yield chunk as Uint8Array;
  }
}

const packing = createPackingAccumulator({
  profile: job.profile,
  ...(job.year === undefined ? {} : { year: job.year }),
  ...(job.crosswalk === undefined ? {} : { crosswalk: job.crosswalk }),
});
const { accumulator } = packing;
const notCounted: Issue[] = [];
let withoutYear = 0;
let lastProgress = 0;
const input = await readSource(
  chunks(),
  {
    read: { ...job.read, encoding: job.encoding },
    onProgress: ({ read }) => {
      // A message per 50 000 rows, not per batch: the main thread sums them for its progress line.
      if (read - lastProgress < 50_000) return;
      lastProgress = read;
      parentPort?.postMessage({ kind: 'progress', read });
    },
  },
  (row, line) => {
    if (accumulator.add(row)) {
      if (row.year === undefined) withoutYear++;
    } else notCounted.push(notCountedIssue(row, unitKindOfTotal(row.kind) !== undefined, { line }));
  },
);
const rejected: RejectedRow[] = input.rejected.slice();
const result: RangeResult = {
  kind: 'done',
  packed: packing.pack(),
  rejected,
  counts: input.counts,
  issues: input.issues.slice(),
  notCounted,
  withoutYear,
  lines: counter.lines,
  endedInQuotes: input.endedInQuotes === true,
};
// The typed arrays' buffers are moved to the main thread, not copied.
parentPort?.postMessage(result, packedBuffers(result.packed));
