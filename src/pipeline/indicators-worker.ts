// Worker thread of computeIndicatorsFromFile: reads its own byte range of a CSV file (behind the file's title lines
// and header, claimed chunk by chunk so that the main thread can take over its tail) and sends back its sums packed
// (typed arrays, transferred), the rejected rows (lines counted from the range's first line), the counts and how many
// physical lines the range holds.
import { parentPort } from 'node:worker_threads';
import { packedBuffers } from '../indicators/parts-packed.js';
import { type RangeJob, readRange } from './range-read.js';
import { jobOfThisWorker } from './waiting-workers.js';

const result = await readRange(await jobOfThisWorker<RangeJob>(), (read) =>
  parentPort?.postMessage({ kind: 'progress', read }),
);
// The typed arrays' buffers are moved to the main thread, not copied.
parentPort?.postMessage(result, packedBuffers(result.packed));
