// Worker thread of the parallel `shequ validate` (validate-parallel.ts): validates its own byte range of a CSV file
// (behind the file's title lines and header, claimed chunk by chunk so that the main thread can take over its tail),
// sorts its findings into run files in the main thread's folder and sends back what the merge needs.
import { parentPort } from 'node:worker_threads';
import { jobOfThisWorker } from '../pipeline/waiting-workers.js';
import { type ValidateRangeJob, validateRange } from './validate-range.js';

const result = await validateRange(await jobOfThisWorker<ValidateRangeJob>(), (read) =>
  parentPort?.postMessage({ kind: 'progress', read }),
);
parentPort?.postMessage(result);
